// A snapshot of the parsed knowledge with the core's search indexes made from it, so that a start reads one
// file instead of parsing YAML and tokenizing every fact. The build writes one for the package's knowledge
// (dist/knowledge.snap); any other knowledge directory gets one in a cache on its first start.
//
// A snapshot is keyed by a hash of the knowledge's content (every file under the directory, by path and
// bytes) and of the code that reads and indexes it (its files' sizes and times): any edit, addition or
// removal, or a new build, gives another key, and a snapshot under another key is never read. A stale or
// missing snapshot is never wrong, only slower.
//
// The file is sections behind a small header (their offsets): JSON where it is plain data, Int32Array
// bytes for the posting lists (saved-index.ts). A start decodes only what its first answer needs; the
// paragraph index and the per-source counts (read to narrow to some sources) are copied out and decoded
// when first used.
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { SavedContext } from "../core/context.js";
import type { IndexMeta, SavedIndex } from "../core/saved-index.js";
import type { SavedRetriever, SourceCounts } from "../core/search.js";
import { defaultKnowledgeDir } from "./load.js";
import type { Knowledge } from "./schema.js";

const here = dirname(fileURLToPath(import.meta.url));

/** dist/knowledge.snap, beside the built code. */
export function defaultSnapshotPath(): string {
  // This file is dist/src/knowledge/snapshot.js when built.
  return join(here, "..", "..", "knowledge.snap");
}

/**
 * Where snapshots of other knowledge directories go: GAPBOT_CACHE_DIR, else $XDG_CACHE_HOME/gapbot, else
 * ~/.cache/gapbot.
 */
export function cacheDir(env: Record<string, string | undefined> = process.env): string {
  const own = (env.GAPBOT_CACHE_DIR ?? "").trim();
  if (own) return own;
  const xdg = (env.XDG_CACHE_HOME ?? "").trim();
  return join(xdg || join(homedir(), ".cache"), "gapbot");
}

/** The cached snapshot for a key. */
export function cachedSnapshotPath(key: string, env?: Record<string, string | undefined>): string {
  return join(cacheDir(env), `${key.slice(0, 32)}.snap`);
}

/** The code that reads the knowledge and makes the indexes (built: dist/src/core, dist/src/knowledge). */
const CODE_DIRS = [join(here, "..", "core"), here];

/** Every file under `dir`, in order; none when it cannot be read (the loader then names the problem). */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

/**
 * The key a snapshot of `dir` is kept under: a hash of every file's path and bytes (and of the shipped
 * cues.yaml when the directory has none, since the loader then reads that), and of the code's files.
 */
export function knowledgeKey(dir: string): string {
  const hash = createHash("sha256");
  for (const codeDir of CODE_DIRS)
    for (const path of files(codeDir)) {
      const st = statSync(path);
      hash.update(
        `code\u0000${relative(codeDir, path)}\u0000${st.size}\u0000${Math.round(st.mtimeMs)}\u0000`,
      );
    }
  const read = (path: string, name: string) => {
    const bytes = readFileSync(path);
    hash.update(`file\u0000${name}\u0000${bytes.length}\u0000`).update(bytes);
  };
  for (const path of files(dir)) read(path, relative(dir, path));
  const cues = join(defaultKnowledgeDir(), "cues.yaml");
  if (!existsSync(join(dir, "cues.yaml")) && existsSync(cues)) read(cues, "(shipped) cues.yaml");
  return hash.digest("hex");
}

const MAGIC = Buffer.from("gapbot snapshot 3\n");

type Section = string | Int32Array;

/**
 * JSON with every character beyond ASCII written as a \u escape: the same value to JSON.parse, and bytes
 * that decode as ASCII, several times faster than UTF-8 for the quotes' dashes and the Chinese names.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

function contextSections(saved: SavedContext): Record<string, Section> {
  const r = saved.retriever;
  const paragraphs = typeof r.paragraphs === "function" ? r.paragraphs() : r.paragraphs;
  const bySource = typeof r.bySource === "function" ? r.bySource() : r.bySource;
  return {
    context: asciiJson({
      vocabulary: saved.vocabulary,
      productCodes: saved.productCodes,
      df: r.df,
      docCount: r.docCount,
      facts: r.facts.meta,
    }),
    "facts.postings": r.facts.postings,
    "facts.lengths": r.facts.lengths,
    "paragraphs.meta": asciiJson(paragraphs.meta),
    "paragraphs.postings": paragraphs.postings,
    "paragraphs.lengths": paragraphs.lengths,
    bySource: asciiJson(bySource),
  };
}

/**
 * Writes the snapshot of `knowledge`, read from `dir`, with `index` (the core's saved context for it) when
 * given, under `key`. Written to a temporary file and renamed, so that a reader never sees half of one.
 */
