// Everything the composers share, built once per knowledge: lookups, the entity finder, the retriever.
import type { Entity, Fact, Knowledge, Source, Topic } from "../knowledge/schema.js";
import { EntityFinder } from "./entities.js";
import { type CompiledCues, compileCues } from "./frames/cues.js";
import { compileLexicon, type Lexicon } from "./lexicon.js";
import { WEIGHTS, type Weights } from "./rank/weights.js";
import { Retriever, type SavedRetriever } from "./search.js";
import { HAN, nameKey, normalize } from "./text.js";
import { createTokenizer, type Tokenize } from "./tokenize.js";

export interface Context {
  knowledge: Knowledge;
  tokenize: Tokenize;
  /** The material's synonyms and units, compiled from knowledge/vocabulary.yaml. */
  lexicon: Lexicon;
  /** Every Latin word the sources and claims use, as written (lower case), names aside. */
  words: ReadonlySet<string>;
  /** The ranker's weights (rank/weights.ts), or others being fitted. */
  weights: Readonly<Weights>;
  /** The question frames' cue words, compiled from knowledge/cues.yaml. */
  cues: CompiledCues;
  finder: EntityFinder;
  retriever: Retriever;
  entity(id: string): Entity | undefined;
  fact(id: string): Fact | undefined;
  topic(id: string): Topic | undefined;
  source(id: string): Source | undefined;
  sourceTitle(id: string): string | undefined;
  /** The facts quoting a paragraph, in the knowledge's order. */
  factsOn(source: string, paragraph: number): readonly Fact[];
  /** Facts about an entity, most telling first (main subject, with figures, then article order). */
  factsAbout(entityId: string): Fact[];
  /** Each topic's words, tokenized, for recognising a gap question. */
  topicTerms: Map<string, Set<string>>;
  /** Every product code the material or a name uses ("h100", "gb300", "v4"), compacted: see productCodes. */
  productCodes: Set<string>;
  /** What took a pass over all the material to make, as plain data for buildContext's `saved`. */
  save(): SavedContext;
}

/**
 * The parts of a context that read every fact and paragraph (the indexes, the vocabulary, the product
 * codes), saved once at build time so that a start reads them instead of making them again.
 */
export interface SavedContext {
  retriever: SavedRetriever;
  vocabulary: string[];
  productCodes: string[];
}

/**
 * Product codes in text: letters then digits, run together or hyphenated ("H20", "GPT-5", "RTX4090",
 * "MI300"), compacted to lower case without the hyphen, each with the text it was read from (lower
 * case). Quarters and halves ("Q1", "H2") are dates.
 */
export function productCodeMatches(text: string): { code: string; written: string }[] {
  const out: { code: string; written: string }[] = [];
  for (const m of normalize(text).matchAll(
    /(?<![\p{L}\p{N}])([a-z]{1,6})-?(\d+(?:\.\d+)?[a-z]{0,3})(?![\p{L}\p{N}])/gu,
  )) {
    const code = `${m[1]}${m[2]}`;
    // Dates are not products: "Q1", "H2", "FY2025", "end-2026", "mid-2025".
    const date =
      /^(q[1-4]|h[12])$/.test(code) ||
      /^(fy|end|mid|early|late|pre|post|by|since|until|year)$/.test(m[1] ?? "");
    if (!date) out.push({ code, written: m[0] });
  }
  return out;
}

/** The compacted product codes of productCodeMatches. */
export function productCodes(text: string): string[] {
  return productCodeMatches(text).map((m) => m.code);
}

