// Everything the composers share, built once per knowledge: lookups, the entity finder, the retriever.
import type { Entity, Fact, Knowledge, Source, Topic } from "../knowledge/schema.js";
import { EntityFinder } from "./entities.js";
import { type CompiledCues, compileCues } from "./frames/cues.js";
import { compileLexicon, type Lexicon } from "./lexicon.js";
import { WEIGHTS, type Weights } from "./rank/weights.js";
import {
  dfText,
  FACT_FIELDS,
  type FactDoc,
  factDocs,
  type Narrowed,
  Retriever,
  type SavedRetriever,
} from "./search.js";
import { HAN, nameKey, normalize, words as splitWords } from "./text.js";
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

/** The Chinese names and words the tokenizer keeps whole: every entity's, topic's and fact's. */
function hanWordsOf(knowledge: Knowledge): Set<string> {
  // A set: facts share their keywords, and each word is cut into pieces once however often it is used.
  const hanWords = new Set<string>();
  const addHan = (w: string) => {
    if (!hanWords.has(w) && HAN.test(w)) hanWords.add(w);
  };
  for (const e of knowledge.entities) for (const w of [e.name, ...e.aliases]) addHan(w);
  for (const t of knowledge.topics) for (const w of t.keywords) addHan(w);
  for (const f of knowledge.facts) for (const w of f.keywords) addHan(w);
  return hanWords;
}

/** The Han pieces of those words, as the tokenizer's dictionary takes them. */
function hanPieces(knowledge: Knowledge): Set<string> {
  const out = new Set<string>();
  for (const w of hanWordsOf(knowledge))
    for (const piece of splitWords(normalize(w))) if (piece.han) out.add(piece.text);
  return out;
}

/**
 * What a whole's indexes need, filtered to `narrowed` (onlySources of the whole's knowledge), to be exactly
 * the indexes it would build itself: the kept documents whose fields it reads differently, to read again.
 * Narrowing can change a fact's text (a topic or a side's country dropped) and the tokenizer's Chinese
 * dictionary (words only other sources use, so every kept text with Chinese in it is read again). Undefined
 * when the kept facts are not the whole's in the whole's order.
 */
export function narrowedTexts(whole: Context, narrowed: Knowledge, tokenize: Tokenize): Narrowed | undefined {
  const kept = new Set(narrowed.facts.map((f) => f.id));
  const mine = factDocs(narrowed);
  const theirs = factDocs(
    whole.knowledge,
    whole.knowledge.facts.filter((f) => kept.has(f.id)),
  );
  if (mine.length !== theirs.length || mine.some((d, i) => d.id !== theirs[i]?.id)) return undefined;
  const own = hanPieces(narrowed);
  const dictionaryChanged = [...hanPieces(whole.knowledge)].some((p) => !own.has(p));
  const out: Narrowed = { facts: new Map(), paragraphs: new Map(), df: new Map() };
  const recount = (source: string, before: string[], after: string[]) => {
    const delta = out.df.get(source) ?? new Map<string, number>();
    out.df.set(source, delta);
    for (const t of new Set(before)) delta.set(t, (delta.get(t) ?? 0) - 1);
    for (const t of new Set(after)) delta.set(t, (delta.get(t) ?? 0) + 1);
  };
  mine.forEach((d, i) => {
    const was = theirs[i] as FactDoc;
    const texts: Record<string, string> = {};
    for (const field of FACT_FIELDS) {
      const text = d[field];
      if (text !== was[field] || (dictionaryChanged && field !== "entityIds" && HAN.test(text)))
        texts[field] = text;
    }
    if (Object.keys(texts).length === 0) return;
    out.facts.set(d.id, texts);
    const source = narrowed.facts[i]?.source ?? "";
    recount(source, whole.tokenize(dfText(was)), tokenize(dfText(d)));
  });
  if (dictionaryChanged)
    for (const [source, lines] of narrowed.paragraphs)
      lines.forEach((text, i) => {
        if (!text.trim() || !HAN.test(text)) return;
        out.paragraphs.set(`${source}#${i + 1}`, { text });
        recount(source, whole.tokenize(text), tokenize(text));
      });
  return out;
}

/**
 * `saved`: what save() gave for this very knowledge; each part is made afresh when absent. `whole`: a
 * context over more sources that this knowledge narrows (onlySources), whose indexes are filtered rather
 * than built again (narrowedTexts).
 */
