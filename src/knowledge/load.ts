// Reads knowledge/ from disk: YAML files parsed and checked against the zod schemas.
// Deeper checks (verbatim quotes, references, coverage) live in validate.ts; load() runs both.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import {
  type Cues,
  CuesFile,
  type CueWords,
  EntitiesFile,
  Entity,
  Fact,
  FactsFile,
  GlossaryFile,
  IgnoredFile,
  IgnoredNumber,
  type Knowledge,
  SidesFile,
  SourcesFile,
  TopicFile,
  UnitsFile,
  type Vocabulary,
  VocabularyFile,
  WORD_LIST_NAMES,
  WordsFile,
} from "./schema.js";

/** knowledge/ at the package root, whether we run from src/ (tests) or dist/src/ (built). */
export function defaultKnowledgeDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, "knowledge");
    try {
      readFileSync(join(candidate, "sources.yaml"));
      return candidate;
    } catch {
      dir = dirname(dir);
    }
  }
  throw new Error(`gapbot: knowledge/sources.yaml not found above ${fileURLToPath(import.meta.url)}`);
}

/** A pack with no vocabulary.yaml: no synonyms, and any unit its figures use. */
export const EMPTY_VOCABULARY: Vocabulary = {
  synonyms: { phrases: [], groups: [], compounds: {}, ratio_words: [] },
  units: { known: [], money: [], share: [], relative: [], both_sides: [], counts: {}, hints: [] },
  keep_words: [],
};

/** One problem in the knowledge, located precisely enough to fix by hand. */
export interface Problem {
  file: string;
  id?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = [p.file, p.id, p.field].filter(Boolean).join(" › ");
  return `${where}: ${p.message}`;
}

