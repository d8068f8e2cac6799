// Drafts a new source's knowledge for `gapbot ingest`: a fact for every sentence or clause with a figure and
// for every citable sentence without one, draft entities for new names, topics proposed from the existing
// topics' keywords, and every number no fact carries in the ignore list with a reason. Pure: it reads the
// knowledge there is and returns what to add; write.ts puts it on disk.
import { findNumbers, normaliseQuote } from "../numbers.js";
import type { Entity, Fact, Figure, IgnoredNumber, Knowledge, Side, Source, Topic } from "../schema.js";
import { readNumbers } from "./figures.js";
import {
  COMPANY_WORDS,
  capitalisedMidSentence,
  commonNounOf,
  draftEntities,
  NameMatcher,
  type NewName,
  newNamesIn,
  ORGANISATION_WORDS,
  possessiveWords,
  slug,
} from "./names.js";
import { type Quotation, quotationsOf } from "./quotations.js";
import { splitRespectively } from "./respectively.js";
import { clausesOf, figureClauses, type Span, sentencesOf } from "./text.js";
import { proposeNewTopics } from "./topics.js";

export const CLAIM_MAX = 200;

export interface Draft {
  facts: Fact[];
  entities: Entity[];
  ignored: IgnoredNumber[];
  /** Units the draft's figures use that the knowledge does not list yet. */
  units: string[];
  /** Topic id → the draft facts proposed for it. */
  topics: Map<string, string[]>;
  /** New topics the text proposes from its own words (topics.ts), marked as drafts. */
  newTopics: Topic[];
  /** Words that ask for a unit the text measures in ("electricity" for "210 TWh of electricity"). */
  hints: { cue: string; units: string[] }[];
}

export interface DraftInput {
  source: Source;
  paragraphs: readonly string[];
  knowledge: Knowledge;
  /** Units already known (vocabulary.yaml's and units.yaml's). */
  units: ReadonlySet<string>;
  /** Facts of this source kept from curation: the spans they quote are not drafted again. */
  curated: readonly Fact[];
  /** Ids already used by entries that stay. */
  idTaken: (kind: "fact" | "entity", id: string) => boolean;
  onProgress?: (done: number, total: number) => void;
}

