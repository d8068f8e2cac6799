// `gapbot ingest`: stores a source's text one paragraph per line, registers it, drafts its knowledge
// (draft.ts) and writes the draft beside the curated files. Running it again on a changed text replaces
// the draft entries (marked `draft: true`), keeps curated ones (the mark removed), moving a curated quote
// that now stands in another paragraph, and stops, writing nothing, when a curated entry no longer fits.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Document, isMap, isSeq, parseDocument, stringify } from "yaml";
import { formatProblem, type Loaded, readKnowledge } from "../load.js";
import { normaliseQuote } from "../numbers.js";
import type { Fact, Knowledge, Source } from "../schema.js";
import { validateKnowledge } from "../validate.js";
import { type Draft, draftSource } from "./draft.js";
import { isCurrency } from "./figures.js";
import { paragraphsOf } from "./text.js";

export interface IngestOptions {
  /** The knowledge folder to add to. */
  dir: string;
  /** The text: paragraphs one per line, or wrapped and separated by blank lines. */
  text: string;
  id: string;
  title: string;
  url?: string;
  published?: string;
  publisher?: string;
  authors?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface IngestResult {
  paragraphs: number;
  facts: number;
  entities: number;
  ignored: number;
  topics: number;
  /** Curated facts kept as they were, and those whose quote moved to another paragraph. */
  kept: number;
  moved: string[];
  files: string[];
}

/** Curated entries the new text no longer supports; nothing was written. */
export class IngestConflict extends Error {
  constructor(readonly conflicts: string[]) {
    super(
      `gapbot ingest: stopped, nothing written: ${conflicts.length} curated entr${conflicts.length === 1 ? "y conflicts" : "ies conflict"} with the new text:\n` +
        conflicts.map((c) => `  ${c}`).join("\n") +
        "\nEdit or remove each, or mark it `draft: true` to let ingest replace it, then run ingest again.",
    );
    this.name = "IngestConflict";
  }
}

const isDraft = (x: { draft?: boolean }) => x.draft === true;

export function ingest(o: IngestOptions): IngestResult {
  const paragraphs = paragraphsOf(o.text);
  if (paragraphs.every((p) => p.trim() === ""))
    throw new Error(`gapbot ingest: the text of "${o.id}" is empty`);
  const loaded = readKnowledge(o.dir);
  const k = loaded.knowledge;
  const previous = k.sources.find((s) => s.id === o.id);
  // Fields in the order a person writes them, so that ingesting the same text again rewrites nothing.
  const source: Source = {
    id: o.id,
    title: o.title,
    file: previous?.file ?? `${o.id}.txt`,
    language: previous?.language ?? "en",
    ...(o.publisher
      ? { publisher: o.publisher }
      : previous?.publisher
        ? { publisher: previous.publisher }
        : {}),
    authors: o.authors && o.authors.length > 0 ? o.authors : (previous?.authors ?? []),
    ...(o.published
      ? { published: o.published }
      : previous?.published
        ? { published: previous.published }
        : {}),
    ...(o.url ? { url: o.url } : previous?.url ? { url: previous.url } : {}),
    ...(previous?.machine_translation_of ? { machine_translation_of: previous.machine_translation_of } : {}),
    ...(previous?.note ? { note: previous.note } : {}),
    ...(previous ? (previous.draft ? { draft: true } : {}) : { draft: true }),
  };

  // Curated entries of this source must still stand in the new text; a quote found in another paragraph moves.
  const conflicts: string[] = [];
  const moved: { fact: Fact; to: number; file: string }[] = [];
  const curated = k.facts.filter((f) => f.source === o.id && !isDraft(f));
  const keptFacts: Fact[] = [];
  for (const f of curated) {
    const q = normaliseQuote(f.quote);
    const at = (n: number) => normaliseQuote(paragraphs[n - 1] ?? "").includes(q);
    const file = loaded.origins.of.get(`fact:${f.id}`) ?? "facts";
    if (at(f.paragraph)) {
      keptFacts.push(f);
      continue;
    }
    const where = paragraphs.flatMap((_p, i) => (at(i + 1) ? [i + 1] : []));
    if (where.length === 1 && where[0] !== undefined) {
      moved.push({ fact: f, to: where[0], file });
      keptFacts.push({ ...f, paragraph: where[0] });
    } else
      conflicts.push(
        `${file} › ${f.id} › quote: "${f.quote}" no longer stands in ¶${f.paragraph}${where.length > 1 ? ` (it stands in ${where.length} paragraphs: ${where.join(", ")})` : " nor anywhere in the new text"}`,
      );
  }
  const keptIgnored = k.ignored.filter((i) => i.source === o.id && !isDraft(i));
  for (const i of keptIgnored)
    if (!normaliseQuote(paragraphs[i.paragraph - 1] ?? "").includes(normaliseQuote(i.text)))
      conflicts.push(`ignored › ${o.id} ¶${i.paragraph} "${i.text}": no longer stands in that paragraph`);
  if (conflicts.length > 0) throw new IngestConflict(conflicts);

  // The knowledge without this source's draft entries: what stays.
  const draftFile = `entities/${o.id}.yaml`;
  const oldDraftFacts = new Set(k.facts.filter((f) => f.source === o.id && isDraft(f)).map((f) => f.id));
  // A draft entity a curated fact names stays, as the fact does.
  const namedByCurated = new Set(
    keptFacts.flatMap((f) => [...f.entities, ...(f.attribution ? [f.attribution] : [])]),
  );
  const oldDraftEntities = new Set(
    k.entities
      .filter(
        (e) =>
          isDraft(e) && loaded.origins.of.get(`entity:${e.id}`) === draftFile && !namedByCurated.has(e.id),
      )
      .map((e) => e.id),
  );
  const oldDraftTopics = new Set(
    k.topics
      .filter((t) => {
        const listed = [...t.first, ...t.second, ...t.related];
        return isDraft(t) && listed.length > 0 && listed.every((id) => oldDraftFacts.has(id));
      })
      .map((t) => t.id),
  );
  const base: Knowledge = {
    ...k,
    sources: [...k.sources.filter((s) => s.id !== o.id), source],
    paragraphs: new Map([...k.paragraphs, [o.id, paragraphs]]),
    facts: k.facts
      .filter((f) => !oldDraftFacts.has(f.id))
      .map((f) =>
        moved.find((m) => m.fact.id === f.id)
          ? { ...f, paragraph: moved.find((m) => m.fact.id === f.id)?.to ?? f.paragraph }
          : f,
      ),
    entities: k.entities.filter((e) => !oldDraftEntities.has(e.id)),
    ignored: k.ignored.filter((i) => !(i.source === o.id && isDraft(i))),
    // The unit hints this source drafted before are drafted afresh from its text as it is now.
    vocabulary: {
      ...k.vocabulary,
      units: { ...k.vocabulary.units, hints: k.vocabulary.units.hints.filter((h) => h.draft !== o.id) },
    },
    // A draft topic this source proposed before, and nothing else lists, is proposed afresh.
    topics: k.topics
      .filter((t) => !oldDraftTopics.has(t.id))
      .map((t) => ({
        ...t,
        related: t.related.filter((id) => !oldDraftFacts.has(id)),
      })),
  };
  const units = new Set<string>([...k.vocabulary.units.known, ...(k.units ?? [])]);
  const ids = { fact: new Set(base.facts.map((f) => f.id)), entity: new Set(base.entities.map((e) => e.id)) };
  let draft = draftSource({
    source,
    paragraphs,
    knowledge: base,
    units,
    curated: keptFacts,
    idTaken: (kind, id) => ids[kind].has(id),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  draft = repair(draft, base, loaded, o.id);

  const files = writeDraft(o, source, paragraphs, draft, base, loaded, moved, oldDraftFacts, oldDraftTopics);
  // The guarantee: what is on disk now passes the check.
  const after = validateKnowledge(readKnowledge(o.dir));
  if (after.length > 0) {
    restore(files);
    throw new IngestConflict(after.map(formatProblem));
  }
  return {
    paragraphs: paragraphs.length,
    facts: draft.facts.length,
    entities: draft.entities.length,
    ignored: draft.ignored.length,
    topics: draft.topics.size + draft.newTopics.length,
    kept: keptFacts.length,
    moved: moved.map((m) => `${m.fact.id}: ¶${m.fact.paragraph} → ¶${m.to}`),
    files: files.map((f) => f.path),
  };
}

/** The draft merged into the knowledge, as `readKnowledge` would give it, for the check. */
function merged(draft: Draft, base: Knowledge, loaded: Loaded, id: string): Loaded {
  const knowledge: Knowledge = {
    ...base,
    facts: [...base.facts, ...draft.facts],
    entities: [...base.entities, ...draft.entities],
    ignored: [...base.ignored, ...draft.ignored],
    units: [...(base.units ?? []), ...draft.units],
    topics: [
      ...base.topics.map((t) => ({ ...t, related: [...t.related, ...(draft.topics.get(t.id) ?? [])] })),
      ...draft.newTopics,
    ],
  };
  const of = new Map(loaded.origins.of);
  for (const t of draft.newTopics) of.set(`topic:${t.id}`, `topics/${t.id}.yaml`);
  for (const f of draft.facts) of.set(`fact:${f.id}`, `facts/${id}.yaml`);
  for (const e of draft.entities) of.set(`entity:${e.id}`, `entities/${id}.yaml`);
  return { knowledge, origins: { of }, problems: [] };
}

/**
 * Runs the check over the draft and mends what it finds in draft entries: a figure the check refuses is
 * dropped, a claim it refuses becomes the quote, a fact it still refuses is dropped, an alias that clashes is
 * dropped, and a number no fact carries is listed as ignored. Problems outside the draft are left to the
 * final check, which names them.
 */
function repair(start: Draft, base: Knowledge, loaded: Loaded, id: string): Draft {
  let draft = start;
  for (let round = 0; round < 6; round++) {
    const problems = validateKnowledge(merged(draft, base, loaded, id));
    const facts = new Map(draft.facts.map((f) => [f.id, f]));
    const entities = new Map(draft.entities.map((e) => [e.id, e]));
    const proposedTopics = new Set(draft.newTopics.map((t) => t.id));
    const fix = problems.filter(
      (p) =>
        (p.id && (facts.has(p.id) || entities.has(p.id) || proposedTopics.has(p.id))) ||
        p.id === id ||
        (p.file === "ignored.yaml" && p.id?.startsWith(`${id} `)),
    );
    if (fix.length === 0) return draft;
    const dropFacts = new Set<string>();
    const dropEntities = new Set<string>();
    // A proposed topic the check refuses is dropped: the draft stands without it.
    const dropTopics = new Set<string>();
    const ignored = [...draft.ignored];
    for (const p of fix) {
      if (p.id && proposedTopics.has(p.id) && p.file === `topics/${p.id}.yaml`) {
        dropTopics.add(p.id);
        continue;
      }
      const f = p.id ? facts.get(p.id) : undefined;
      const e = p.id ? entities.get(p.id) : undefined;
      if (f) {
        const figure = /^figures\.(\d+)/.exec(p.field ?? "");
        if (figure) f.figures = f.figures.filter((_g, i) => i !== Number(figure[1]));
        else if (p.field === "claim" && f.claim !== f.quote && f.quote.length <= 200) f.claim = f.quote;
        else if (p.field === "metric" && f.figures[0] && !f.metric.endsWith(`(${f.figures[0].unit})`))
          f.metric = `${f.metric} (${f.figures[0].unit})`;
        else if (/^entities\.\d+$/.test(p.field ?? ""))
          f.entities = f.entities.filter((x) => base.entities.some((b) => b.id === x) || entities.has(x));
        else if (p.field === "attribution") delete f.attribution;
        else if (p.field === "subject" && f.entities[0] && f.subject !== f.entities[0])
          f.subject = f.entities[0];
        else dropFacts.add(f.id);
      } else if (e) {
        const alias = /^aliases\.(\d+)/.exec(p.field ?? "");
        if (alias) e.aliases = e.aliases.filter((_a, i) => i !== Number(alias[1]));
        else dropEntities.add(e.id);
      } else if (p.id === id && p.field?.startsWith("paragraph ")) {
        const n = Number(p.field.slice("paragraph ".length));
        const text = /the number "(.+?)" \(/.exec(p.message)?.[1];
        if (text && !ignored.some((i) => i.paragraph === n && i.text === text))
          ignored.push({
            source: id,
            paragraph: n,
            text,
            reason: "a number the draft did not read as a figure",
            draft: true,
          });
      } else if (p.file === "ignored.yaml") {
        const at = ignored.findIndex((i) => `${i.source} ¶${i.paragraph} "${i.text}"` === p.id && isDraft(i));
        if (at >= 0) ignored.splice(at, 1);
      }
    }
    const keptEntities = draft.entities.filter((e) => !dropEntities.has(e.id));
    const facts2 = draft.facts
      .filter((f) => !dropFacts.has(f.id))
      .map((f) => ({
        ...f,
        entities: f.entities.filter((x) => !dropEntities.has(x)),
        ...(f.attribution && dropEntities.has(f.attribution) ? { attribution: undefined } : {}),
      }))
      .filter((f) => f.entities.length > 0)
      .map((f) => {
        if (f.attribution === undefined) delete f.attribution;
        return f;
      });
    const kept = new Set(facts2.map((f) => f.id));
    const topics = new Map(
      [...draft.topics].map(([t, list]) => [t, list.filter((x) => kept.has(x))] as const),
    );
    const newTopics = draft.newTopics.filter((t) => !dropTopics.has(t.id)).flatMap((t) => keptTopic(t, kept));
    const proposed = new Set(newTopics.map((t) => t.id));
    for (const f of facts2)
      f.topics = f.topics.filter((t) => (topics.get(t) ?? []).includes(f.id) || proposed.has(t));
    for (const t of newTopics)
      for (const id of [...t.first, ...t.second, ...t.related]) {
        const f = facts2.find((x) => x.id === id);
        if (f && !f.topics.includes(t.id)) f.topics.push(t.id);
      }
    draft = {
      ...draft,
      newTopics,
      facts: facts2,
      entities: keptEntities,
      ignored,
      topics: new Map([...topics].filter(([, list]) => list.length > 0)),
    };
  }
  return draft;
}

/** A new topic with only the facts that stay; a headline pair that lost a fact gives way to a lead. */
function keptTopic(
  t: import("../schema.js").Topic,
  kept: ReadonlySet<string>,
): import("../schema.js").Topic[] {
  const first = t.first.filter((id) => kept.has(id));
  const second = t.second.filter((id) => kept.has(id));
  const related = t.related.filter((id) => kept.has(id));
  const all = [...first, ...second, ...related];
  if (all.length < 2) return [];
  const pair =
    t.headline && kept.has(t.headline.first) && kept.has(t.headline.second) ? t.headline : undefined;
  const { headline: _h, lead: _l, ...rest } = t;
  return [
    {
      ...rest,
      first,
      second,
      related,
      ...(pair ? { headline: pair } : { lead: t.lead && kept.has(t.lead) ? t.lead : (all[0] as string) }),
    },
  ];
}

interface Written {
  path: string;
  before: string | undefined;
}

function writeDraft(
  o: IngestOptions,
  source: Source,
  paragraphs: readonly string[],
  draft: Draft,
  base: Knowledge,
  loaded: Loaded,
  moved: { fact: Fact; to: number; file: string }[],
  oldDraftFacts: ReadonlySet<string>,
  oldDraftTopics: ReadonlySet<string> = new Set(),
): Written[] {
  const written: Written[] = [];
  const put = (rel: string, text: string) => {
    const path = join(o.dir, rel);
    const before = existsSync(path) ? readFileSync(path, "utf8") : undefined;
    if (before === text) return;
    mkdirSync(dirname(path), { recursive: true });
    written.push({ path, before });
    writeFileSync(path, text);
  };
  const header = (what: string) =>
    `# ${what} of "${source.title}", drafted by gapbot ingest. An entry marked \`draft: true\` is replaced when the\n` +
    "# source is ingested again; curating it is editing it and removing the mark, and then it is kept.\n";

  put(`sources/${source.file}`, `${paragraphs.join("\n")}\n`);
  editYaml(o.dir, "sources.yaml", put, (doc) => {
    const list = doc.get("sources");
    if (!isSeq(list)) return;
    const at = list.items.findIndex((i) => isMap(i) && i.get("id") === source.id);
    const entry = doc.createNode(clean(source));
    if (at >= 0) list.items[at] = entry;
    else list.items.push(entry);
  });
  replaceDrafts(o.dir, `facts/${o.id}.yaml`, "facts", draft.facts, put, header("Facts"), (item) =>
    moved.find((m) => m.fact.id === item.get("id") && m.file === `facts/${o.id}.yaml`),
  );
  for (const m of moved.filter((m) => m.file !== `facts/${o.id}.yaml`))
    editYaml(o.dir, m.file, put, (doc) => {
      const list = doc.get("facts");
      if (isSeq(list))
        for (const item of list.items)
          if (isMap(item) && item.get("id") === m.fact.id) item.set("paragraph", m.to);
    });
  replaceDrafts(
    o.dir,
    `entities/${o.id}.yaml`,
    "entities",
    draft.entities,
    put,
    header("Entities"),
    undefined,
    (id) => base.entities.some((e) => e.id === id),
  );
  replaceDrafts(
    o.dir,
    `ignored/${o.id}.yaml`,
    "ignored",
    draft.ignored,
    put,
    header("Numbers no fact carries"),
  );
  // A pack that lists its units in vocabulary.yaml (units.known) gets the new ones there.
  // Words that ask for the units the draft measures in, each once: a hint a person wrote stays as written.
  // Each drafted hint is marked with its source, so that ingesting the source again replaces its drafted
  // hints (a changed text leaves none stale) and keeps every curated one.
  const hadDraftHints = loaded.knowledge.vocabulary.units.hints.some((h) => h.draft === o.id);
  if ((draft.hints.length > 0 || hadDraftHints) && existsSync(join(o.dir, "vocabulary.yaml")))
    editYaml(o.dir, "vocabulary.yaml", put, (doc) => {
      const list = doc.getIn(["units", "hints"]);
      const knownList = doc.getIn(["units", "known"]);
      if (!isSeq(list) || !isSeq(knownList)) return;
      list.items = list.items.filter((i) => !(isMap(i) && i.get("draft") === o.id));
      const known = new Set([
        ...knownList.items.map((i) => String((i as { value?: unknown }).value ?? i)),
        ...draft.units,
      ]);
      const cues = new Set(list.items.map((i) => (isMap(i) ? String(i.get("cue")) : "")));
      for (const h of draft.hints) {
        const units = h.units.filter((u) => known.has(u));
        if (units.length > 0 && !cues.has(h.cue))
          list.add(doc.createNode({ cue: h.cue, units, draft: o.id }));
      }
    });
  // A currency the draft gives sums in ("HKD", "yuan") is money: a question about money is answered in it.
  const money = [...new Set(draft.facts.flatMap((f) => f.figures.map((g) => g.unit)))].filter(
    (u) => isCurrency(u) && !loaded.knowledge.vocabulary.units.money.includes(u),
  );
  if ((draft.units.length > 0 || money.length > 0) && existsSync(join(o.dir, "vocabulary.yaml"))) {
    editYaml(o.dir, "vocabulary.yaml", put, (doc) => {
      const list = doc.getIn(["units", "known"]);
      const have = isSeq(list) ? list.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
      if (isSeq(list)) for (const u of draft.units.filter((u) => !have.includes(u))) list.add(u);
      const moneyList = doc.getIn(["units", "money"]);
      if (isSeq(moneyList)) for (const u of money) moneyList.add(u);
    });
  } else if (draft.units.length > 0) {
    const path = join(o.dir, "units.yaml");
    if (!existsSync(path))
      put(
        "units.yaml",
        "# Units a figure may carry beyond vocabulary.yaml's units.known, e.g. those a new source counts in.\nunits: []\n",
      );
    editYaml(o.dir, "units.yaml", put, (doc) => {
      const list = doc.get("units");
      const have = isSeq(list) ? list.items.map((i) => String((i as { value?: unknown }).value ?? i)) : [];
      doc.set("units", [...have, ...draft.units.filter((u) => !have.includes(u))]);
    });
  }
  // New topics, one file each, marked as drafts; an old draft topic no longer proposed is removed.
  const fresh = new Set(draft.newTopics.map((t) => t.id));
  for (const id of oldDraftTopics) {
    if (fresh.has(id)) continue;
    const path = join(o.dir, loaded.origins.of.get(`topic:${id}`) ?? `topics/${id}.yaml`);
    if (!existsSync(path)) continue;
    written.push({ path, before: readFileSync(path, "utf8") });
    rmSync(path, { force: true });
  }
  for (const t of draft.newTopics)
    put(
      `topics/${t.id}.yaml`,
      `# A topic "${source.title}" proposes from its own words, drafted by gapbot ingest: curating it is editing it\n` +
        "# and removing the mark.\n" +
        stringify(clean(t)),
    );
  for (const t of base.topics) {
    const file = loaded.origins.of.get(`topic:${t.id}`) ?? `topics/${t.id}.yaml`;
    const adds = draft.topics.get(t.id) ?? [];
    const original = loaded.knowledge.topics.find((x) => x.id === t.id);
    const stale = (original?.related ?? []).filter((id) => oldDraftFacts.has(id));
    if (adds.length === 0 && stale.length === 0) continue;
    editYaml(o.dir, file, put, (doc) => {
      const related = doc.get("related");
      const have = isSeq(related)
        ? related.items.map((i) => String((i as { value?: unknown }).value ?? i))
        : [];
      doc.set("related", [
        ...have.filter((id) => !oldDraftFacts.has(id)),
        ...adds.filter((id) => !have.includes(id)),
      ]);
    });
  }
  return written;
}

/** Rewrites one list file: its curated entries stay as written, its draft entries give way to `fresh`. */
function replaceDrafts(
  dir: string,
  rel: string,
  key: string,
  fresh: readonly object[],
  put: (rel: string, text: string) => void,
  header: string,
  movedTo?: (item: import("yaml").YAMLMap) => { to: number } | undefined,
  keepDraft: (id: string) => boolean = () => false,
): void {
  const path = join(dir, rel);
  const doc = existsSync(path)
    ? parseDocument(readFileSync(path, "utf8"))
    : parseDocument(`${header}${key}: []\n`);
  let list = doc.get(key);
  if (!isSeq(list)) {
    doc.set(key, []);
    list = doc.get(key);
  }
  if (!isSeq(list)) return;
  // One entry per block, as a person writes them, however the file wrote its empty list.
  list.flow = false;
  list.items = list.items.filter(
    (i) => !(isMap(i) && i.get("draft") === true && !keepDraft(String(i.get("id")))),
  );
  for (const item of list.items) {
    if (!isMap(item) || !movedTo) continue;
    const m = movedTo(item);
    if (m) item.set("paragraph", m.to);
  }
  for (const entry of fresh) list.items.push(doc.createNode(clean(entry)));
  if (list.items.length === 0 && !existsSync(path)) return;
  put(rel, doc.toString({ lineWidth: 0 }));
}

function editYaml(
  dir: string,
  rel: string,
  put: (rel: string, text: string) => void,
  edit: (doc: Document) => void,
) {
  const path = join(dir, rel);
  const doc = parseDocument(existsSync(path) ? readFileSync(path, "utf8") : "");
  edit(doc);
  put(rel, doc.toString({ lineWidth: 0 }));
}

/** Leaves out empty lists and unset fields, so that a draft reads like a hand-written entry. */
function clean<T extends object>(entry: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

function restore(files: readonly Written[]): void {
  for (const f of [...files].reverse()) {
    if (f.before === undefined) rmSync(f.path, { force: true });
    else writeFileSync(f.path, f.before);
  }
}