export function writeSnapshot(
  dir: string,
  knowledge: Knowledge,
  path = defaultSnapshotPath(),
  index?: SavedContext,
  key = knowledgeKey(dir),
): void {
  const { paragraphs, ...rest } = knowledge;
  const sections: Record<string, Section> = {
    knowledge: asciiJson(rest),
    paragraphs: asciiJson([...paragraphs]),
    ...(index ? contextSections(index) : {}),
  };
  const bodies: Buffer[] = [];
  const offsets: Record<string, [offset: number, length: number]> = {};
  let at = 0;
  for (const [name, section] of Object.entries(sections)) {
    const bytes =
      typeof section === "string"
        ? Buffer.from(section, "ascii")
        : Buffer.from(section.buffer, section.byteOffset, section.byteLength);
    offsets[name] = [at, bytes.length];
    // Every section starts on a multiple of 4 bytes, so that an Int32Array can view it where it lies.
    const padded = Buffer.alloc(bytes.length + ((4 - (bytes.length % 4)) % 4));
    bytes.copy(padded);
    bodies.push(padded);
    at += padded.length;
  }
  const header = Buffer.from(asciiJson({ key, sections: offsets }), "ascii");
  const lead = MAGIC.length + 4 + header.length;
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const pad = Buffer.alloc((4 - (lead % 4)) % 4);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, Buffer.concat([MAGIC, length, header, pad, ...bodies]));
  renameSync(tmp, path);
}

/**
 * Saved indexes by the knowledge object read with them: the knowledge passes through other hands
 * (narrowed to some sources, reloaded) before a core is built on it, and only the very object read
 * from the snapshot may use them. A narrowed or re-read knowledge is another object, and gets none.
 */
const savedIndexes = new WeakMap<Knowledge, SavedContext>();

/** The snapshot's knowledge when it was made from `dir` as it is now (its key); undefined otherwise. */
export function readSnapshot(dir: string, path = defaultSnapshotPath(), key?: string): Knowledge | undefined {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = file.readUInt32LE(MAGIC.length);
  let header: { key: string; sections: Record<string, [number, number]> };
  try {
    header = JSON.parse(file.toString("ascii", MAGIC.length + 4, MAGIC.length + 4 + headerLength));
  } catch {
    return undefined;
  }
  if (header.key !== (key ?? knowledgeKey(dir))) return undefined;
  const lead = MAGIC.length + 4 + headerLength;
  const base = lead + ((4 - (lead % 4)) % 4);
  const bytes = (name: string): Buffer | undefined => {
    const at = header.sections[name];
    return at ? file.subarray(base + at[0], base + at[0] + at[1]) : undefined;
  };
  const json = <T>(b: Buffer): T => JSON.parse(b.toString("ascii")) as T;
  const ints = (b: Buffer): Int32Array =>
    b.byteOffset % 4 === 0
      ? new Int32Array(b.buffer, b.byteOffset, b.length / 4)
      : new Int32Array(new Uint8Array(b).buffer);
  // A lazy section is copied out of the file, which is then let go; it is parsed when first asked for.
  const later = <T>(b: Buffer, parse: (b: Buffer) => T): (() => T) => {
    const own = Buffer.from(b);
    let value: T | undefined;
    return () => {
      value ??= parse(own);
      return value;
    };
  };

  const knowledgePart = bytes("knowledge");
  const paragraphsPart = bytes("paragraphs");
  if (!knowledgePart || !paragraphsPart) return undefined;
  const knowledge: Knowledge = {
    ...json<Omit<Knowledge, "paragraphs">>(knowledgePart),
    paragraphs: new Map(json<[string, string[]][]>(paragraphsPart)),
  };

  const context = bytes("context");
  const parts = ["facts.postings", "facts.lengths", "paragraphs.meta", "paragraphs.postings"] as const;
  const [factPostings, factLengths, paragraphMeta, paragraphPostings] = parts.map(bytes);
  const paragraphLengths = bytes("paragraphs.lengths");
  const bySource = bytes("bySource");
  if (
    context &&
    factPostings &&
    factLengths &&
    paragraphMeta &&
    paragraphPostings &&
    paragraphLengths &&
    bySource
  ) {
    const c = json<
      Omit<SavedRetriever, "facts" | "paragraphs" | "bySource"> & SavedContext & { facts: IndexMeta }
    >(context);
    const metaLater = later(paragraphMeta, (b) => json<IndexMeta>(b));
    const postingsLater = later(paragraphPostings, ints);
    const lengthsLater = later(paragraphLengths, ints);
    savedIndexes.set(knowledge, {
      vocabulary: c.vocabulary,
      productCodes: c.productCodes,
      retriever: {
        facts: { meta: c.facts, postings: ints(factPostings), lengths: ints(factLengths) },
        paragraphs: (): SavedIndex => ({
          meta: metaLater(),
          postings: postingsLater(),
          lengths: lengthsLater(),
        }),
        df: c.df,
        docCount: c.docCount,
        bySource: later(bySource, (b) => json<SourceCounts>(b)),
      },
    });
  }
  return knowledge;
}

/**
 * The indexes saved with this knowledge object by readSnapshot, handed out once: the core loads them
 * into its own structures, and the data is then let go rather than held for the process's life.
 */
export function takeSavedIndex(knowledge: Knowledge): SavedContext | undefined {
  const data = savedIndexes.get(knowledge);
  savedIndexes.delete(knowledge);
  return data;
}

/** Keeps the cache small: the newest `keep` snapshots stay, older ones (other versions of the knowledge) go. */
export function pruneCache(dir = cacheDir(), keep = 16): void {
  try {
    const snaps = readdirSync(dir)
      .filter((f) => f.endsWith(".snap"))
      .map((f) => ({ path: join(dir, f), at: statSync(join(dir, f)).mtimeMs }))
      .sort((a, b) => b.at - a.at);
    for (const s of snaps.slice(keep)) rmSync(s.path, { force: true });
  } catch {
    // A cache that cannot be listed is only a cache.
  }
}