export function buildContext(
  knowledge: Knowledge,
  saved?: SavedContext,
  weights: Readonly<Weights> = WEIGHTS,
  whole?: Context,
): Context {
  const lexicon = compileLexicon(knowledge.vocabulary);
  const tokenize = createTokenizer(
    hanWordsOf(knowledge),
    { ...knowledge.everydayGlossary, ...knowledge.glossary },
    lexicon,
  );
  const entities = new Map(knowledge.entities.map((e) => [e.id, e]));
  const topics = new Map(knowledge.topics.map((t) => [t.id, t]));
  const sources = new Map(knowledge.sources.map((s) => [s.id, s]));
  // Between sources, the order of sources.yaml: paragraph numbers of two texts say nothing of each other.
  const sourceOrder = new Map(knowledge.sources.map((s, i) => [s.id, i]));
  // The maps below read every fact: each is made when first used, not at start.
  const order = once(() => new Map(knowledge.facts.map((f, i) => [f.id, i])));
  const onParagraph = once(() => {
    const out = new Map<string, Fact[]>();
    for (const f of knowledge.facts) {
      const key = `${f.source}#${f.paragraph}`;
      const list = out.get(key);
      if (list) list.push(f);
      else out.set(key, [f]);
    }
    return out;
  });
  const about = once(() => {
    const out = new Map<string, Fact[]>();
    for (const f of knowledge.facts) {
      for (const id of new Set([...f.entities, ...(f.attribution ? [f.attribution] : [])])) {
        const list = out.get(id);
        if (list) list.push(f);
        else out.set(id, [f]);
      }
    }
    return out;
  });
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
      const e = entities.get(id);
      const names = e ? [e.name, ...e.aliases].filter((n) => n.length >= 2).map(escapeRegExp) : [];
      re = names.length
        ? new RegExp(
            // "X is argued/expected…" says what is said of X, not what X is.
            `^(?:an? |the )?(?:${names.join("|")})(?:,? or [^,]{2,60},| \\([^)]{1,40}\\))? (?:is|are|means|refers to|stands for)\\b(?! [a-z]+ed\\b)`,
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
    if (full && entities.get(id)?.kind === "person")
      return (f.entities[0] === id ? 8 : 4) + (full.some((n) => f.quote.includes(n)) ? 6 : 0);
    return (f.entities[0] === id ? 8 : f.entities.includes(id) ? 4 : 1) + (f.figures.length > 0 ? 2 : 0);
  };
  // Each entity's list is put in order when first asked for: a start sorts none of them.
  const sorted = new Set<string>();
  const factsAbout = (id: string): Fact[] => {
    const list = about().get(id);
    if (!list) return [];
    if (!sorted.has(id)) {
      const at = order();
      list.sort(
        (a, b) =>
          rank(id, b) - rank(id, a) ||
          (sourceOrder.get(a.source) ?? 0) - (sourceOrder.get(b.source) ?? 0) ||
          a.paragraph - b.paragraph ||
          (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0),
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
  const changes = whole && !saved ? narrowedTexts(whole, knowledge, tokenize) : undefined;
  const narrowing =
    whole && changes
      ? { from: whole.retriever, sources: new Set(knowledge.sources.map((s) => s.id)), changes }
      : undefined;
  const retriever = new Retriever(knowledge, tokenize, saved?.retriever ?? narrowing, lexicon);
  indexBuilds[saved ? "loaded" : narrowing ? "narrowed" : "built"]++;
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
    // The retriever maps fact ids already.
    fact: (id) => retriever.fact(id),
    topic: (id) => topics.get(id),
    source: (id) => sources.get(id),
    sourceTitle: (id) => sources.get(id)?.title,
    factsOn: (source, paragraph) => onParagraph().get(`${source}#${paragraph}`) ?? [],
    factsAbout,
    topicTerms,
    productCodes: codes,
    save: () => ({ retriever: retriever.save(), vocabulary: [...words], productCodes: [...codes] }),
  };
}

/**
 * How each context got its indexes: loaded from saved ones, narrowed from a whole's, or built by
 * tokenizing the knowledge. Counted so that a start's path can be told (tests, the start-up log).
 */
export const indexBuilds = { loaded: 0, narrowed: 0, built: 0 };

/** `make` run once, when first called for. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * Contexts by the knowledge they were made for: the loader makes one while saving the indexes of a
 * knowledge it read from YAML, and a core narrowed to some sources filters the whole's. Held only as long
 * as the knowledge is.
 */
const remembered = new WeakMap<Knowledge, Context>();

export function rememberContext(knowledge: Knowledge, ctx: Context): void {
  remembered.set(knowledge, ctx);
}

export function rememberedContext(knowledge: Knowledge): Context | undefined {
  return remembered.get(knowledge);
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