/** Said, believed, argued, reported…: a sentence with one of these and a name is citable without a figure. */
const CITABLE =
  /\b(?:says?|said|argues?|argued|believes?|believed|expects?|expected|estimates?|estimated|forecasts?|predicts?|notes?|noted|warns?|warned|claims?|claimed|reports?|reported|announced?|plans?|planned|intends?|aims?|wants?|is (?:a|an|the)\b|are (?:a|an|the)\b|was (?:a|an|the)\b|were (?:a|an|the)\b|means|include[sd]?|consists?|bann(?:ed|ing)|restrict(?:ed|s)?|approved?|granted|requires?|required|allowed?|will (?:not )?(?:be|have|need|make|ship|produce|run|remain)|cannot|can't|must|should)\b/i;
const YEARISH = /^(?:19|20)\d\d$/;
/** Units that every question may ask for in its own words already (cues.yaml and the built-in hints). */
const GENERAL_UNITS = new Set(["%", "USD", "times", "fraction", "units", "years", "months"]);
const HINT_STOP = new Set(
  "that this these those their them there which what where when with from into over under about total share new large small huge extra additional more less".split(
    " ",
  ),
);

/**
 * The words that ask for a unit the text measures in: the noun its figures count ("1.2 million gallons of
 * water" → water asks for gallons; "62 GW of capacity" → capacity asks for GW), unless a hint already reads
 * the word. A question "how much water…" then prefers figures in gallons.
 */
function unitHints(facts: readonly Fact[], knowledge: Knowledge): { cue: string; units: string[] }[] {
  const byWord = new Map<string, Set<string>>();
  for (const f of facts)
    for (const g of f.figures) {
      if (GENERAL_UNITS.has(g.unit)) continue;
      const at = f.quote.indexOf(g.text);
      if (at < 0) continue;
      const of = /^\s*[^\s,.;:]+\s+of\s+(?:the\s+|new\s+|installed\s+|operating\s+)*([a-z][a-z-]{3,})\b/.exec(
        f.quote.slice(at + g.text.length),
      )?.[1];
      const word = of?.replace(/(?<!s)s$/, "");
      if (!word || HINT_STOP.has(word) || /(?:ed|ing|ly)$/.test(word)) continue;
      if (knowledge.vocabulary.units.hints.some((h) => new RegExp(h.cue, "iu").test(word))) continue;
      byWord.set(word, (byWord.get(word) ?? new Set()).add(g.unit));
    }
  return [...byWord].map(([word, units]) => ({ cue: `\\b${word}s?\\b`, units: [...units] }));
}

/** "is sometimes rendered "X"", "appears as "X"", "also known as "X"": another name for the one before it. */
const OTHER_NAME =
  /\b(?:rendered|called|known as|appears as|referred to as|written as|translated as)\s+(?:as\s+)?["“]([^"”]{2,40})["”]/g;

/** A sentence opening on what the one before it said. */
const ANAPHORIC_OPENER = /^(?:That|This|These|Those|It|Such)\b/;

/** A figure's time said as the one the sentence before named: "in the month", "that year", "the same quarter". */
const SAME_PERIOD =
  /\b(?:in|during|for|over|that|the same)\s+(?:the\s+)?(?:same\s+)?(?:month|year|quarter|week|period)\b/i;
/** A clause setting its figure against another time than its sentence's. */
const OTHER_TIME =
  /\b(?:earlier|before|ago|previous(?:ly)?|prior|last|up from|down from|compared with|since|until|then)\b/i;
/** Words closing a share's phrase that say nothing of what it is a share of ("of top-tier researchers in our"). */
const SHARE_TAIL = /(?:\s+(?:in|on|at|our|the|of|for|to|by|from|with|and|its|their|a|an|we|us))+$/i;

/** Words that give a figure to several things at once. */
const TOGETHER = /\b(?:together|combined|between them|collectively|jointly)\b/i;
/** A figure said of the one before it: "that figure", "this level", "the same total". */
const REFERS_BACK = /\b(?:that|this|the same|which) (?:figure|level|number|total|amount|estimate|count)\b/i;
/** Sentence openers that carry no meaning of their own in a claim. */
const OPENER =
  /^(?:Specifically|In other words|However|For example|For instance|Indeed|As such|In sum|In short|Additionally|In addition|Moreover|Furthermore|First|Second|Third|Next|Finally|Interestingly|Notably|Meanwhile|Overall|Still|Thus|Therefore|Regardless|With that said|That said|Also|Again|Instead|Likewise|Similarly|Importantly|Crucially|Ostensibly),\s+/;

export function draftSource(input: DraftInput): Draft {
  const { source, paragraphs, knowledge } = input;
  const entityById = new Map(knowledge.entities.map((e) => [e.id, e]));

  // 1. New names, across the whole text, become draft entities.
  const known = new NameMatcher(knowledge.entities);
  const elsewhere = capitalisedMidSentence(paragraphs);
  const owners = possessiveWords(paragraphs);
  const found: NewName[] = [];
  paragraphs.forEach((p, i) => {
    found.push(...newNamesIn(p, i + 1, known, entityById, elsewhere, owners));
  });
  // The publisher is who "we" and "our" are.
  if (source.publisher) found.unshift({ name: source.publisher, aliases: [], kind: "company", paragraph: 0 });
  // A two-word name one of whose words alone tells someone something later ("Liu Chen" … "Liu told an
  // audience") is a person's, whichever word the surname is.
  const text = paragraphs.join("\n");
  for (const n of found) {
    const parts = n.name.split(" ");
    if (
      n.kind !== "company" ||
      parts.length !== 2 ||
      !parts.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w)) ||
      COMPANY_WORDS.test(n.name) ||
      ORGANISATION_WORDS.test(n.name)
    )
      continue;
    if (
      parts.some((w) =>
        // "Told an audience" is a person's; a firm "says" as often as anyone.
        new RegExp(`\\b${w}\\s+told\\b`, "u").test(text),
      )
    )
      n.kind = "person";
  }
  // A person named in full is the one their surname alone names later ("Dana Whitfield" … "Whitfield said");
  // a name written surname first ("Liu Chen" … "Liu told") by its first word.
  const surnames = new Map<string, NewName>();
  for (const n of found)
    if (n.kind === "person" && /\s/.test(n.name)) {
      const parts = n.name.split(/\s+/);
      surnames.set(parts[parts.length - 1] ?? "", n);
      const first = parts[0] ?? "";
      if (
        parts.length === 2 &&
        !surnames.has(first) &&
        new RegExp(`\\b${first}\\s+(?:says|said|told|argues|argued|added|asked)\\b`, "u").test(text)
      )
        surnames.set(first, n);
    }
  for (const n of found) {
    const person = surnames.get(n.name);
    if (person && person !== n && !person.aliases.includes(n.name)) person.aliases.push(n.name);
    if (person && person !== n) n.kind = "person";
  }
  // A firm named in full is the one its first word alone names later ("Hanhai Intelligence" … "Hanhai's lab"):
  // the first such full name the text gives, as a reader takes it.
  for (const n of found) {
    if (n.kind === "person" || /\s|\d/.test(n.name)) continue;
    // A full name the text gives only after the short one ("AgiBot" … later "AgiBot World", its dataset) is
    // another thing.
    const firstAt = (name: string) =>
      Math.min(...found.filter((m) => m.name === name).map((m) => m.paragraph));
    const full = found.find(
      (m) =>
        m !== n &&
        (m.kind === "company" || m.kind === "organisation") &&
        m.name.startsWith(`${n.name} `) &&
        !m.name.slice(n.name.length + 1).includes(" ") &&
        firstAt(m.name) <= firstAt(n.name),
    );
    if (!full) continue;
    if (!full.aliases.includes(n.name)) full.aliases.push(n.name);
    n.kind = full.kind;
    n.name = full.name;
  }
  // "Hanhai Intelligence is sometimes rendered "Vast Sea AI"": the other name a text says one goes by is its alias.
  paragraphs.forEach((p, i) => {
    for (const m of p.matchAll(OTHER_NAME)) {
      const other = m[1]?.trim();
      const clause =
        p
          .slice(0, m.index)
          .split(/[;.!?]\s/)
          .pop() ?? "";
      const owner = found
        .filter((n) => n.paragraph === i + 1 && n.name !== other && clause.includes(n.name))
        .sort((a, b) => clause.indexOf(a.name) - clause.indexOf(b.name))[0];
      if (!other || !owner) continue;
      if (!owner.aliases.includes(other)) owner.aliases.push(other);
      // The other name as drafted, maybe without a last word a name drops ("Vast Sea" for "Vast Sea AI"), is the same one.
      for (const n of found)
        if (n !== owner && (n.name === other || other.startsWith(`${n.name} `)))
          Object.assign(n, { name: owner.name, kind: owner.kind });
    }
  });
  found.sort((a, b) => Number(b.kind === "person") - Number(a.kind === "person"));
  const counted = countNames(found);
  // A name seen once that is a lone capitalised word is more likely a stray capital than a name.
  const worth = found.filter(
    (n) =>
      n.paragraph === 0 ||
      /\d/.test(n.name) ||
      (counted.get(n.name) ?? 0) > 1 ||
      // "Leaderdrive (绿的谐波, …)": a name the text gives another way too is a name, though written once.
      n.aliases.length > 0 ||
      /\s|\p{Lu}.*\p{Lu}/u.test(n.name),
  );
  const entities = draftEntities(
    worth,
    knowledge.entities,
    (id) => input.idTaken("entity", id) || entityById.has(id),
  );
  const all = [...knowledge.entities, ...entities];
  // "Figure AI" … "Figure says": a name opening on a common noun is found by that noun alone, as written.
  const byCase = new Map<string, string>();
  for (const e of entities) {
    const noun = commonNounOf(e.name);
    if (noun && !byCase.has(noun)) byCase.set(noun, e.id);
  }
  const matcher = new NameMatcher(all, byCase);
  const byId = new Map(all.map((e) => [e.id, e]));
  const publisher = source.publisher ? matcher.find(source.publisher)[0]?.id : undefined;
  const fresh = new Set(entities.map((e) => e.id));

  // 2. Facts, sentence by sentence.
  const facts: Fact[] = [];
  const ignored: IgnoredNumber[] = [];
  const units = new Set<string>();
  const usedIds = new Set<string>();
  const curatedAt = (paragraph: number) =>
    input.curated.filter((f) => f.paragraph === paragraph).map((f) => normaliseQuote(f.quote));
  paragraphs.forEach((paragraph, index) => {
    input.onProgress?.(index + 1, paragraphs.length);
    const n = index + 1;
    const kept = curatedAt(n);
    const names = matcher.find(paragraph);
    const quotations = quotationsOf(paragraph, names, byId);
    // What the paragraph has been about so far: "they", "the company" and a sentence naming no one refer to it.
    let context: string[] = [];
    // The time the sentence before named, which "in the month", "that year" refer to.
    let previousTime: string | undefined;
    for (const sentence of sentencesOf(paragraph)) {
      const timeBefore = previousTime;
      const named = readNumbers(
        normaliseQuote(sentence.text),
        () => undefined,
        input.knowledge.vocabulary.units.known,
      ).flatMap((r) => (r.kind === "date" ? [r.phrase] : []));
      previousTime = named.length > 0 ? [...new Set(named)].join("; ") : undefined;
      // The time a long sentence's first clause gives ("In 2025 we count 2,900…, | and 1,380…").
      let sentenceTime: string | undefined;
      for (const clause of clausesOf(sentence, CLAIM_MAX).flatMap(figureClauses)) {
        const own = names.filter((m) => clause.start <= m.start && m.end <= clause.end && m.id !== publisher);
        if (
          kept.some((q) => normaliseQuote(clause.text).includes(q) || q.includes(normaliseQuote(clause.text)))
        ) {
          if (own.length > 0) context = [...new Set(own.map((m) => m.id))];
          continue;
        }
        const quotation = quotations.find((q) => clause.start < q.end && q.start < clause.end);
        const fact = draftFact(clause, n, names, byId, publisher, input, usedIds, context, fresh, quotation);
        if (own.length > 0) context = [...new Set(own.map((m) => m.id))];
        if (!fact) continue;
        // "TERI expects that figure to reach 400 TWh": a figure said of "that figure" measures what the
        // paragraph's last figure did, and is found by the same words.
        const prior = facts.findLast((f) => f.paragraph === n && f.figures.length > 0);
        if (prior && fact.fact.figures.length > 0 && REFERS_BACK.test(fact.fact.quote)) {
          if (prior.figures[0]?.unit === fact.fact.figures[0]?.unit) fact.fact.metric = prior.metric;
          fact.fact.keywords = [prior.metric.replace(/\s*\([^)]*\)$/, "")];
          // …and at the time it was given for, unless it names its own.
          if (
            !fact.fact.as_of &&
            prior.as_of &&
            !findNumbers(fact.fact.quote).some((m) => YEARISH.test(m.text))
          )
            fact.fact.as_of = prior.as_of;
        }
        // A later clause of the sentence with a figure and no time of its own is of the sentence's time, unless
        // it sets its figure against another time ("up from 6% a year earlier").
        if (
          sentenceTime &&
          !fact.fact.as_of &&
          fact.fact.figures.length > 0 &&
          !findNumbers(fact.fact.quote).some((m) => YEARISH.test(m.text)) &&
          !OTHER_TIME.test(fact.fact.quote)
        )
          fact.fact.as_of = sentenceTime;
        if (
          timeBefore &&
          !fact.fact.as_of &&
          fact.fact.figures.length > 0 &&
          SAME_PERIOD.test(fact.fact.quote)
        )
          fact.fact.as_of = timeBefore;
        sentenceTime ??= fact.fact.as_of;
        // "A and B grew by 17% and 12%, respectively": each name's figure is a fact of its own.
        facts.push(
          ...splitRespectively(
            fact.fact,
            names
              .filter((m) => clause.start <= m.start && m.end <= clause.end)
              .map((m) => ({ ...m, start: m.start - clause.start, end: m.end - clause.start })),
            placedFigures(fact.fact.quote, input.knowledge.vocabulary.units.known),
            (base) => {
              let id = base;
              for (let k = 2; usedIds.has(id) || input.idTaken("fact", id); k++) id = `${base}-${k}`;
              usedIds.add(id);
              return id;
            },
          ),
        );
        for (const u of fact.fact.figures.map((f) => f.unit)) if (!input.units.has(u)) units.add(u);
      }
    }
  });

  // 2a. A figure opening with "That"/"This" ("That leaves a shortfall of 15-20 GW") is of the time the
  // sentence before gave, unless it names its own.
  for (const [k, f] of facts.entries()) {
    const before = facts[k - 1];
    if (f.as_of || f.figures.length === 0 || !ANAPHORIC_OPENER.test(f.quote)) continue;
    if (
      before?.paragraph === f.paragraph &&
      before.as_of &&
      !findNumbers(f.quote).some((m) => YEARISH.test(m.text))
    )
      f.as_of = before.as_of;
  }

  // 2a'. A share whose clause leaves out what it is a share of ("57% work in the US") is of what the share
  // before it in the paragraph counted. A counted phrase the paragraph writes more fully elsewhere ("top-tier
  // researchers" after "top-tier AI researchers") is found by the fuller words too.
  // Only from a share that says its own: a chain of shares saying none is not one measure.
  const ownMetric = facts.map((f) => f.metric);
  for (const [k, f] of facts.entries()) {
    if (f.figures[0]?.unit !== "%") continue;
    f.metric = f.metric.replace(SHARE_TAIL, "");
    const before = facts[k - 1];
    if (
      f.metric === "Share" &&
      before?.paragraph === f.paragraph &&
      /^Share of /.test(ownMetric[k - 1] ?? "")
    )
      f.metric = before.metric;
    const of = /^Share of (.+)$/.exec(f.metric)?.[1];
    const fuller = of ? fullerPhrase(paragraphs[f.paragraph - 1] ?? "", of) : undefined;
    if (fuller && !f.keywords.includes(fuller)) f.keywords.push(fuller);
  }

  // "…contains 2-4kg of them": a figure of "them" measures what the fact before it in the paragraph counted
  // ("90% of the world's magnets"), and is found by those words too.
  for (const [k, f] of facts.entries()) {
    const before = facts[k - 1];
    if (f.figures.length === 0 || before?.paragraph !== f.paragraph || before.figures.length === 0) continue;
    if (!/\bof (?:them|these|those)\b/i.test(f.quote)) continue;
    const counted = before.metric
      .replace(/^Share of /, "")
      .replace(/\s*\([^)]*\)$/, "")
      .replace(/^(?:the )?[\p{L}-]+['’]s\s+/u, "");
    if (counted && !f.keywords.includes(counted)) f.keywords.push(counted);
  }

  // 2a''. A bare count that names nothing it counts ("Shenlan has just 420,") counts what the paragraph's
  // counts before it did ("3,400 research and engineering staff", "1,150 people"): it takes their measure and
  // is found by their counted words too.
  for (const [k, f] of facts.entries()) {
    const first = f.figures[0];
    if (first?.unit !== "units") continue;
    const at = f.quote.indexOf(first.text);
    if (at < 0 || !/^\s*(?:[,.;:)]|with\b|$)/.test(f.quote.slice(at + first.text.length))) continue;
    const counts = (g: Fact) =>
      g.paragraph === f.paragraph &&
      (g.figures[0]?.unit === "units" || !GENERAL_UNITS.has(g.figures[0]?.unit ?? "%"));
    const before = facts.slice(0, k).filter(counts);
    const prior = before.findLast((g) => g.figures[0]?.unit !== "units");
    if (before.length === 0) continue;
    if (prior?.figures[0]) {
      f.metric = prior.metric;
      first.unit = prior.figures[0].unit;
    }
    for (const g of before)
      for (const fig of g.figures) {
        const at = g.quote.indexOf(fig.text);
        const counted =
          /^\s+((?:[\p{L}][\p{L}-]*\s+){0,3}?[\p{L}][\p{L}-]*)(?=\s+(?:working|who|that|in|on|at|for|of)\b|[,.;:]|$)/u.exec(
            g.quote.slice(at + fig.text.length),
          )?.[1];
        if (at >= 0 && counted && !f.keywords.includes(counted)) f.keywords.push(counted);
      }
  }

  // 2b. "A, B and C together hold 75%": a figure several things hold together is their group's, never one
  // member's. The group is the one the knowledge has with just those members, or a new draft group.
  const groups: Entity[] = [];
  for (const f of facts) {
    if (f.figures.length === 0 || !TOGETHER.test(f.quote)) continue;
    const members = f.entities.filter((id) => {
      const kind = byId.get(id)?.kind;
      return (kind === "company" || kind === "organisation") && id !== f.attribution;
    });
    const kinds = new Set(members.map((id) => byId.get(id)?.kind));
    if (members.length < 2 || kinds.size !== 1) continue;
    const same = (e: Entity) =>
      e.kind === "group" &&
      e.members.length === members.length &&
      members.every((m) => e.members.includes(m));
    let group = [...knowledge.entities, ...groups].find(same);
    if (!group) {
      const names = members.map((id) => byId.get(id)?.name ?? id);
      const name = `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
      let id = slug(name);
      for (let k = 2; input.idTaken("entity", id) || byId.has(id) || groups.some((g) => g.id === id); k++)
        id = `${slug(name)}-${k}`;
      group = { id, kind: "group", name, aliases: [], related: [], members, draft: true };
      groups.push(group);
    }
    f.entities = [group.id, ...f.entities.filter((id) => id !== group?.id)];
    f.subject = group.id;
  }
  entities.push(...groups);

  // 3. Every number no fact carries goes to the ignore list, with its reason.
  paragraphs.forEach((paragraph, index) => {
    const n = index + 1;
    const names = matcher.find(paragraph);
    const isName = nameAt(paragraph, names, byId);
    const carried = facts
      .filter((f) => f.paragraph === n)
      .concat(input.curated.filter((f) => f.paragraph === n));
    const spans = carried.flatMap((f) => {
      const q = normaliseQuote(f.quote);
      const at = normaliseQuote(paragraph).indexOf(q);
      if (at < 0) return [];
      const asOf = f.as_of ? findNumbers(f.as_of).map((m) => m.value) : [];
      return [
        ...f.figures.flatMap((g) => {
          const t = normaliseQuote(g.text);
          const k = q.indexOf(t);
          return k < 0 ? [] : [[at + k, at + k + t.length] as const];
        }),
        ...findNumbers(q)
          .filter((m) => asOf.includes(m.value))
          .map((m) => [at + m.start, at + m.end] as const),
      ];
    });
    const text = normaliseQuote(paragraph);
    const seen = new Set<string>();
    for (const reading of readNumbers(text, isName, knowledge.vocabulary.units.known)) {
      const m = reading.mention;
      if (spans.some(([s, e]) => m.start < e && s < m.end)) continue;
      const entry =
        reading.kind === "ignored"
          ? { text: reading.text, reason: reading.reason }
          : reading.kind === "date"
            ? { text: reading.phrase, reason: "a date" }
            : { text: reading.figure.text, reason: "a figure in a sentence drafted without a fact" };
      if (seen.has(entry.text) || !text.includes(entry.text)) continue;
      seen.add(entry.text);
      ignored.push({ source: source.id, paragraph: n, text: entry.text, reason: entry.reason, draft: true });
    }
  });

  // 4. Topics proposed from the existing topics' keywords.
  const topics = new Map<string, string[]>();
  for (const f of facts) {
    f.topics = proposeTopics(`${f.quote} ${f.metric}`, knowledge);
    for (const t of f.topics) topics.set(t, [...(topics.get(t) ?? []), f.id]);
  }

  // 5. New topics from the text's own words, where it dwells on what no topic covers.
  const newTopics = proposeNewTopics({
    source,
    paragraphs,
    facts,
    knowledge,
    entities,
    bothSides: knowledge.sides.map((s) => s.entity),
    shareUnits: new Set(["%", "fraction", ...knowledge.vocabulary.units.share]),
  });

  // Entities no fact names are not worth a draft.
  const named = new Set(facts.flatMap((f) => [...f.entities, ...(f.attribution ? [f.attribution] : [])]));
  const usedEntities = entities.filter((e) => named.has(e.id));
  return {
    facts,
    entities: usedEntities,
    ignored,
    units: [...units],
    topics,
    newTopics,
    hints: unitHints(facts, knowledge),
  };
}

/**
 * The phrase as the paragraph writes it with more words inside ("top-tier researchers" → "top-tier AI
 * researchers"): its first and last words with one or two between them.
 */
function fullerPhrase(paragraph: string, phrase: string): string | undefined {
  const words = phrase.split(/\s+/);
  if (words.length < 2) return undefined;
  const esc = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const first = esc(words[0] ?? "");
  const rest = words.slice(1).map(esc).join("\\s+");
  const hit = new RegExp(`\\b${first}(?:\\s+[\\p{L}][\\p{L}-]*){1,2}\\s+${rest}\\b`, "iu").exec(
    paragraph,
  )?.[0];
  return hit && hit.toLowerCase() !== phrase.toLowerCase() ? hit : undefined;
}

/** The figures of a quote with where each stands in it, its text as a fact gives it. */
function placedFigures(
  quote: string,
  units: readonly string[],
): { start: number; end: number; text: string }[] {
  return readNumbers(quote, () => undefined, units).flatMap((r) => {
    if (r.kind !== "figure") return [];
    const start = quote.indexOf(r.figure.text, Math.max(0, r.mention.start - 12));
    return start < 0 ? [] : [{ start, end: start + r.figure.text.length, text: r.figure.text }];
  });
}

function countNames(found: readonly NewName[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of found) out.set(n.name, (out.get(n.name) ?? 0) + 1);
  return out;
}

/** Whether a stretch of the text lies inside a name with a number in it; the name as written when it does. */
function nameAt(
  text: string,
  names: readonly { id: string; start: number; end: number }[],
  byId: ReadonlyMap<string, Entity>,
) {
  return (start: number, end: number): string | undefined => {
    const hit = names.find((n) => n.start <= start && end <= n.end);
    if (!hit) return undefined;
    const written = text.slice(hit.start, hit.end);
    return /\d/.test(written) && byId.has(hit.id) ? written : undefined;
  };
}

function draftFact(
  clause: Span,
  paragraph: number,
  paragraphNames: readonly { id: string; start: number; end: number }[],
  byId: ReadonlyMap<string, Entity>,
  publisher: string | undefined,
  input: DraftInput,
  usedIds: Set<string>,
  context: readonly string[] = [],
  fresh: ReadonlySet<string> = new Set(),
  quotation?: Quotation,
): { fact: Fact } | undefined {
  const quote = normaliseQuote(clause.text);
  if (quote.length < 12 || !/\p{L}{3}/u.test(quote)) return undefined;
  const names = paragraphNames
    .filter((n) => clause.start <= n.start && n.end <= clause.end)
    .map((n) => ({ ...n, start: n.start - clause.start, end: n.end - clause.start }));
  const readings = readNumbers(quote, nameAt(quote, names, byId), input.knowledge.vocabulary.units.known);
  const figures: Figure[] = readings.flatMap((r) => {
    if (r.kind !== "figure") return [];
    // "507k Ascend units", "1.6M Ascend 910C packages", "350k of H20": a count of a named chip counts chips.
    const unit = r.figure.unit;
    if (["%", "USD", "times", "fraction", "months", "years"].includes(unit)) return [r.figure];
    const after = r.mention.end;
    const chip = names.find(
      (n) =>
        n.start >= after &&
        n.start - after <= 12 &&
        /^[\s\p{L}]*$/u.test(quote.slice(after, n.start)) &&
        ["chip", "device"].includes(byId.get(n.id)?.kind ?? ""),
    );
    return [
      chip && !/^\s*(?:of\s+)?(?:stacks?|wafers?)\b/i.test(quote.slice(after))
        ? { ...r.figure, unit: "chips" }
        : r.figure,
    ];
  });
  const dates = readings.flatMap((r) => (r.kind === "date" ? [r.phrase] : []));
  const we = /\b(?:we|our|us)\b/i.test(quote.replace(/\bUS\b/g, ""));
  // Words inside a quotation are its speaker's, though the sentence naming the speaker is another one; and
  // the "we" of a quotation is the speaker's, never the publisher's.
  const reporter = reporterOf(quote, names, byId) ?? quotation?.speaker;
  const attribution = reporter ?? (we && publisher && !quotation ? publisher : undefined);
  // "Shenlan's SL-R2 has 540 billion parameters": a thing named right after its owner's "'s" is what the
  // clause speaks of, its owner second.
  const ordered = [...names];
  const [first, second] = ordered;
  if (first && second && /^['’]s\s+$/.test(quote.slice(first.end, second.start)) && first.id !== second.id) {
    ordered[0] = second;
    ordered[1] = first;
  }
  // "On the Orchard Suite, a test of 1,200 tasks, the X9 picked 71%": a name in the phrase the clause opens
  // on (and the description after it) sets the scene; the name after it is what the figure is of.
  const scene =
    /^(?:On|In|At|Among|Across|Within|Under|For)\s(?:[^,]|,(?=\d)){1,80},(?:\s(?:a|an|the)\s(?:[^,]|,(?=\d)){1,120},)?\s/.exec(
      quote,
    )?.[0].length ?? 0;
  const figureAt = Math.min(
    quote.length,
    ...readings.flatMap((r) => (r.kind === "figure" && r.mention.start >= scene ? [r.mention.start] : [])),
  );
  if (scene > 0 && ordered.some((n) => n.start >= scene && n.start < figureAt))
    ordered.sort((a, b) => Number(a.start < scene) - Number(b.start < scene));
  // "A has no paid tier, and B's plan costs 49 yuan": the part of the clause the figure stands in is of its
  // own name, not of one the clause named before it.
  const part = [...quote.slice(0, figureAt).matchAll(/,\s+(?:and|but|while|whereas)\s+|;\s+/g)].at(-1);
  const partAt = part ? part.index + part[0].length : 0;
  if (
    partAt > 0 &&
    ordered.some((n) => n.start < partAt) &&
    ordered.some((n) => n.start >= partAt && n.start < figureAt && byId.get(n.id)?.kind !== "country")
  )
    ordered.sort((a, b) => Number(a.start < partAt) - Number(b.start < partAt));
  // "The best Northland entry, the X9, scored 59%": a country written as an adjective before a noun gives
  // the thing named beside it, before the figure, its side; the figure is that thing's.
  const lead = ordered[0];
  const adjective =
    lead !== undefined &&
    byId.get(lead.id)?.kind === "country" &&
    /(?:ese|an|ish|ic|i)$/.test(quote.slice(lead.start, lead.end)) &&
    /^\s+\p{Ll}/u.test(quote.slice(lead.end));
  const beside = adjective
    ? ordered.find((n) => n !== lead && n.start < figureAt && byId.get(n.id)?.kind !== "country")
    : undefined;
  if (beside) ordered.splice(0, ordered.length, beside, ...ordered.filter((n) => n !== beside));
  // "…worth twice as much as Unitree's listed value": a name after a comparison is what the figure is set
  // against, never what it is of.
  const compared =
    /\b(?:than|as (?:much|many|large|big|high|low) as|compared (?:with|to)|ahead of|behind|versus)\b/i.exec(
      quote,
    );
  const against = (n: { start: number }) => compared !== null && n.start > compared.index;
  const own = [...new Set(ordered.filter((n) => !against(n)).map((n) => n.id))].filter(
    (id) => id !== publisher,
  );
  const setAgainst = [...new Set(ordered.filter(against).map((n) => n.id))].filter(
    (id) => id !== publisher && !own.includes(id),
  );
  const others = own.filter((id) => id !== reporter);
  // A pronoun, or no name at all, refers back to what the paragraph was about; but a possessive in a clause
  // that opens on names of its own is theirs ("In 2026 A and B listed their shares"). A clause opening on
  // "together" ("…, A, B and C, | together hold 75%") holds it with the names before it.
  const subjectAt = Math.min(...ordered.filter((n) => others.includes(n.id)).map((n) => n.start));
  const opensOnOwn =
    Number.isFinite(subjectAt) &&
    /^(?:(?:In|On|By|At|During|Since)\s[^,]{0,30}?\s)?$/.test(quote.slice(0, subjectAt));
  // "Figure says it delivered…", "Google said its app had…": what the one saying so says of itself is its own.
  const ofItself =
    reporter !== undefined &&
    names.some(
      (n) =>
        n.id === reporter &&
        /^(?:['’]s)?\s*(?:says?|said|reports?|reported|claims?|claimed)\s+(?:that\s+)?(?:it|its|they|their)\b/i.test(
          quote.slice(n.end),
        ),
    );
  const pronoun =
    /\b(?:they|them|it|the company|the firm|this|these|those|the (?:whole |entire )?(?:family|series|line))\b/i;
  const refers =
    pronoun.test(quote) ||
    (/\b(?:its|their)\b/i.test(quote) && !opensOnOwn && !ofItself) ||
    /^(?:together|combined|collectively|jointly)\b/i.test(quote);
  // "…, which raised $403 million": the clause is of the name just before it, not the paragraph's first.
  const antecedent = /^(?:which|who|whose)\b/i.test(quote)
    ? context.findLast((id) => byId.get(id)?.kind !== "country")
    : undefined;
  const before = antecedent ? [antecedent, ...context.filter((id) => id !== antecedent)] : context;
  const ids = [
    ...(ofItself && reporter ? [reporter] : []),
    // What the one saying so says of itself names no one the paragraph spoke of before.
    ...((others.length === 0 && !ofItself) || refers
      ? [...others, ...before.filter((id) => !others.includes(id) && id !== reporter)]
      : others),
    ...setAgainst.filter((id) => id !== reporter),
  ].filter((id, i, all) => all.indexOf(id) === i);
  // Who says so is named too, after what it is said of: a question naming it still finds the fact.
  if (reporter && !ids.includes(reporter)) ids.push(reporter);
  const entities = ids.length > 0 ? ids : attribution ? [attribution] : publisher ? [publisher] : [];
  if (entities.length === 0) return undefined;
  // Without a figure, a sentence is a fact when it says something citable, or names something new.
  const names_new = own.some((id) => fresh.has(id));
  if (
    figures.length === 0 &&
    !((CITABLE.test(quote) && quote.length >= 40) || (names_new && quote.length >= 25))
  )
    return undefined;

  const claim = claimOf(quote, names, byId, publisher && !quotation ? byId.get(publisher)?.name : undefined);
  if (!claim) return undefined;
  const metric = metricOf(quote, figures, names);
  const base = slug(
    [
      input.source.id.split("-")[0],
      byId
        .get(entities[0] ?? "")
        ?.name.split(" ")
        .slice(-2)
        .join(" ") ?? "",
      figures[0]
        ? `${figures[0].text} ${figures[0].unit === "%" ? "pct" : figures[0].unit}`
        : quote.split(/\s+/).slice(0, 4).join(" "),
    ].join(" "),
  );
  let id = `${base}-p${paragraph}`;
  for (let k = 2; usedIds.has(id) || input.idTaken("fact", id); k++) id = `${base}-p${paragraph}-${k}`;
  usedIds.add(id);
  return {
    fact: {
      id,
      source: input.source.id,
      paragraph,
      quote,
      claim,
      metric,
      figures: dedupeFigures(figures),
      side: sideOf(entities, byId, input.knowledge.sides ?? []),
      ...(attribution ? { attribution } : {}),
      ...(dates.length > 0 ? { as_of: [...new Set(dates)].join("; ") } : {}),
      entities,
      // The sentence's first name is whose figure it is; said outright, since a fact may name several.
      ...(figures.length > 0 && entities[0] ? { subject: entities[0] } : {}),
      topics: [],
      keywords: [],
      draft: true,
    },
  };
}

/** Verbs that report a figure or a view rather than own it: "X estimates that…", "according to X". */
const REPORTS =
  /^(?:says?|said|estimates?|estimated|expects?|expected|puts?|counts?|counted|projects?|projected|forecasts?|forecast|predicts?|believes?|reckons?|calculates?|calculated|reports?|reported|finds|found|notes?|noted|argues?|argued|warns?|warned|thinks?|has tallied|tallied|tallies|concludes?|concluded|attributes?|cautions?|told)\b/i;

/**
 * Who a clause says reports its figure or view: the name before "estimates", "expects", "says"… that opens the
 * clause, the name after "according to", or one closing the clause ("…, Meridian says"). Only a company,
 * organisation, person or report reports; a country owns its figures.
 */
function reporterOf(
  quote: string,
  names: readonly { id: string; start: number; end: number }[],
  byId: ReadonlyMap<string, Entity>,
): string | undefined {
  const reports = (id: string) =>
    ["company", "organisation", "person", "report"].includes(byId.get(id)?.kind ?? "");
  for (const n of names) {
    if (!reports(n.id)) continue;
    const before = quote.slice(0, n.start);
    // "TERI's central forecast has…", "GridScope's data show…": its own estimate.
    if (
      /^['’]s\s+(?:(?:central|latest|own|base|new)\s+)?(?:forecast|estimate|projection|data|figures?|count|tally|analysis|survey|model)s?\b/i.test(
        quote.slice(n.end),
      )
    )
      return n.id;
    const after = quote
      .slice(n.end)
      .replace(/^['’]s\b/, "")
      .replace(/^\s*\([^)]{1,40}\)/, "");
    if (/\baccording to\s+(?:the\s+)?(?:[\p{L}-]+\s+){0,5}$/iu.test(before)) return n.id;
    // '"We hire people…," said Gao Yifan': whoever a quotation is said by.
    if (/["”’],?\s+(?:said|says|told|added)\s+$/iu.test(before)) return n.id;
    // "Analysts at X estimate", "X's head of research says": the name opens the clause or follows its own analysts.
    const opens =
      /^(?:[\p{L}'’-]+\s+){0,6}$/u.test(before) &&
      !/\b(?:that|which|of|for|to|in|on|by|from|with)\s+$/i.test(before);
    if (opens && REPORTS.test(after.replace(/^\s*(?:,[^,]{1,60},\s*)?(?:also\s+|now\s+)?/, "").trimStart()))
      return n.id;
    if (/^\s*(?:says|said|estimates|reports|notes|argues|expects)\s*[.,]?\s*$/i.test(after)) return n.id;
  }
  return undefined;
}

function dedupeFigures(figures: Figure[]): Figure[] {
  return figures.filter((f, i) => figures.findIndex((g) => g.text === f.text && g.value === f.value) === i);
}

/**
 * The claim: the quote itself, its opener dropped, "we"/"our" naming the publisher, and a name the text
 * mistranslates written as the entity's real name. It adds no number the quote does not have.
 */
function claimOf(
  quote: string,
  names: readonly { id: string; start: number; end: number }[],
  byId: ReadonlyMap<string, Entity>,
  publisher: string | undefined,
): string | undefined {
  let text = quote;
  // Real names for written ones that are neither a part of the name nor a code ("Cambrian" → "Cambricon").
  for (const n of [...names].sort((a, b) => b.start - a.start)) {
    const e = byId.get(n.id);
    const written = text.slice(n.start, n.end);
    if (!e || e.kind === "country" || /\d/.test(written) || written.length < 4) continue;
    // A term spelled out in lower case ("power usage effectiveness") is its own words, not a misspelt name.
    if (!/\p{Lu}/u.test(written)) continue;
    const key = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (key(e.name).includes(key(written).replace(/s$/, ""))) continue;
    text = `${text.slice(0, n.start)}${e.name}${text.slice(n.end)}`;
  }
  // A clause cut from its sentence ("and 1,380 researchers…") opens on no conjunction.
  text = text.replace(OPENER, "").replace(/^(?:and|but|while|whereas)\s+/i, "");
  if (publisher) {
    text = text
      .replace(
        /\b(?:We|we)\b(?= (?:\w+ )?(?:believe|expect|think|forecast|estimate|see|understand|noted?|argue|detailed|wrote|covered|published|are|have|do|will|also|firmly|previously))/g,
        publisher,
      )
      .replace(/\b(?:Our|our) (data|analysis|estimates?|forecasts?|model|view)\b/g, `${publisher}'s $1`);
    // The verb agrees with one publisher: "SemiAnalysis believe" → "believes".
    text = text.replace(
      new RegExp(
        `\\b(${publisher.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?: \\w+ly)?) (believe|expect|think|forecast|estimate|see|understand|argue|do|have|are)\\b`,
        "g",
      ),
      (_m, who: string, verb: string) =>
        `${who} ${verb === "have" ? "has" : verb === "are" ? "is" : verb === "do" ? "does" : `${verb}s`}`,
    );
  }
  text = text.charAt(0).toUpperCase() + text.slice(1);
  if (!/[.!?]["”’]?$/.test(text)) text = `${text}.`;
  if (text.length > CLAIM_MAX) text = quote.length <= CLAIM_MAX ? quote : `${quote.slice(0, CLAIM_MAX - 1)}…`;
  return text.length > 0 && text.length <= CLAIM_MAX ? text : undefined;
}

/** A short label for what the fact measures: the counted thing's phrase, else a kind of statement. */
function metricOf(
  quote: string,
  figures: readonly Figure[],
  names: readonly { id: string; start: number; end: number }[],
): string {
  const first = figures[0];
  if (!first) {
    if (/\b(?:says?|said|argues?|claims?|notes?|warns?)\b/i.test(quote)) return "Statement";
    if (/\b(?:believes?|expects?|thinks?|forecasts?|estimates?)\b/i.test(quote)) return "Assessment";
    return "Description";
  }
  const at = quote.indexOf(first.text);
  const after = quote.slice(at + first.text.length);
  const phrase =
    /^\s+((?:[\p{L}\p{N}][\p{L}\p{N}'’-]*\s+){0,3}?[\p{L}][\p{L}'’-]*)(?=\s+(?:of|in|on|to|for|from|by|per|this|next|that|which|and|is|are|was|were|will|shipped|made|produced|sold)\b|[,.;:)]|$)/u.exec(
      after,
    )?.[1];
  const measured = ["%", "USD", "times", "fraction"].includes(first.unit)
    ? undefined
    : measuredWords(quote, at, first.text.length, names);
  const label =
    first.unit === "%" ? share(quote, at) : first.unit === "USD" ? money(quote, at) : (measured ?? phrase);
  const base = (label ?? first.unit).trim();
  const text = `${base.charAt(0).toUpperCase()}${base.slice(1)}`;
  // One metric, one unit: the unit joins the label when the label alone does not say it.
  return text.toLowerCase().includes(first.unit.toLowerCase()) ||
    ["%", "USD", "times", "fraction"].includes(first.unit)
    ? text
    : `${text} (${first.unit})`;
}

/** Words that say nothing of what a figure measures. */
const FILLER = new Set(
  (
    "a an the of in on at to for from by with and or but as than that which who is are was were be been has have had " +
    "will would could should can may might do does did this these those its their it they there about roughly around " +
    "approximately nearly almost some more less over under only just up down also still even now then estimated " +
    "estimates estimate expects expected says said puts put counts according fictional firm company institute"
  ).split(" "),
);

/**
 * What a figure in a measure's unit measures, in the quote's words: the content words just before it (its
 * subject and verb, names aside: "data centres … consumed") and the "of" phrase after its unit ("of
 * electricity"), so that a question in those words finds it: "Data centres consumed electricity".
 */
function measuredWords(
  quote: string,
  at: number,
  length: number,
  names: readonly { start: number; end: number }[],
): string | undefined {
  const clauseStart = Math.max(
    0,
    ...[...quote.slice(0, at).matchAll(/[,;:(]\s|\b(?:which|that|while|whereas)\s/g)].map(
      (m) => m.index + m[0].length,
    ),
  );
  let before = "";
  for (let i = clauseStart; i < at; i++)
    before += names.some((n) => n.start <= i && i < n.end) ? " " : (quote[i] ?? "");
  const lead = (before.match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ""))
    // A lone letter is what a name leaves of its possessive ("Northland's" → "s"), never a measure word.
    .filter((w) => w.length > 1 && !FILLER.has(w.toLowerCase()) && /^\p{Ll}/u.test(w))
    .slice(-4);
  const unitAndOf = /^\s*\S+\s+(?:of|in)\s+((?:[\p{L}][\p{L}'’-]*\s*){1,3})/u.exec(quote.slice(at + length));
  const of = (unitAndOf?.[1] ?? "")
    .split(/\s+/)
    .filter((w) => w && !FILLER.has(w.toLowerCase()))
    .join(" ");
  const words = [...lead, ...(of ? [of] : [])].join(" ").trim();
  return words.length >= 4 ? words : undefined;
}

function share(quote: string, at: number): string {
  const of = /^[^,.;]*?\bof\s+(?:the\s+|their\s+|its\s+)?((?:[\p{L}\p{N}'’-]+\s*){1,4})/u.exec(
    quote.slice(at),
  );
  return of?.[1] ? `Share of ${of[1].trim().replace(/['’]s$/, "")}` : "Share";
}

function money(quote: string, at: number): string {
  const before = quote.slice(Math.max(0, at - 60), at).toLowerCase();
  const after = quote.slice(at, at + 60).toLowerCase();
  if (/revenue|sales/.test(before + after)) return "Revenue";
  if (/rais|funding|invest/.test(before + after)) return "Funding";
  if (/spend|spent|expenditure|capex|bought|buy|purchas|imports?/.test(before + after)) return "Spending";
  if (/valu|worth|market cap/.test(before + after)) return "Value";
  if (/cost|price/.test(before + after)) return "Cost";
  return "Amount";
}

/**
 * A drafted fact's side, from the countries of the entities it names: the side (sides.yaml) whose own entity
 * has that country, when the fact names one side's country and not the other's; "global" when it names both,
 * "other" when neither, or when the pack compares no sides.
 */
function sideOf(
  entities: readonly string[],
  byId: ReadonlyMap<string, Entity>,
  sides: readonly { id: string; entity: string }[],
): Side {
  const countries = new Set(entities.map((id) => byId.get(id)?.country).filter(Boolean));
  const named = sides.filter((s) => {
    const country = byId.get(s.entity)?.country;
    return country !== undefined && countries.has(country);
  });
  if (named.length === 1 && named[0]) return named[0].id;
  return named.length > 1 ? "global" : "other";
}

/** The topics whose keywords the text uses as words, most matched first, at most two. */
function proposeTopics(text: string, knowledge: Knowledge): string[] {
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}%$]+/gu, " ")} `;
  return knowledge.topics
    .map((t) => ({
      id: t.id,
      hits: [t.id.replace(/-/g, " "), ...t.keywords].filter((k) => {
        const w = k
          .toLowerCase()
          .replace(/[^\p{L}\p{N}%$]+/gu, " ")
          .trim();
        return w.length >= 3 && lower.includes(` ${w} `);
      }).length,
    }))
    .filter((t) => t.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, 2)
    .map((t) => t.id);
}
