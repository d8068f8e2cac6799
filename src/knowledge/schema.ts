// The shape of gapbot's knowledge: sources, entities, facts, gap topics and ignored numbers.
// Every type the rest of the code uses is inferred from these zod schemas, so data and code cannot drift.
import { z } from "zod";

/** Lower-case ids with dashes: stable, URL- and custom_id-safe. */
export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "ids are lower-case letters, digits and dashes");

/**
 * A fact's side: one of the two sides of knowledge/sides.yaml (the validator checks it against that file), or
 * one of the sides every pack shares: "global" (both, or the gap between them) and "other" (neither).
 */
export const SHARED_SIDES = ["global", "other"] as const;
export const Side = Id;
export type Side = z.infer<typeof Side>;

export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** File under knowledge/sources/; paragraph N is line N of it. */
  file: z.string().min(1),
  language: z.string().default("en"),
  /** Set when the text is a machine translation: quotes stay verbatim, notes explain. */
  machine_translation_of: z.string().optional(),
  note: z.string().optional(),
  url: z.string().optional(),
  /** YYYY-MM-DD: orders sources newest first when their figures differ. */
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
    .optional(),
  /** Who published it ("SemiAnalysis"): shown with every citation. */
  publisher: z.string().optional(),
  authors: z.array(z.string().min(1)).default([]),
  /** Drafted by `gapbot ingest` and not yet curated: curation edits the YAML and removes the mark. */
  draft: z.boolean().optional(),
});
export type Source = z.infer<typeof Source>;

export const EntityKind = z.enum([
  "chip",
  "model",
  "company",
  "organisation",
  "person",
  "country",
  "cluster",
  "framework",
  "device",
  "report",
  "product",
  /** A named set of other entities ("the four tech giants"): its figures are the set's, never a member's. */
  "group",
]);
export type EntityKind = z.infer<typeof EntityKind>;

export const Entity = z.strictObject({
  id: Id,
  kind: EntityKind,
  /** The real, current English name: what cards show. */
  name: z.string().min(1),
  /** Every other way to say it: the article's spelling, Chinese, short forms, likely misspellings. */
  aliases: z.array(z.string().min(1)).default([]),
  /** Entity id of the maker (chips, models, clusters, frameworks). */
  vendor: Id.optional(),
  /** ISO 3166 alpha-2 code, upper case: US, CN, KR, TW, JP, DE. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  role: z.enum(["training", "inference", "training-and-inference"]).optional(),
  description: z.string().optional(),
  /** What the article gets wrong about this name, if anything. */
  note: z.string().optional(),
  related: z.array(Id).default([]),
  /** Drafted by `gapbot ingest`: re-ingesting may replace it; removing the mark keeps it as curated. */
  draft: z.boolean().optional(),
  /** A group's members, as entity ids; only a group has them. */
  members: z.array(Id).default([]),
});
export type Entity = z.infer<typeof Entity>;

/** A fact's subject when it is the article's own view rather than any entity's figure. */
export const ARTICLE_SUBJECT = "article";

export const Qualifier = z.enum(["over", "about", "less-than", "at-least", "up-to", "exactly", "only"]);
export type Qualifier = z.infer<typeof Qualifier>;

export const Figure = z.strictObject({
  /** The value in plain units: 1.2 million GPUs is 1200000, 70% is 70, $725 billion is 725000000000. */
  value: z.number(),
  /** For a range ("5% -6%"), the upper end; value is the lower end. */
  max: z.number().optional(),
  unit: z.string().min(1),
  /** The figure exactly as the quote writes it ("1.2 million", "5% -6%", "1/8", "seven"). */
  text: z.string().min(1),
  qualifier: Qualifier.optional(),
  /** What this one figure measures, when a fact carries several. */
  label: z.string().optional(),
});
export type Figure = z.infer<typeof Figure>;