/** `saved`: what save() gave for this very knowledge; each part is made afresh when absent. */
export function buildContext(
  knowledge: Knowledge,
  saved?: SavedContext,
  weights: Readonly<Weights> = WEIGHTS,
): Context {
  // A set: facts share their keywords, and each word is cut into pieces once however often it is used.
  const hanWords = new Set<string>();
  const addHan = (w: string) => {
    if (!hanWords.has(w) && HAN.test(w)) hanWords.add(w);
  };
  for (const e of knowledge.entities) for (const w of [e.name, ...e.aliases]) addHan(w);
  for (const t of knowledge.topics) for (const w of t.keywords) addHan(w);
  for (const f of knowledge.facts) for (const w of f.keywords) addHan(w);
  const lexicon = compileLexicon(knowledge.vocabulary);
  const tokenize = createTokenizer(hanWords, knowledge.glossary, lexicon);
  const entities = new Map(knowledge.entities.map((e) => [e.id, e]));
  const facts = new Map(knowledge.facts.map((f) => [f.id, f]));
  const topics = new Map(knowledge.topics.map((t) => [t.id, t]));
  const sources = new Map(knowledge.sources.map((s) => [s.id, s]));
  const order = new Map(knowledge.facts.map((f, i) => [f.id, i]));
  // Between sources, the order of sources.yaml: paragraph numbers of two texts say nothing of each other.
  const sourceOrder = new Map(knowledge.sources.map((s, i) => [s.id, i]));

  const onParagraph = new Map<string, Fact[]>();
  for (const f of knowledge.facts) {
    const key = `${f.source}#${f.paragraph}`;
    const list = onParagraph.get(key);
    if (list) list.push(f);
    else onParagraph.set(key, [f]);
  }
  const about = new Map<string, Fact[]>();
  for (const f of knowledge.facts) {
    for (const id of new Set([...f.entities, ...(f.attribution ? [f.attribution] : [])])) {
      const list = about.get(id) ?? [];
      list.push(f);
      about.set(id, list);
    }
  }
  const entityById = new Map(knowledge.entities.map((e) => [e.id, e]));
  // A person is who the text says they are where it names them in full ("Dana Whitfield, head of research
  // at…"), not the figures they are quoted on: their card leads with that sentence.
  const fullNames = new Map(
    knowledge.entities
      .filter((e) => e.kind === "person")
      .map((e) => [e.id, [e.name, ...e.aliases].filter((n) => /\s/.test(n.trim()))]),
  );
  // A thing is what the sentence defining it says ("PUE, or power usage effectiveness, is the ratio…"):
  // its card leads with that sentence, before any figure.
  const definesOf = new Map<string, RegExp | null>();
  const defines = (id: string, f: Fact): boolean => {
    let re = definesOf.get(id);
    if (re === undefined) {
      const e = entityById.get(id);
      const names = e ? [e.name, ...e.aliases].filter((n) => n.length >= 2).map(escapeRegExp) : [];
      re = names.length
        ? new RegExp(
            `^(?:an? |the )?(?:${names.join("|")})(?:,? or [^,]{2,60},| \\([^)]{1,40}\\))? (?:is|are|means|refers to|stands for)\\b`,
            "i",
          )
        : null;
      definesOf.set(id, re);
    }
    return re?.test(f.quote) === true;
  };
  const rank = (id: string, f: Fact) => {
    if (defines(id, f)) return 20;
    const full = fullNames.get(id);
    if (full && entityById.get(id)?.kind === "person")
      return (f.entities[0] === id ? 8 : 4) + (full.some((n) => f.quote.includes(n)) ? 6 : 0);
    return (f.entities[0] === id ? 8 : f.entities.includes(id) ? 4 : 1) + (f.figures.length > 0 ? 2 : 0);
  };
  // Each entity's list is put in order when first asked for: a start sorts none of them.
  const sorted = new Set<string>();
  const factsAbout = (id: string): Fact[] => {
    const list = about.get(id);
    if (!list) return [];
    if (!sorted.has(id)) {
      list.sort(
        (a, b) =>
          rank(id, b) - rank(id, a) ||
          (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0) ||
          a.paragraph - b.paragraph ||
          (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
      );
      sorted.add(id);
    }
    return list;
  };

  const topicTerms = new Map(
    knowledge.topics.map((t) => [
      t.id,
      new Set(tokenize([t.id.replace(/-/g, " "), t.title, ...t.keywords].join(" ; "))),
    ]),
  );

  const words = saved ? new Set(saved.vocabulary) : vocabulary(knowledge);
  const retriever = new Retriever(knowledge, tokenize, saved?.retriever, lexicon);
  const codes = new Set(
    saved?.productCodes ??
      [
        ...[...knowledge.paragraphs.values()].flat(),
        ...knowledge.facts.flatMap((f) => [f.claim, f.quote]),
        ...knowledge.entities.flatMap((e) => [e.name, ...e.aliases]),
      ].flatMap(productCodes),
  );
  return {
    knowledge,
    tokenize,
    lexicon,
    weights,
    cues: compileCues(knowledge.cues),
    words,
    finder: new EntityFinder(knowledge.entities, words),
    retriever,
    entity: (id) => entities.get(id),
    fact: (id) => facts.get(id),
    topic: (id) => topics.get(id),
    source: (id) => sources.get(id),
    sourceTitle: (id) => sources.get(id)?.title,
    factsOn: (source, paragraph) => onParagraph.get(`${source}#${paragraph}`) ?? [],
    factsAbout,
    topicTerms,
    productCodes: codes,
    save: () => ({ retriever: retriever.save(), vocabulary: [...words], productCodes: [...codes] }),
  };
}

/** Every Latin word the sources and claims use, as written (lower case). */
function vocabulary(knowledge: Knowledge): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const m of normalize(text).matchAll(/[a-z][a-z0-9.]*/g)) words.add(m[0]);
  };
  for (const lines of knowledge.paragraphs.values()) for (const line of lines) add(line);
  for (const f of knowledge.facts) add(f.claim);
  // Names are not vocabulary: a misspelt name must still be found.
  for (const e of knowledge.entities)
    for (const n of [e.name, ...e.aliases]) for (const w of nameKey(n).split(" ")) words.delete(w);
  return words;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
