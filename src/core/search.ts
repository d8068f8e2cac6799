// Retrieval: a MiniSearch index over the facts (claim, quote, metric, entity names and aliases, topic
// words), and one over the source paragraphs as a fallback. Same tokenizer for building and querying.
import MiniSearch, { type SearchResult } from "minisearch";
import SearchableMap from "minisearch/SearchableMap";
import type { Fact, Knowledge } from "../knowledge/schema.js";
import { unique } from "./compose/shared.js";
import { EMPTY_LEXICON, type Lexicon } from "./lexicon.js";
import { decodeIndex, encodeIndex, indexedTerms, narrowIndex, type SavedIndex } from "./saved-index.js";
import { editDistance, HAN, stem } from "./text.js";
import type { Tokenize } from "./tokenize.js";

export interface FactDoc {
  id: string;
  claim: string;
  quote: string;
  metric: string;
  keywords: string;
  names: string;
  topics: string;
  entityIds: string;
}

interface ParagraphDoc {
  id: string;
  source: string;
  paragraph: number;
  text: string;
}

export interface Hit<T> {
  item: T;
  score: number;
  /** Share of the query's weight that this document matched (0–1): calibrates "not in the material". */
  coverage: number;
  /** The query's terms this document matched; entity ids among them are "@"-prefixed, never a word. */
  matched: readonly string[];
}

/** A part of a saved retriever that is read from the snapshot only when first needed. */
export type Lazy<T> = T | (() => T);
const force = <T>(x: Lazy<T>): T => (typeof x === "function" ? (x as () => T)() : x);

/** Per source: how many documents (facts and paragraphs) it has, and each term's document frequency. */
export type SourceCounts = [source: string, docs: number, df: [term: string, docs: number][]][];

/**
 * A retriever's indexes as data (saved-index.ts), with the document frequencies, made at build time and
 * loaded at start instead of tokenizing every fact and paragraph again. Valid only for the very knowledge
 * and code it was made from: the snapshot that carries it checks both.
 */
export interface SavedRetriever {
  facts: SavedIndex;
  /** Decoded when first searched: most answers come from the facts alone. */
  paragraphs: Lazy<SavedIndex>;
  df: [term: string, docs: number][];
  docCount: number;
  /** Read only to narrow the retriever to some sources. */
  bySource: Lazy<SourceCounts>;
}

/** The documents a whole's index reads differently from a narrowed knowledge (context.ts, narrowedTexts). */
export interface Narrowed {
  /** Fact id → the fields to read again, with their text now. */
  facts: Map<string, Record<string, string>>;
  /** Paragraph id → its text, to read again. */
  paragraphs: Map<string, Record<string, string>>;
  /** Per source, the change to each term's document frequency that reading them again makes. */
  df: Map<string, Map<string, number>>;
}

/** A retriever over some sources only, filtered from one over more. */
interface Narrowing {
  from: Retriever;
  sources: ReadonlySet<string>;
  changes: Narrowed;
}

/** Field boosts: a name or a metric says more about a fact than a word of its quote. */
const FACT_BOOST = { names: 3, metric: 2, keywords: 2, claim: 1.5, topics: 1, quote: 1 } as const;

/** The fields of the fact index, each fact's text as factDocs makes it. */
export const FACT_FIELDS = ["claim", "quote", "metric", "keywords", "names", "topics", "entityIds"] as const;

/**
 * What the fact index is given for each fact: its words, its entities' names and its topics' words. It
 * reads the rest of the knowledge (entities, topics, sides), so narrowing the knowledge can change it.
 */