export const Fact = z.strictObject({
  id: Id,
  source: Id,
  paragraph: z.number().int().positive(),
  /** The shortest verbatim span of the paragraph that carries the claim. */
  quote: z.string().min(1),
  /** The claim in clean English with real names; every number in it is one of the figures. */
  claim: z.string().min(1).max(200),
  /** What it measures, as a short label for a card field ("Computing power", "Parameters"). */
  metric: z.string().min(1),
  figures: z.array(Figure).default([]),
  side: Side,
  /** Entity id of who says so (an organisation, report or person), when the text names one. */
  attribution: Id.optional(),
  as_of: z.string().optional(),
  entities: z.array(Id).min(1),
  /**
   * Whose figure or statement this is: an entity, a group or a country id, or "article" for the article's
   * own view (held by `attribution` when given). When omitted, the first entity. A fact naming several things of one kind must say which one it is about.
   */
  subject: z.union([Id, z.literal(ARTICLE_SUBJECT)]).optional(),
  /** The fact giving the article's own view of this attributed claim: a card shows the two together. */
  framed_by: Id.optional(),
  topics: z.array(Id).default([]),
  /** Extra search words a reader may use for this fact (synonyms, Chinese). */
  keywords: z.array(z.string()).default([]),
  /** What a mistranslated quote really means. */
  note: z.string().optional(),
  /** Drafted by `gapbot ingest`: re-ingesting may replace it; removing the mark keeps it as curated. */
  draft: z.boolean().optional(),
});
export type Fact = z.infer<typeof Fact>;

export const Topic = z.strictObject({
  id: Id,
  title: z.string().min(1),
  /** One sentence: what this gap is about. */
  summary: z.string().min(1),
  /** Words that bring a reader here, English and Chinese. */
  keywords: z.array(z.string().min(1)).min(1),
  /**
   * The pair the headline compares, a fact of each side (sides.yaml's first, then its second); the ratio is
   * derived when their units match.
   */
  headline: z
    .strictObject({
      first: Id,
      second: Id,
      /** Index into each fact's figures; 0 when omitted. */
      first_figure: z.number().int().nonnegative().default(0),
      second_figure: z.number().int().nonnegative().default(0),
    })
    .optional(),
  /** When there is no pair, the one fact that leads. */
  lead: Id.optional(),
  /** The facts of sides.yaml's first side, then of its second, then of neither. */
  first: z.array(Id).default([]),
  second: z.array(Id).default([]),
  related: z.array(Id).default([]),
  /** Proposed by `gapbot ingest` from a new source's own words: re-ingesting may replace it. */
  draft: z.boolean().optional(),
});
export type Topic = z.infer<typeof Topic>;

/** A number in a source that no fact carries, and why: dates, version numbers, ordinals. */
export const IgnoredNumber = z.strictObject({
  source: Id,
  paragraph: z.number().int().positive(),
  text: z.string().min(1),
  reason: z.string().min(1),
  /** When the number restates a figure that this fact carries from another paragraph. */
  fact: Id.optional(),
  /** Drafted by `gapbot ingest`. */
  draft: z.boolean().optional(),
});
export type IgnoredNumber = z.infer<typeof IgnoredNumber>;

export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });
export const EntitiesFile = z.strictObject({ entities: z.array(Entity) });
export const FactsFile = z.strictObject({ facts: z.array(Fact) });
export const TopicFile = Topic;
export const IgnoredFile = z.strictObject({ ignored: z.array(IgnoredNumber) });
/** knowledge/units.yaml: units a figure may carry beyond vocabulary.yaml's, such as those a new source counts in. */
export const UnitsFile = z.strictObject({ units: z.array(z.string().min(1)).default([]) });

/** Chinese words users type → the English words the material uses for them (names live in entities). */
/**
 * knowledge/words.yaml: the language's everyday words, for any text. `synonyms`: groups of words or phrases
 * meaning the same in a question. `chinese`: common Chinese words → English, joining the glossary where the
 * sources use the English.
 */
