// Checks what no schema can: quotes stand verbatim in their paragraph, figures stand in their quote, claims
// invent no number, references resolve, aliases are unambiguous, and no number in a source is silently lost.
//
// Coverage rule (every number in every source paragraph is accounted for):
//   The numbers of a paragraph are all that findNumbers() sees in it, digits stuck to letters included
//   ("910B", "Q1", "H100"), so that a figure hiding in a name-like token is looked at by a person once.
//   A number is covered when its span overlaps
//     1. one of a fact's figure texts, inside that fact's quote, in the paragraph the fact cites; or
//     2. that fact's quote, when the number is also one of the numbers of the fact's `as_of`
//        ("2026" in a quote "by the end of 2026" with as_of "by the end of 2026"); or
//     3. an entry of ignored.yaml for that paragraph (every occurrence of its text), which says why.
//   An ignored entry that only restates a figure carried elsewhere names that fact in `fact`.
//
// List rule: a curated quote that ends on a name where its paragraph goes on with another (", and C") cuts a
// list, and would answer "which…" with part of it; drafts are read as ingest split them.
//
// Claim rule: every number a claim writes must equal one of its fact's figures (value or range end), or be
// one of the numbers of its `as_of`. Numbers inside an entity's name or alias ("Ascend 910", "Opus 4.6")
// are names, and digits stuck to letters ("910B", "INT8", "Q1") are codes: neither counts.
import { formatProblem, KnowledgeError, type Loaded, type Problem, readKnowledge } from "./load.js";
import { findNumbers, normaliseQuote, occurrences, sameValue } from "./numbers.js";
import type { Entity, EntityKind, Fact, IgnoredNumber, Knowledge, SideEntry, Topic } from "./schema.js";
import { ARTICLE_SUBJECT, SHARED_SIDES } from "./schema.js";

/** Who may be named as the source of a claim. */
const ATTRIBUTABLE: readonly EntityKind[] = ["organisation", "report", "person", "company"];
/** Who may make a chip, a model or a framework. */
const VENDORS: readonly EntityKind[] = ["company", "organisation"];
/** Words that describe rather than name: as aliases they would match half the questions. */
const GENERIC_ALIASES = new Set([
  "ai",
  "chip",
  "chips",
  "gpu",
  "gpus",
  "model",
  "models",
  "domestic",
  "company",
]);

/** Between entities, case, spacing and punctuation do not tell names apart: "MTT S5000" and "mtt-s5000" clash. */
export function aliasKey(alias: string): string {
  return alias
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One regex matching every entity name or alias that contains a digit, longest first. */
function namesWithDigits(entities: Entity[]): RegExp | undefined {
  const names = entities
    .flatMap((e) => [e.name, ...e.aliases])
    .filter((n) => /\d/.test(n))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp);
  if (names.length === 0) return undefined;
  // A plural ("H100s") is still the name.
  return new RegExp(`(?<![A-Za-z0-9])(?:${names.join("|")})(?=s?(?![A-Za-z0-9]))`, "gi");
}

class Problems {
  readonly list: Problem[] = [];
  constructor(private readonly origins: Loaded["origins"]) {}
  fileOf(kind: string, id: string, fallback: string): string {
    return this.origins.of.get(`${kind}:${id}`) ?? fallback;
  }
  add(file: string, id: string | undefined, field: string | undefined, message: string): void {
    this.list.push({ file, id, field, message });
  }
}

/** The schema problems found while reading, then every deeper check; empty when the knowledge is sound. */
export function validateKnowledge(loaded: Loaded): Problem[] {
  const { knowledge: k, origins } = loaded;
  const out = new Problems(origins);
  for (const p of loaded.problems) out.list.push(p);

  checkUniqueIds(k, loaded, out);
  const entities = new Map(k.entities.map((e) => [e.id, e]));
  const facts = new Map(k.facts.map((f) => [f.id, f]));
  const topics = new Map(k.topics.map((t) => [t.id, t]));

  checkEntities(k, entities, out);
  const names = namesWithDigits(k.entities);
  const listed = nameEnds(k.entities);
  for (const f of k.facts) checkFact(f, k, entities, topics, names, listed, out);
  checkMetricsShareUnits(k, out);
  for (const t of k.topics) checkTopic(t, facts, k.sides, out);
  checkTopicMembership(k, facts, out);
  checkCoverage(k, facts, out);
  checkGlossary(k, out);
  checkSides(k, entities, out);
  checkVocabulary(k, out);
  return out.list;
}