export function factDocs(knowledge: Knowledge, facts: readonly Fact[] = knowledge.facts): FactDoc[] {
  const entity = new Map(knowledge.entities.map((e) => [e.id, e]));
  const topic = new Map(knowledge.topics.map((t) => [t.id, t]));
  // Each side (sides.yaml) → the country entities of its entity's country.
  const sideCountry = new Map<string, string[]>(
    knowledge.sides.map((s) => {
      const code = entity.get(s.entity)?.country;
      const countries = knowledge.entities.filter((e) => e.kind === "country" && e.country === code);
      return [s.id, countries.length ? countries.map((e) => e.id) : [s.entity]];
    }),
  );
  return facts.map((f) => {
    const about = [...f.entities, ...(f.attribution ? [f.attribution] : [])]
      .map((id) => entity.get(id))
      .filter((e) => e !== undefined);
    return {
      id: f.id,
      claim: f.claim,
      quote: f.quote,
      metric: f.metric,
      keywords: f.keywords.join(" "),
      // Long aliases ("People's Republic of China") would index everyday words ("people") as names;
      // the entity finder still knows them, and a mention reaches the fact through its entity id.
      names: about
        .flatMap((e) => [e.name, ...e.aliases.filter((a) => a.trim().split(/\s+/).length <= 2)])
        .join(" ; "),
      topics: f.topics
        .flatMap((id) => [topic.get(id)?.title ?? id, ...(topic.get(id)?.keywords ?? [])])
        .join(" ; "),
      // A fact on one side of the gap concerns that country, named or not ("up 77%" of US big tech).
      // A group's figure is found through the group's name as well as its members'.
      entityIds: unique([
        ...about.map((e) => e.id),
        ...(f.subject && entity.get(f.subject)?.kind === "group" ? [f.subject] : []),
        ...(sideCountry.get(f.side) ?? []),
      ])
        .map((id) => `@${id}`)
        .join(" "),
    };
  });
}

/** A fact's words for the document frequencies: every field but its entity ids, as one text. */
export const dfText = (d: FactDoc) =>
  `${d.claim} ${d.quote} ${d.metric} ${d.keywords} ${d.names} ${d.topics}`;

export class Retriever {
  private readonly facts: MiniSearch<FactDoc>;
  /** Loaded from the saved index when first searched: most answers come from the facts alone. */
  private paragraphIndex: Lazy<MiniSearch<ParagraphDoc>>;
  private readonly factById = new Map<string, Fact>();
  private readonly df = new Map<string, number>();
  private readonly docCount: number;
  /** Each source's documents and document frequencies, which the whole's are the sums of. */
  private bySource: Lazy<SourceCounts>;
  /** The words behind `words`, or how to make them from the fact index. */
  private wordIndex: Lazy<SearchableMap<true>>;