export const WordsFile = z.strictObject({
  synonyms: z.array(
    z.array(z.string().regex(/^[a-z0-9][a-z0-9 -]*$/, "a synonym is lower-case words")).min(2),
  ),
  /** Words that name opposite things ("eastern", "western"): a fact with one does not answer the other. */
  opposites: z
    .array(z.array(z.string().regex(/^[a-z][a-z-]*$/, "an opposite is one lower-case word")).min(2))
    .default([]),
  chinese: z.record(
    z.string().regex(/^\p{Script=Han}+$/u, "a key of chinese is a Chinese word"),
    z.string().min(1).max(80),
  ),
});

export const GlossaryFile = z.strictObject({
  terms: z.record(
    z.string().regex(/^[\p{Script=Han}\d]+$/u, "a glossary key is a Chinese word"),
    z.string().min(1).max(80),
  ),
});

/**
 * The two sides every gap compares, in the order cards show them: which `side` of a fact each is, the
 * entity that stands for it and the short label cards use ("US").
 */
export const SideEntry = z.strictObject({
  id: Id.refine(
    (id) => !(SHARED_SIDES as readonly string[]).includes(id),
    "global and other are shared sides",
  ),
  entity: Id,
  label: z.string().min(1).max(24),
});
export type SideEntry = z.infer<typeof SideEntry>;
export const SidesFile = z.strictObject({ sides: z.tuple([SideEntry, SideEntry]) });

/** A regular expression's source, as data: checked to compile by the validator. */
const Pattern = z.string().min(1);

/**
 * The material's own words (knowledge/vocabulary.yaml): synonyms folded at index and query time alike,
 * the units its figures come in with the words that ask for each, and words the stemmer keeps whole.
 */
export const VocabularyFile = z.strictObject({
  synonyms: z.strictObject({
    /** Phrases folded to one word before tokenising ("capital expenditure" → "capex"); `to` may use $1. */
    phrases: z.array(z.strictObject({ pattern: Pattern, to: z.string() })).default([]),
    /** Words folded to the group's first word, after stemming; Chinese words are kept whole. */
    groups: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /** Chinese compounds that stand for two canonical words at once (中美 → china, us). */
    compounds: z.record(z.string(), z.array(z.string().min(1)).min(2)).default({}),
    /** Words asking for the gap as a ratio ("what multiple"): they name no topic. */
    ratio_words: z.array(z.string().min(1)).default([]),
  }),
  units: z.strictObject({
    /** Every unit a figure may carry. */
    known: z.array(z.string().min(1)).min(1),
    /** Units of a sum of money: a question about money is answered only in these. */
    money: z.array(z.string()).default([]),
    /** Units of a share: "what share…" is answered only in these. */
    share: z.array(z.string()).default([]),
    /** Units of a figure relative to another ("1/8 of", "10 times"): a count may be answered by one. */
    relative: z.array(z.string()).default([]),
    /** Units of a figure that belongs to both sides at once (a time lag). */
    both_sides: z.array(z.string()).default([]),
    /** How a sentence writes a sum of money. */
    money_text: Pattern.optional(),
    /** The units a count of a named thing of a kind is in ("how many H100s" counts chips). */
    counts: z.record(z.string(), z.array(z.string().min(1))).default({}),
    /** Words that ask for units ("how many GPUs" → GPUs); `quantitative`: only in a question for a figure. */
    hints: z
      .array(
        z.strictObject({
          cue: Pattern,
          units: z.array(z.string().min(1)).min(1),
          quantitative: z.boolean().optional(),
          /** The source whose ingest drafted the hint: ingesting it again replaces it; curating removes the mark. */
          draft: z.string().min(1).optional(),
        }),
      )
      .default([]),
  }),
  /** Words the stemmer leaves whole ("tops" is no plural of "top"). */
  keep_words: z.array(z.string().min(1)).default([]),
});
export type Vocabulary = z.infer<typeof VocabularyFile>;