/** The knowledge, fully validated, or a KnowledgeError listing every problem at once. */
export function loadKnowledge(dir?: string): Knowledge {
  const loaded = readKnowledge(dir);
  const problems = validateKnowledge(loaded);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return loaded.knowledge;
}

export { formatProblem, KnowledgeError };

function checkUniqueIds(k: Knowledge, loaded: Loaded, out: Problems): void {
  const kinds: [string, string, { id: string }[]][] = [
    ["source", "sources.yaml", k.sources],
    ["entity", "entities", k.entities],
    ["fact", "facts", k.facts],
    ["topic", "topics", k.topics],
  ];
  for (const [kind, fallback, list] of kinds) {
    const seen = new Set<string>();
    for (const { id } of list) {
      if (!seen.has(id)) {
        seen.add(id);
        continue;
      }
      const files = loaded.origins.files?.get(`${kind}:${id}`) ?? [];
      out.add(
        out.fileOf(kind, id, fallback),
        id,
        "id",
        `duplicate ${kind} id: defined ${list.filter((x) => x.id === id).length} times (${[...new Set(files)].join(", ")})`,
      );
    }
  }
}

function checkEntities(k: Knowledge, entities: Map<string, Entity>, out: Problems): void {
  const owner = new Map<string, string>();
  for (const e of k.entities) {
    const file = out.fileOf("entity", e.id, "entities");
    if (e.vendor !== undefined) {
      const v = entities.get(e.vendor);
      if (!v) out.add(file, e.id, "vendor", `no entity "${e.vendor}"`);
      else if (!VENDORS.includes(v.kind))
        out.add(file, e.id, "vendor", `"${e.vendor}" is a ${v.kind}, not a maker`);
    }
    e.related.forEach((r, i) => {
      if (!entities.has(r)) out.add(file, e.id, `related.${i}`, `no entity "${r}"`);
    });
    checkMembers(e, entities, (field, message) => out.add(file, e.id, field, message));
    const own = new Set<string>();
    for (const [i, alias] of [e.name, ...e.aliases].entries()) {
      const field = i === 0 ? "name" : `aliases.${i - 1}`;
      const key = aliasKey(alias);
      if (key === "") {
        out.add(file, e.id, field, `"${alias}" has no letter or digit to match on`);
        continue;
      }
      if (GENERIC_ALIASES.has(key)) out.add(file, e.id, field, `"${alias}" is a generic word, not a name`);
      // Spelling variants of one name ("DeepSeek V4 Pro", "DeepSeek-V4-Pro") are welcome; exact repeats are not.
      const exact = alias.toLowerCase().replace(/\s+/g, " ").trim();
      if (own.has(exact)) {
        out.add(file, e.id, field, `"${alias}" is listed twice for this entity`);
        continue;
      }
      own.add(exact);
      const other = owner.get(key);
      if (other !== undefined && other !== e.id)
        out.add(file, e.id, field, `"${alias}" also names entity "${other}"`);
      else owner.set(key, e.id);
    }
  }
}