  /**
   * `saved`: this very knowledge's indexes, as save() made them; or a retriever over more sources to narrow
   * (only when narrowsExactly holds). Built afresh when absent.
   */
  constructor(
    knowledge: Knowledge,
    private readonly tokenize: Tokenize,
    saved?: SavedRetriever | Narrowing,
    private readonly lexicon: Lexicon = EMPTY_LEXICON,
  ) {
    // The words the fact index is given, gathered while it is built (processTerm keeps them as they are).
    let indexed: Set<string> | undefined;
    const options = {
      idField: "id",
      tokenize: (text: string, field?: string) => {
        if (field === "entityIds") return text.split(" ").filter(Boolean);
        const tokens = this.tokenize(text);
        if (indexed) for (const t of tokens) indexed.add(t);
        return tokens;
      },
      processTerm: (term: string) => term,
    };
    const factOptions = { ...options, fields: [...FACT_FIELDS], searchOptions: { boost: FACT_BOOST } };
    const paragraphOptions = { ...options, fields: ["text"], storeFields: ["source", "paragraph"] };
    for (const f of knowledge.facts) this.factById.set(f.id, f);
    if (saved && "from" in saved) {
      // Filtered from the whole, as if built from these sources alone: counts, averages and frequencies.
      const { from, sources, changes } = saved;
      this.facts = narrowIndex(
        from.facts,
        (id) => sources.has(from.factById.get(id)?.source ?? ""),
        factOptions,
        changes.facts,
      );
      this.paragraphIndex = () =>
        narrowIndex(
          from.paragraphs,
          (_id, stored) => sources.has(String(stored?.source)),
          paragraphOptions,
          changes.paragraphs,
        );
      const counts: SourceCounts = force(from.bySource)
        .filter(([source]) => sources.has(source))
        .map(([source, docs, df]) => {
          const delta = changes.df.get(source);
          if (!delta) return [source, docs, df];
          const own = new Map(df);
          for (const [term, d] of delta) own.set(term, (own.get(term) ?? 0) + d);
          return [source, docs, [...own].filter(([, n]) => n > 0)];
        });
      this.bySource = counts;
      let docs = 0;
      for (const [, n, df] of counts) {
        docs += n;
        for (const [term, k] of df) this.df.set(term, (this.df.get(term) ?? 0) + k);
      }
      this.docCount = docs;
      this.wordIndex = () => wordsOf(this.facts);
      return;
    }
    if (saved) {
      this.facts = decodeIndex<FactDoc>(saved.facts, factOptions);
      const paragraphs = saved.paragraphs;
      this.paragraphIndex = () => decodeIndex<ParagraphDoc>(force(paragraphs), paragraphOptions);
      for (const [term, n] of saved.df) this.df.set(term, n);
      this.docCount = saved.docCount;
      this.bySource = saved.bySource;
      this.wordIndex = () => wordsOf(this.facts);
      return;
    }
    this.facts = new MiniSearch<FactDoc>(factOptions);
    const docs = factDocs(knowledge);
    indexed = new Set();
    this.facts.addAll(docs);
    const words = new SearchableMap<true>();
    for (const t of indexed) words.set(t, true);
    this.wordIndex = words;
    indexed = undefined;

    const paragraphs = new MiniSearch<ParagraphDoc>(paragraphOptions);
    this.paragraphIndex = paragraphs;
    const paras: ParagraphDoc[] = [];
    for (const [source, lines] of knowledge.paragraphs) {
      lines.forEach((text, i) => {
        if (text.trim()) paras.push({ id: `${source}#${i + 1}`, source, paragraph: i + 1, text });
      });
    }
    paragraphs.addAll(paras);

    // Document frequencies over facts and paragraphs, for the coverage weights, counted per source.
    const bySource = new Map<string, { docs: number; df: Map<string, number> }>();
    const count = (source: string, terms: string[]) => {
      const own = bySource.get(source) ?? { docs: 0, df: new Map<string, number>() };
      bySource.set(source, own);
      own.docs++;
      for (const t of new Set(terms)) {
        this.df.set(t, (this.df.get(t) ?? 0) + 1);
        own.df.set(t, (own.df.get(t) ?? 0) + 1);
      }
    };
    docs.forEach((d, i) => {
      count(knowledge.facts[i]?.source ?? "", this.tokenize(dfText(d)));
    });
    for (const p of paras) count(p.source, this.tokenize(p.text));
    this.docCount = docs.length + paras.length;
    this.bySource = [...bySource].map(([source, own]) => [source, own.docs, [...own.df]]);
  }

  /** The indexes as data, for the constructor's `saved`. */
  save(): SavedRetriever {
    return {
      facts: encodeIndex(this.facts),
      paragraphs: encodeIndex(this.paragraphs),
      df: [...this.df],
      docCount: this.docCount,
      bySource: force(this.bySource),
    };
  }

  /**
   * Every word the fact index holds (entity ids aside), for finding the word a typo stands for without
   * searching the facts: its size follows the vocabulary, not the number of facts. Made when first needed.
   */
  private get words(): SearchableMap<true> {
    if (typeof this.wordIndex === "function") this.wordIndex = this.wordIndex();
    return this.wordIndex;
  }

  private get paragraphs(): MiniSearch<ParagraphDoc> {
    if (typeof this.paragraphIndex === "function") this.paragraphIndex = this.paragraphIndex();
    return this.paragraphIndex;
  }