/** The cue lists the question frames read (knowledge/cues.yaml); each is a list of pattern pieces. */
export const CUE_NAMES = [
  "summary",
  "summary_filler",
  "follow_up",
  "chat",
  "what_is",
  "defines",
  "sum",
  "given",
  "advice",
  "quantitative",
  "money",
  "growth",
  "measure",
  "share",
  "share_of",
  "compares",
  "comparative",
  "asks_name",
  "two_asks",
  "finding",
  "speaker_before",
  "speaker_after",
  "asks_value",
  "count_compared",
  "alternatives",
  "which_country",
  "which_company",
  "which_chip",
  "which_framework",
  "who",
  "asks_which",
  "kind_after_name",
  "maker_products",
  "help",
  "greeting",
  "thanks",
  "ack",
  "opener",
  "question",
  "asks_how",
  "asks_said",
  "comparative_word",
  "who_leads",
  "gap_words",
  "products_of",
  "products_models",
  "compare_separator",
  "alone",
  "aside",
  "asks_whom",
  "relative_times",
  "asks_when",
  "states_time",
  "asks_measure",
  "asks_use",
  "asks_money",
  "asks_now",
  "states_plan",
  "supposes",
  "asks_supposed",
  "asks_year",
  "states_year",
  "compared_base",
  "asks_source",
  "persons_company",
  "time_baseline",
  "asks_before",
  "states_before",
  "asks_world",
  "states_world",
  "asks_percent",
  "terse",
  "not_counting",
  "asks_count",
  "excluding",
  "thread_ignore",
  "thread_sources",
  "thread_more",
  "thread_subject",
  "article_word",
  "scope",
] as const;
/** The word lists the frames read as words (knowledge/cues.yaml's `words`). */
export const WORD_LIST_NAMES = [
  "identity",
  "question_filler",
  "gap_filler",
  "every_topic",
  "source_kinds",
  "time_words",
  "scope_filler",
] as const;
export type WordListName = (typeof WORD_LIST_NAMES)[number];
export type CueName = (typeof CUE_NAMES)[number];
export const CuesFile = z.strictObject({
  cues: z.strictObject(
    Object.fromEntries(CUE_NAMES.map((n) => [n, z.array(Pattern).min(1)])) as Record<
      CueName,
      z.ZodArray<typeof Pattern>
    >,
  ),
  words: z.strictObject(
    Object.fromEntries(WORD_LIST_NAMES.map((n) => [n, z.array(z.string().min(1))])) as Record<
      WordListName,
      z.ZodArray<z.ZodString>
    >,
  ),
});
export type Cues = Record<CueName, string[]>;
export type CueWords = Record<WordListName, string[]>;

/** Everything loaded, with each source's paragraphs (index 0 is paragraph 1). */
export interface Knowledge {
  sources: Source[];
  paragraphs: Map<string, string[]>;
  entities: Entity[];
  facts: Fact[];
  topics: Topic[];
  ignored: IgnoredNumber[];
  /** Chinese word → the material's English words for it (knowledge/glossary.yaml). */
  glossary: Record<string, string>;
  /** The two sides compared (knowledge/sides.yaml); empty when a pack compares no sides. */
  sides: SideEntry[];
  /** The material's words and units (knowledge/vocabulary.yaml). */
  vocabulary: Vocabulary;
  /** The question frames' cue words (knowledge/cues.yaml, or the shipped one for a pack without). */
  cues: Cues;
  /** The frames' word lists (knowledge/cues.yaml's `words`). */
  cueWords: CueWords;
  /** Units beyond vocabulary.yaml's (knowledge/units.yaml). */
  units?: string[];
  /** Groups of everyday words meaning the same (knowledge/words.yaml, or the shipped one for a pack without). */
  synonymsOfLanguage?: string[][];
  /** Words naming opposite things (words.yaml's `opposites`). */
  oppositesOfLanguage?: string[][];
  /**
   * Everyday Chinese words → English (words.yaml's `chinese`) whose English the sources use, beside the
   * curated glossary: read like it, but not checked as it is.
   */
  everydayGlossary?: Record<string, string>;
}