function checkFact(
  f: Fact,
  k: Knowledge,
  entities: Map<string, Entity>,
  topics: Map<string, Topic>,
  names: RegExp | undefined,
  listed: NameEnds | undefined,
  out: Problems,
): void {
  const file = out.fileOf("fact", f.id, "facts");
  const add = (field: string, message: string) => out.add(file, f.id, field, message);

  // A side is one of sides.yaml's, or one every pack shares.
  const sides = [...k.sides.map((s) => s.id), ...SHARED_SIDES];
  if (!sides.includes(f.side))
    add("side", `"${f.side}" is no side (${sides.join(", ")}; sides.yaml lists the two)`);

  const paragraphs = k.paragraphs.get(f.source);
  const paragraph = paragraphs?.[f.paragraph - 1];
  if (!k.sources.some((s) => s.id === f.source)) add("source", `no source "${f.source}"`);
  else if (paragraphs && paragraph === undefined)
    add("paragraph", `source "${f.source}" has ${paragraphs.length} paragraphs, not ${f.paragraph}`);

  // Units are data: the pack's own (vocabulary.yaml's units.known, and units.yaml's).
  const known: readonly string[] = k.vocabulary.units.known;
  const quote = normaliseQuote(f.quote);
  if (paragraph !== undefined && !normaliseQuote(paragraph).includes(quote))
    add("quote", `not verbatim in ${f.source} ¶${f.paragraph}: "${f.quote}"`);
  else if (paragraph !== undefined && !f.draft) {
    // A curated quote holds its whole list; a draft's split is read as drafted (ingest marks it a draft).
    const cut = listCutAfter(normaliseQuote(paragraph), quote, listed);
    if (cut) add("quote", `cuts a list of names: the paragraph goes on "${cut}"`);
  }

  f.figures.forEach((fig, i) => {
    const field = `figures.${i}`;
    if (!known.includes(fig.unit) && !(k.units ?? []).includes(fig.unit))
      add(
        `${field}.unit`,
        `"${fig.unit}" is not a known unit (${known.join(", ") || "none listed"}; list it in vocabulary.yaml's units.known or in units.yaml)`,
      );
    if (!quote.includes(normaliseQuote(fig.text)))
      add(`${field}.text`, `"${fig.text}" does not stand in the quote`);
    const written = findNumbers(normaliseQuote(fig.text)).map((m) => m.value);
    if (written.length === 0) add(`${field}.text`, `"${fig.text}" writes no number`);
    else if (!written.some((v) => sameValue(v, fig.value)))
      add(`${field}.value`, `${fig.value} is not what "${fig.text}" says (${written.join(", ")})`);
    if (fig.max !== undefined) {
      if (fig.max <= fig.value)
        add(`${field}.max`, `the range's upper end ${fig.max} is not above ${fig.value}`);
      if (written.length > 0 && !written.some((v) => sameValue(v, fig.max as number)))
        add(`${field}.max`, `${fig.max} is not what "${fig.text}" says (${written.join(", ")})`);
    }
  });

  checkClaim(f, names, add);

  f.entities.forEach((id, i) => {
    if (!entities.has(id)) add(`entities.${i}`, `no entity "${id}"`);
  });
  f.topics.forEach((id, i) => {
    if (!topics.has(id)) add(`topics.${i}`, `no topic "${id}"`);
  });
  if (f.attribution !== undefined) {
    const who = entities.get(f.attribution);
    if (!who) add("attribution", `no entity "${f.attribution}"`);
    else if (!ATTRIBUTABLE.includes(who.kind))
      add("attribution", `"${f.attribution}" is a ${who.kind}; only a ${ATTRIBUTABLE.join(", ")} can say so`);
  }
  f.keywords.forEach((w, i) => {
    if (w.trim() === "") add(`keywords.${i}`, "empty keyword");
  });
  checkSubject(f, entities, add);
  if (f.framed_by !== undefined && !k.facts.some((g) => g.id === f.framed_by))
    add("framed_by", `no fact "${f.framed_by}"`);
}

/** Two regexes matching an entity's name or alias, one at the start of a text and one at its end. */
interface NameEnds {
  start: RegExp;
  end: RegExp;
}