export class KnowledgeError extends Error {
  constructor(
    readonly problems: Problem[],
    readonly dir?: string,
  ) {
    super(
      `gapbot: the knowledge${dir ? ` in ${dir}` : ""} fails the check (npm run knowledge:check) with ${problems.length} problem(s):\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join("\n"),
    );
    this.name = "KnowledgeError";
  }
}

function yamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** Where each entry came from, so that validation can name the file. */
export interface Origins {
  /** `${kind}:${id}` → file path relative to the knowledge dir. */
  of: Map<string, string>;
  /** `${kind}:${id}` → every file that defines it, in load order: more than one means a duplicate id. */
  files?: Map<string, string[]>;
}

export interface Loaded {
  knowledge: Knowledge;
  origins: Origins;
  problems: Problem[];
}

/** The entries of a list file that pass on their own, so that one bad entry does not hide all the others. */
function validEntries<E>(data: unknown, key: string, item: z.ZodType<E>): E[] {
  const list = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((x) => {
    const parsed = item.safeParse(x);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Parses every file; schema problems are collected, not thrown, and bad entries are dropped. */
export function readKnowledge(dir: string = defaultKnowledgeDir()): Loaded {
  const root = resolve(dir);
  const problems: Problem[] = [];
  const origins: Origins = { of: new Map(), files: new Map() };
  const k: Knowledge = {
    sources: [],
    paragraphs: new Map(),
    entities: [],
    facts: [],
    topics: [],
    ignored: [],
    glossary: {},
    sides: [],
    vocabulary: EMPTY_VOCABULARY,
    cues: {} as Cues,
    cueWords: Object.fromEntries(WORD_LIST_NAMES.map((n) => [n, []])) as unknown as CueWords,
  };

  // `salvage` keeps what is still usable when the file as a whole fails its schema.
  function parseFile<T>(path: string, schema: z.ZodType<T>, salvage?: (data: unknown) => T): T | undefined {
    const file = relative(root, path);
    let data: unknown;
    try {
      data = parseYaml(readFileSync(path, "utf8"));
    } catch (err) {
      problems.push({ file, message: `not valid YAML: ${(err as Error).message}` });
      return undefined;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const path = issue.path;
      // Name the entry by its id where the data has one, else by its index.
      let id: string | undefined;
      let rest = path;
      if (path.length >= 2 && typeof path[1] === "number") {
        const list = (data as Record<string, unknown[]>)[String(path[0])];
        const entry = Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined) : undefined;
        id = typeof entry?.id === "string" ? entry.id : `${String(path[0])}[${path[1]}]`;
        rest = path.slice(2);
      } else if (data && typeof (data as { id?: unknown }).id === "string") {
        id = (data as { id: string }).id;
      }
      problems.push({ file, id, field: rest.map(String).join(".") || undefined, message: issue.message });
    }
    return salvage?.(data);
  }

  const note = (kind: string, id: string, path: string) => {
    const key = `${kind}:${id}`;
    origins.of.set(key, relative(root, path));
    origins.files?.set(key, [...(origins.files.get(key) ?? []), relative(root, path)]);
  };

  const sourcesPath = join(root, "sources.yaml");
  const sources = parseFile(sourcesPath, SourcesFile);
  for (const s of sources?.sources ?? []) {
    note("source", s.id, sourcesPath);
    k.sources.push(s);
    try {
      const text = readFileSync(join(root, "sources", s.file), "utf8");
      // Paragraph N is line N; a trailing newline does not make an extra paragraph.
      k.paragraphs.set(s.id, text.replace(/\n$/, "").split("\n"));
    } catch {
      problems.push({
        file: "sources.yaml",
        id: s.id,
        field: "file",
        message: `sources/${s.file} cannot be read`,
      });
    }
  }
  for (const path of yamlFiles(join(root, "entities"))) {
    for (const e of parseFile(path, EntitiesFile, (d) => ({ entities: validEntries(d, "entities", Entity) }))
      ?.entities ?? []) {
      note("entity", e.id, path);
      k.entities.push(e);
    }
  }
  for (const path of yamlFiles(join(root, "facts"))) {
    for (const f of parseFile(path, FactsFile, (d) => ({ facts: validEntries(d, "facts", Fact) }))?.facts ??
      []) {
      note("fact", f.id, path);
      k.facts.push(f);
    }
  }
  for (const path of yamlFiles(join(root, "topics"))) {
    const t = parseFile(path, TopicFile);
    if (t) {
      note("topic", t.id, path);
      k.topics.push(t);
    }
  }
  // ignored.yaml, and one file per ingested source under ignored/.
  for (const ignoredPath of [join(root, "ignored.yaml"), ...yamlFiles(join(root, "ignored"))]) {
    if (!existsSync(ignoredPath)) continue;
    const ignored = parseFile(ignoredPath, IgnoredFile, (d) => ({
      ignored: validEntries(d, "ignored", IgnoredNumber),
    }));
    for (const i of ignored?.ignored ?? []) k.ignored.push(i);
  }
  const unitsPath = join(root, "units.yaml");
  if (existsSync(unitsPath)) k.units = parseFile(unitsPath, UnitsFile)?.units ?? [];
  const glossaryPath = join(root, "glossary.yaml");
  if (existsSync(glossaryPath)) k.glossary = parseFile(glossaryPath, GlossaryFile)?.terms ?? {};

  const vocabularyPath = join(root, "vocabulary.yaml");
  if (existsSync(vocabularyPath))
    k.vocabulary = parseFile(vocabularyPath, VocabularyFile) ?? EMPTY_VOCABULARY;
  // The language's cue words: a pack's own, or else the shipped ones, read as part of this pack.
  const ownCues = join(root, "cues.yaml");
  const cuesPath = existsSync(ownCues) ? ownCues : join(defaultKnowledgeDir(), "cues.yaml");
  if (existsSync(cuesPath)) {
    const parsed = parseFile(cuesPath, CuesFile);
    if (parsed) {
      k.cues = parsed.cues;
      k.cueWords = parsed.words;
    }
  }
  const sidesPath = join(root, "sides.yaml");
  if (existsSync(sidesPath)) k.sides = parseFile(sidesPath, SidesFile)?.sides ?? [];
  // The language's everyday words: a pack's own, or else the shipped ones.
  const ownWords = join(root, "words.yaml");
  const wordsPath = existsSync(ownWords) ? ownWords : join(defaultKnowledgeDir(), "words.yaml");
  const everyday = existsSync(wordsPath) ? parseFile(wordsPath, WordsFile) : undefined;
  if (everyday) {
    k.synonymsOfLanguage = everyday.synonyms;
    k.oppositesOfLanguage = everyday.opposites;
    k.everydayGlossary = everydayGlossary(k, everyday.chinese);
  }

  return { knowledge: k, origins, problems };
}

/**
 * The everyday Chinese words whose English the sources use, each word of it (as glossary.yaml's must be), that
 * neither the glossary nor an entity's name already gives: a Chinese question then meets the text's own words.
 */
function everydayGlossary(k: Knowledge, chinese: Readonly<Record<string, string>>): Record<string, string> {
  const used = new Set<string>();
  for (const lines of k.paragraphs.values())
    for (const line of lines)
      for (const m of line.toLowerCase().matchAll(/[a-z0-9][a-z0-9-]*/g)) used.add(m[0]);
  const names = new Set(k.entities.flatMap((e) => [e.name, ...e.aliases]));
  // "licence" is used when "licences" is: a word is the start of one the sources write.
  const uses = (word: string) =>
    used.has(word) || ["s", "es", "d", "ed", "ing"].some((end) => used.has(`${word}${end}`));
  const out: Record<string, string> = {};
  for (const [zh, en] of Object.entries(chinese)) {
    if (Object.hasOwn(k.glossary, zh) || names.has(zh)) continue;
    const words = en
      .toLowerCase()
      .split(/[^a-z0-9-]+/)
      .filter(Boolean);
    if (words.length > 0 && words.every(uses)) out[zh] = en;
  }
  return out;
}