  /** True when the facts or the paragraphs use the term at all. */
  known(term: string): boolean {
    return this.df.has(term);
  }

  /**
   * The word the material uses that a misspelt one stands for ("paramter" → "parameter"): the closest
   * by edit distance among the fuzzy matches in the index, the more common on a tie; undefined when the
   * word is known, too short to judge, or near nothing.
   */
  correct(term: string): string | undefined {
    if (this.df.has(term) || term.length < 5 || !/^[a-z]+$/.test(term)) return undefined;
    if (this.corrections.has(term)) return this.corrections.get(term) ?? undefined;
    // The start of a word the material uses ("chair" of "chairman") is no typo: the search matches it by
    // prefix, where a correction would swap it for another word one letter away ("chain").
    // …unless it lacks just the last letter of one word the material uses ("shortfal"): a typo, which the
    // prefix match would weigh at half.
    const word =
      this.lastLetterDropped(term) ??
      (this.startsKnown(term) ? undefined : (this.droppedG(term) ?? this.nearest(term)));
    // Bounded: questions bring endless new words, and the cache must not grow with them.
    if (this.corrections.size >= CORRECTIONS_MAX) this.corrections.clear();
    this.corrections.set(term, word ?? null);
    return word;
  }

  private readonly corrections = new Map<string, string | null>();

  /**
   * The word the material uses that is the term and one letter more, when it is the only word the material
   * uses that starts with the term ("harves" starts "harvester" too, and stays a prefix).
   */
  private lastLetterDropped(term: string): string | undefined {
    if (term.length < 6) return undefined;
    let found: string | undefined;
    for (const word of this.words.atPrefix(term).keys()) {
      if (!this.df.has(word)) continue;
      if (found || word.length !== term.length + 1) return undefined;
      found = word;
    }
    return found;
  }

  /** True when a word the material uses starts with the term. */
  private startsKnown(term: string): boolean {
    for (const word of this.words.atPrefix(term).keys()) if (word !== term && this.df.has(word)) return true;
    return false;
  }

  /** "investin", "plannin": the -ing of chat, its g dropped; the word the material uses for it, if any. */
  private droppedG(term: string): string | undefined {
    if (!term.endsWith("in")) return undefined;
    const full = stem(`${term}g`, this.lexicon.keep);
    const word = this.lexicon.synonyms.get(full) ?? full;
    return this.df.has(word) ? word : undefined;
  }

  private nearest(term: string): string | undefined {
    const max = term.length < 8 ? 1 : 2;
    let best: { word: string; d: number; df: number } | undefined;
    // One more edit for the lookup than is allowed: a swap of two letters ("invset") is two edits to
    // the index and one to a typist; editDistance below counts it as one.
    for (const word of this.words.fuzzyGet(term, max + 1).keys()) {
      // A known word with an ending added is another word, not a typo: "researcher" is not "research".
      if (!this.df.has(word) || (term.startsWith(word) && term.length - word.length >= 2)) continue;
      const d = editDistance(term, word, max);
      const df = this.df.get(word) ?? 0;
      // On a tie a word no shorter than the term first: a typist drops a letter more often than adding one
      // ("servr" is "server" rather than "serv" of "serving"); then the more common word, then the first in
      // alphabetical order: the same word every time.
      const longer = word.length >= term.length;
      const bestLonger = best !== undefined && best.word.length >= term.length;
      if (
        d <= max &&
        (!best ||
          d < best.d ||
          (d === best.d &&
            (longer !== bestLonger ? longer : df > best.df || (df === best.df && word < best.word))))
      )
        best = { word, d, df };
    }
    // Words the index never holds as typed, since the tokenizer folds them into another ("invest" into
    // "capex"): a typo of one reads as the word it folds into. Its first letter must be right: "Gartner"
    // is a name, not "partner" misspelt.
    for (const [word, canonical] of this.lexicon.synonyms) {
      if (
        word[0] !== term[0] ||
        HAN.test(word) ||
        word.length < 4 ||
        Math.abs(word.length - term.length) > max
      )
        continue;
      const d = editDistance(term, word, max);
      const df = this.df.get(canonical) ?? 0;
      if (d <= max && (!best || d < best.d)) best = { word: canonical, d, df };
    }
    return best?.word;
  }