function nameEnds(entities: Entity[]): NameEnds | undefined {
  const names = entities
    .flatMap((e) => [e.name, ...e.aliases])
    .filter((n) => /^[\p{L}\p{N}]/u.test(n))
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  if (!names) return undefined;
  return {
    start: new RegExp(`^(?:${names})(?![\\p{L}\\p{N}])`, "iu"),
    end: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names})$`, "iu"),
  };
}

/** Where a list goes on after a quote: ", B", ", and B", " and B", " or B". */
const LIST_GOES_ON = /^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)/;

/**
 * The words after the quote when the quote stops inside a list of names: it ends on a name and the paragraph
 * goes on with another ("A, B" where it says "A, B, and C"), so a fact quoting it answers "which…" with part
 * of the list. Undefined when not.
 */
function listCutAfter(paragraph: string, quote: string, names: NameEnds | undefined): string | undefined {
  const at = paragraph.indexOf(quote);
  if (!names || at < 0 || !names.end.test(quote)) return undefined;
  const after = paragraph.slice(at + quote.length);
  const goesOn = LIST_GOES_ON.exec(after);
  if (!goesOn || !names.start.test(after.slice(goesOn[0].length))) return undefined;
  return after.slice(0, 40).trim();
}

/** A group names two or more members, each an entity and none a group; nothing else has members. */
function checkMembers(
  e: Entity,
  entities: Map<string, Entity>,
  add: (field: string, message: string) => void,
) {
  if (e.kind !== "group") {
    if (e.members.length) add("members", `only a group has members; "${e.id}" is a ${e.kind}`);
    return;
  }
  if (e.members.length < 2) add("members", "a group names at least two members");
  e.members.forEach((id, i) => {
    const m = entities.get(id);
    if (!m) add(`members.${i}`, `no entity "${id}"`);
    else if (m.kind === "group") add(`members.${i}`, `"${id}" is a group; a group's members are things`);
  });
}

/** Kinds whose figures a label could put on the wrong one when a fact names two of them. */
const SUBJECT_KINDS: readonly EntityKind[] = ["company", "chip", "model", "country", "product", "person"];

/**
 * The subject resolves and is among the fact's entities; a fact with figures that names two or more
 * things of one kind (four companies, two countries) says which is its subject, since the first named
 * would otherwise be taken for it.
 */
function checkSubject(f: Fact, entities: Map<string, Entity>, add: (field: string, message: string) => void) {
  if (f.subject !== undefined && f.subject !== ARTICLE_SUBJECT) {
    const s = entities.get(f.subject);
    if (!s) add("subject", `no entity "${f.subject}"`);
    // A group is named through its members: "Amazon, Microsoft, Alphabet and Meta's capex".
    else if (
      s.kind === "group" ? !s.members.every((m) => f.entities.includes(m)) : !f.entities.includes(s.id)
    )
      add(
        "subject",
        `"${f.subject}" is not among the fact's entities${s.kind === "group" ? " (all its members are not)" : ""}`,
      );
    return;
  }
  if (f.subject !== undefined || f.figures.length === 0) return;
  const named = f.entities.filter((id) => id !== f.attribution).map((id) => entities.get(id));
  for (const kind of SUBJECT_KINDS) {
    const same = named.filter((e) => e?.kind === kind);
    if (same.length > 1)
      add(
        "subject",
        `names ${same.length} of kind ${kind} (${same.map((e) => e?.id).join(", ")}): say whose figure it is`,
      );
  }
}

/** Every number the claim writes is one of the fact's figures: how we know nothing was invented. */
function checkClaim(f: Fact, names: RegExp | undefined, add: (field: string, message: string) => void): void {
  const masked = names ? f.claim.replace(names, (m) => " ".repeat(m.length)) : f.claim;
  const allowed = f.figures.flatMap((g) => (g.max === undefined ? [g.value] : [g.value, g.max]));
  const asOf = f.as_of ? findNumbers(f.as_of).map((m) => m.value) : [];
  for (const m of findNumbers(masked)) {
    if (m.glued) continue;
    if (allowed.some((v) => sameValue(v, m.value)) || asOf.some((v) => sameValue(v, m.value))) continue;
    const known = f.figures.map((g) => g.text).join(", ");
    add("claim", `"${m.text}" is not one of the fact's figures${known ? ` (${known})` : " (it has none)"}`);
  }
}

/** The comparison card pairs rows by metric: one metric must mean one unit everywhere. */
function checkMetricsShareUnits(k: Knowledge, out: Problems): void {
  const unitOf = new Map<string, { unit: string; fact: string }>();
  for (const f of k.facts) {
    const unit = f.figures[0]?.unit;
    if (unit === undefined) continue;
    const first = unitOf.get(f.metric);
    if (!first) unitOf.set(f.metric, { unit, fact: f.id });
    else if (first.unit !== unit)
      out.add(
        out.fileOf("fact", f.id, "facts"),
        f.id,
        "metric",
        `"${f.metric}" is measured in ${first.unit} by fact "${first.fact}" but in ${unit} here`,
      );
  }
}

function checkTopic(t: Topic, facts: Map<string, Fact>, sides: readonly SideEntry[], out: Problems): void {
  const file = out.fileOf("topic", t.id, "topics");
  const add = (field: string, message: string) => out.add(file, t.id, field, message);
  if (file !== `topics/${t.id}.yaml`) add("id", `a topic lives in topics/${t.id}.yaml, one per file`);

  // A topic's `first` list holds the first side's facts and its `second` list the second's (sides.yaml's order).
  const sideOf = { first: sides[0]?.id, second: sides[1]?.id, related: undefined };
  for (const list of ["first", "second", "related"] as const) {
    const seen = new Set<string>();
    t[list].forEach((id, i) => {
      const f = facts.get(id);
      if (!f) add(`${list}.${i}`, `no fact "${id}"`);
      else if (sideOf[list] !== undefined && f.side !== sideOf[list])
        add(`${list}.${i}`, `fact "${id}" is on side ${f.side}`);
      if (seen.has(id)) add(`${list}.${i}`, `fact "${id}" is listed twice`);
      seen.add(id);
    });
  }

  if (!t.headline && t.lead === undefined) add("headline", "a topic needs a headline pair or a lead fact");
  if (t.lead !== undefined) {
    if (!facts.has(t.lead)) add("lead", `no fact "${t.lead}"`);
    else if (![...t.first, ...t.second, ...t.related].includes(t.lead))
      add("lead", `fact "${t.lead}" is not in the topic's first, second or related lists`);
  }
  if (!t.headline) return;
  const { first, second, first_figure, second_figure } = t.headline;
  const pair: [string, string, number, "first" | "second"][] = [
    [first, "headline.first", first_figure, "first"],
    [second, "headline.second", second_figure, "second"],
  ];
  const figures = pair.map(([id, field, index, side]) => {
    const f = facts.get(id);
    if (!f) return add(field, `no fact "${id}"`);
    if (!t[side].includes(id)) add(field, `fact "${id}" is not in the topic's ${side} list`);
    const fig = f.figures[index];
    if (!fig) return add(`${field}_figure`, `fact "${id}" has no figure ${index}`);
    return { fact: f, fig };
  });
  const [a, b] = figures;
  if (a && b) {
    if (a.fig.unit !== b.fig.unit)
      add(
        "headline",
        `the pair's units differ: ${a.fig.unit} (${a.fact.id}) vs ${b.fig.unit} (${b.fact.id})`,
      );
    if (a.fact.metric !== b.fact.metric)
      add("headline", `the pair's metrics differ: "${a.fact.metric}" vs "${b.fact.metric}"`);
  }
}

/** A fact names its topics, and each topic lists its facts: the two must agree. */
function checkTopicMembership(k: Knowledge, facts: Map<string, Fact>, out: Problems): void {
  for (const t of k.topics) {
    const listed = new Set([...t.first, ...t.second, ...t.related]);
    for (const id of listed) {
      const f = facts.get(id);
      if (f && !f.topics.includes(t.id))
        out.add(
          out.fileOf("fact", id, "facts"),
          id,
          "topics",
          `topic "${t.id}" lists this fact but its topics do not`,
        );
    }
    for (const f of k.facts) {
      if (f.topics.includes(t.id) && !listed.has(f.id))
        out.add(
          out.fileOf("topic", t.id, "topics"),
          t.id,
          "related",
          `fact "${f.id}" names this topic but is in none of its lists`,
        );
    }
  }
}