  /** Rare words weigh more; a word the material never uses weighs the most. */
  weight(term: string): number {
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (this.docCount + 1) / (df + 0.5));
  }

  fact(id: string): Fact | undefined {
    return this.factById.get(id);
  }

  /** Facts for the query terms, with entity ids (from mentions) as extra, strongly boosted terms. */
  searchFacts(terms: string[], entityIds: string[] = []): Hit<Fact>[] {
    if (terms.length === 0 && entityIds.length === 0) return [];
    const queries: (string | object)[] = [];
    if (terms.length > 0)
      queries.push({
        // One query of all the terms, not one sub-query per term: MiniSearch builds its options afresh
        // for every query, and an answer's garbage is what sets how often the collector pauses it.
        queries: [terms.join(SEP)],
        combineWith: "OR",
        fields: ["claim", "quote", "metric", "keywords", "names", "topics"],
        // Prefixes only for words the material does not use as they are ("semicond…"): a known word is matched whole.
        prefix: (t: string) => t.length >= 5 && !/\d/.test(t) && !this.df.has(t),
        // No fuzzy matching here: the asker's typos are corrected to the material's words beforehand
        // (correct()), and a word the material uses is matched as it is, and by prefix.
        weights: { fuzzy: 0.3, prefix: 0.5 },
      });
    if (entityIds.length > 0)
      queries.push({
        queries: [entityIds.map((id) => `@${id}`).join(SEP)],
        combineWith: "OR",
        fields: ["entityIds"],
        boost: { entityIds: 4 },
      });
    // tokenize: the terms are already tokens, joined.
    const results = this.facts.search({ combineWith: "OR", queries } as never, { tokenize: splitTerms });
    return this.hits(results, terms, entityIds, (r) => this.factById.get(r.id as string));
  }

  searchParagraphs(terms: string[]): Hit<{ source: string; paragraph: number }>[] {
    if (terms.length === 0) return [];
    const results = this.paragraphs.search(
      {
        queries: [terms.join(SEP)],
        combineWith: "OR",
        prefix: (t: string) => t.length >= 5 && !/\d/.test(t),
      } as never,
      { tokenize: splitTerms },
    );
    return this.hits(results, terms, [], (r) => ({
      source: r.source as string,
      paragraph: r.paragraph as number,
    }));
  }

  private hits<T>(
    results: SearchResult[],
    terms: string[],
    entityIds: string[],
    item: (r: SearchResult) => T | undefined,
  ): Hit<T>[] {
    const total = terms.reduce((sum, t) => sum + this.weight(t), 0) + entityIds.length * 3;
    const out: Hit<T>[] = [];
    for (const r of results) {
      const it = item(r);
      if (it === undefined) continue;
      let got = 0;
      for (const t of r.queryTerms) got += t.startsWith("@") ? 3 : this.weight(t);
      // MiniSearch's own list, not a copy: this runs for every hit of every question.
      out.push({
        item: it,
        score: r.score,
        coverage: total > 0 ? Math.min(1, got / total) : 0,
        matched: r.queryTerms,
      });
    }
    return out;
  }
}

/** The fact index's words, entity ids aside, for typo correction. */
function wordsOf(facts: MiniSearch<FactDoc>): SearchableMap<true> {
  const words = new SearchableMap<true>();
  for (const term of indexedTerms(facts, "entityIds")) words.set(term, true);
  return words;
}

/** Joins tokens into one query string; no token contains it. */
const SEP = "\u0001";
const splitTerms = (s: string) => s.split(SEP);

/** Misspelt words remembered with their correction (or none). */
const CORRECTIONS_MAX = 10_000;