type Span = [start: number, end: number];
/** Ignored entries have no id of their own: where they stand and what they say identifies them. */
const ignoredId = (ig: IgnoredNumber) => `${ig.source} ¶${ig.paragraph} "${ig.text}"`;
const overlaps = (a: Span, b: Span) => a[0] < b[1] && b[0] < a[1];

function checkCoverage(k: Knowledge, facts: Map<string, Fact>, out: Problems): void {
  for (const ig of k.ignored) {
    const id = ignoredId(ig);
    const paragraph = k.paragraphs.get(ig.source)?.[ig.paragraph - 1];
    if (paragraph === undefined) {
      out.add("ignored.yaml", id, "paragraph", `no paragraph ${ig.paragraph} in source "${ig.source}"`);
      continue;
    }
    if (!normaliseQuote(paragraph).includes(normaliseQuote(ig.text)))
      out.add("ignored.yaml", id, "text", `"${ig.text}" does not stand in the paragraph`);
    const numbers = findNumbers(normaliseQuote(ig.text));
    if (numbers.length === 0) out.add("ignored.yaml", id, "text", `"${ig.text}" writes no number`);
    if (ig.fact !== undefined) {
      const f = facts.get(ig.fact);
      if (!f) out.add("ignored.yaml", id, "fact", `no fact "${ig.fact}"`);
      else if (!numbers.some((m) => f.figures.some((g) => sameValue(g.value, m.value))))
        out.add("ignored.yaml", id, "fact", `fact "${ig.fact}" carries no figure "${ig.text}"`);
    }
  }

  for (const source of k.sources) {
    const file = `sources/${source.file}`;
    (k.paragraphs.get(source.id) ?? []).forEach((raw, index) => {
      const n = index + 1;
      const text = normaliseQuote(raw);
      const numbers = findNumbers(text);
      if (numbers.length === 0) return;
      const byFacts: Span[] = [];
      const asOfCovered = new Set<number>();
      for (const f of k.facts) {
        if (f.source !== source.id || f.paragraph !== n) continue;
        let quote = normaliseQuote(f.quote);
        let found = occurrences(text, quote);
        // A quote that is not verbatim is reported once, by checkFact; meanwhile its figures cover their
        // text anywhere in the paragraph, so that one mistake does not also read as lost numbers.
        if (found.length === 0) [quote, found] = [text, [0]];
        const asOf = f.as_of ? findNumbers(f.as_of).map((m) => m.value) : [];
        for (const q of found) {
          for (const fig of f.figures) {
            const t = normaliseQuote(fig.text);
            for (const at of occurrences(quote, t)) byFacts.push([q + at, q + at + t.length]);
          }
          numbers.forEach((m, i) => {
            if (overlaps([m.start, m.end], [q, q + quote.length]) && asOf.some((v) => sameValue(v, m.value)))
              asOfCovered.add(i);
          });
        }
      }
      const byIgnored: { span: Span; entry: number }[] = [];
      k.ignored.forEach((ig, entry) => {
        if (ig.source !== source.id || ig.paragraph !== n) return;
        const t = normaliseQuote(ig.text);
        for (const at of occurrences(text, t)) byIgnored.push({ span: [at, at + t.length], entry });
      });

      const coveredByFacts = numbers.map(
        (m, i) => asOfCovered.has(i) || byFacts.some((s) => overlaps([m.start, m.end], s)),
      );
      numbers.forEach((m, i) => {
        if (coveredByFacts[i] || byIgnored.some((s) => overlaps([m.start, m.end], s.span))) return;
        const context = text.slice(Math.max(0, m.start - 30), Math.min(text.length, m.end + 30));
        out.add(
          file,
          source.id,
          `paragraph ${n}`,
          `the number "${m.text}" (…${context}…) is carried by no fact and not listed in ignored.yaml`,
        );
      });
      // An ignored entry whose every number a fact already carries is stale: the fact is the better record.
      const entries = new Set(byIgnored.map((s) => s.entry));
      for (const entry of entries) {
        const spans = byIgnored.filter((s) => s.entry === entry).map((s) => s.span);
        const inside = numbers.flatMap((m, i) =>
          spans.some((s) => overlaps([m.start, m.end], s)) ? [i] : [],
        );
        if (inside.length > 0 && inside.every((i) => coveredByFacts[i])) {
          const ig = k.ignored[entry];
          if (ig)
            out.add(
              "ignored.yaml",
              ignoredId(ig),
              "text",
              "every number here is already carried by a fact: remove the entry",
            );
        }
      }
    });
  }
}

/**
 * Every English word a glossary entry gives must be one the sources use (as a word or the start of one):
 * the glossary exists to meet the material's own words, and a word it never uses would match nothing.
 * A Chinese word that is also an entity's alias belongs to the entity.
 */
function checkGlossary(k: Knowledge, out: Problems): void {
  const text = [...k.paragraphs.values()].flat().join(" ").toLowerCase();
  const aliases = new Set(k.entities.flatMap((e) => [e.name, ...e.aliases]));
  for (const [zh, en] of Object.entries(k.glossary)) {
    if (aliases.has(zh)) out.add("glossary.yaml", zh, undefined, "an entity's name: leave it to entities/");
    for (const word of en
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter(Boolean)) {
      if (!new RegExp(`\\b${escapeRegExp(word)}`).test(text))
        out.add("glossary.yaml", zh, undefined, `"${word}" is no word of the sources`);
    }
  }
}

/** Each side is a different side and stands for an entity the knowledge has. */
function checkSides(k: Knowledge, entities: Map<string, Entity>, out: Problems): void {
  k.sides.forEach((s, i) => {
    if (!entities.has(s.entity)) out.add("sides.yaml", s.id, `sides.${i}.entity`, `no entity "${s.entity}"`);
  });
  if (k.sides.length === 2 && k.sides[0]?.id === k.sides[1]?.id)
    out.add("sides.yaml", k.sides[0]?.id, "sides", "the two sides are the same side");
}

/** Every pattern compiles, and every unit a hint, a role or a count names is a known unit. */
function checkVocabulary(k: Knowledge, out: Problems): void {
  const v = k.vocabulary;
  const add = (field: string, message: string) => out.add("vocabulary.yaml", undefined, field, message);
  const compiles = (field: string, source: string | undefined) => {
    if (source === undefined) return;
    try {
      new RegExp(source);
    } catch (err) {
      add(field, `not a valid pattern: ${(err as Error).message}`);
    }
  };
  for (const [i, p] of v.synonyms.phrases.entries()) compiles(`synonyms.phrases.${i}.pattern`, p.pattern);
  compiles("units.money_text", v.units.money_text);
  for (const [name, pieces] of Object.entries(k.cues))
    for (const [i, piece] of pieces.entries()) {
      try {
        new RegExp(piece, "u");
      } catch (err) {
        out.add("cues.yaml", name, `${i}`, `not a valid pattern: ${(err as Error).message}`);
      }
    }
  if (v.units.known.length === 0) return;
  const unit = (field: string, u: string) => {
    if (!v.units.known.includes(u)) add(field, `"${u}" is not one of units.known`);
  };
  v.units.hints.forEach((h, i) => {
    compiles(`units.hints.${i}.cue`, h.cue);
    for (const [j, u] of h.units.entries()) unit(`units.hints.${i}.units.${j}`, u);
  });
  for (const role of ["money", "share", "relative", "both_sides"] as const)
    for (const [i, u] of v.units[role].entries()) unit(`units.${role}.${i}`, u);
  for (const [kind, units] of Object.entries(v.units.counts))
    for (const [i, u] of units.entries()) unit(`units.counts.${kind}.${i}`, u);
}
