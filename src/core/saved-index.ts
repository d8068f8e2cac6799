// MiniSearch indexes as compact data, and narrowed to some documents, without tokenizing anything again.
//
// MiniSearch's own toJSON writes every posting list as an object keyed by document number, and loadJS turns
// each back into a Map through parseInt: at a hundred times today's knowledge that is most of a start. Here
// the posting lists are one Int32Array (term by term: fields, then document and count pairs) that is read
// straight into the Maps MiniSearch searches; the rest (terms, document ids, averages) stays plain data.
//
// Both reach into MiniSearch's private fields (the ones its own loadJS fills), so the lockfile pins the
// version and tests/core/saved-index-codec.test.ts checks that a decoded or narrowed index is, by toJSON,
// exactly what MiniSearch itself makes.
import MiniSearch, { type Options } from "minisearch";
import type SearchableMap from "minisearch/SearchableMap";

type Postings = Map<number, number>;
type TermData = Map<number, Postings>;

/** The fields MiniSearch's loadJS fills: what an index is, beside its options. */
interface Internals {
  _documentCount: number;
  _nextId: number;
  _idToShortId: Map<string, number>;
  _fieldIds: Record<string, number>;
  _avgFieldLength: (number | null)[];
  _dirtCount: number;
  _index: SearchableMap<TermData>;
  _documentIds: Map<number, string>;
  _fieldLength: Map<number, number[]>;
  _storedFields: Map<number, Record<string, unknown>>;
}

const inside = (ms: MiniSearch<never>) => ms as unknown as Internals;

export interface IndexMeta {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: (number | null)[];
  dirtCount: number;
  /** Document ids in MiniSearch's order; their short ids are in `lengths`. */
  ids: string[];
  /** Each document's stored fields, beside `ids`; absent when the index stores none. */
  stored?: (Record<string, unknown> | null)[];
  /** The terms in MiniSearch's order; their posting lists are in `postings`, in the same order. */
  terms: string[];
}

export interface SavedIndex {
  meta: IndexMeta;
  /** Per term: its number of fields, then per field: field id, document count, (short id, count) pairs. */
  postings: Int32Array;
  /** Per document: its short id, then its length in each field (-1 where it has none). */
  lengths: Int32Array;
}

/**
 * One term's posting lists by field, decoded from the saved array on first use. MiniSearch reads a term's
 * lists with get(field) (once per term and field of a query, not per document) and iterates them to save
 * or narrow the index; every read fills the map first, and the lists themselves are plain Maps.
 */
class SavedTermData extends Map<number, Postings> {
  #from: Int32Array | undefined;
  readonly #at: number;

  constructor(from: Int32Array, at: number) {
    super();
    this.#from = from;
    this.#at = at;
  }

  #fill(): void {
    const p = this.#from;
    if (!p) return;
    this.#from = undefined;
    let at = this.#at;
    const n = p[at++] as number;
    for (let i = 0; i < n; i++) {
      const field = p[at++] as number;
      const count = p[at++] as number;
      const docs: Postings = new Map();
      for (let j = 0; j < count; j++, at += 2) docs.set(p[at] as number, p[at + 1] as number);
      super.set(field, docs);
    }
  }

  override get size(): number {
    this.#fill();
    return super.size;
  }
  override get(field: number): Postings | undefined {
    this.#fill();
    return super.get(field);
  }
  override has(field: number): boolean {
    this.#fill();
    return super.has(field);
  }
  override set(field: number, docs: Postings): this {
    this.#fill();
    return super.set(field, docs);
  }
  override delete(field: number): boolean {
    this.#fill();
    return super.delete(field);
  }
  override clear(): void {
    this.#from = undefined;
    super.clear();
  }
  override keys(): MapIterator<number> {
    this.#fill();
    return super.keys();
  }
  override values(): MapIterator<Postings> {
    this.#fill();
    return super.values();
  }
  override entries(): MapIterator<[number, Postings]> {
    this.#fill();
    return super.entries();
  }
  override [Symbol.iterator](): MapIterator<[number, Postings]> {
    this.#fill();
    return super[Symbol.iterator]();
  }
  override forEach(
    fn: (docs: Postings, field: number, map: Map<number, Postings>) => void,
    self?: unknown,
  ): void {
    this.#fill();
    super.forEach(fn, self);
  }
}

/** An empty index with `meta`'s counts and averages, to fill. */
function empty<T>(meta: Omit<IndexMeta, "ids" | "terms">, options: Options<T>): MiniSearch<T> {
  return MiniSearch.loadJS<T>(
    {
      documentCount: meta.documentCount,
      nextId: meta.nextId,
      documentIds: {},
      fieldIds: meta.fieldIds,
      fieldLength: {},
      averageFieldLength: meta.averageFieldLength as number[],
      storedFields: {},
      dirtCount: meta.dirtCount,
      index: [],
      serializationVersion: 2,
    },
    options,
  );
}

export function encodeIndex(index: MiniSearch<never> | MiniSearch<unknown>): SavedIndex {
  const m = inside(index as MiniSearch<never>);
  const fields = Object.keys(m._fieldIds).length;
  const ids: string[] = [];
  const stored: (Record<string, unknown> | null)[] = [];
  const lengths = new Int32Array(m._documentIds.size * (fields + 1));
  let at = 0;
  for (const [short, id] of m._documentIds) {
    ids.push(id);
    lengths[at++] = short;
    const length = m._fieldLength.get(short) ?? [];
    for (let f = 0; f < fields; f++) lengths[at++] = length[f] ?? -1;
    stored.push(m._storedFields.get(short) ?? null);
  }
  const terms: string[] = [];
  const postings: number[] = [];
  for (const [term, data] of m._index) {
    terms.push(term);
    postings.push(data.size);
    for (const [field, docs] of data) {
      postings.push(field, docs.size);
      for (const [doc, count] of docs) postings.push(doc, count);
    }
  }
  return {
    meta: {
      documentCount: m._documentCount,
      nextId: m._nextId,
      fieldIds: m._fieldIds,
      averageFieldLength: m._avgFieldLength,
      dirtCount: m._dirtCount,
      ids,
      ...(m._storedFields.size > 0 ? { stored } : {}),
      terms,
    },
    postings: Int32Array.from(postings),
    lengths,
  };
}

export function decodeIndex<T>(saved: SavedIndex, options: Options<T>): MiniSearch<T> {
  const { meta, postings, lengths } = saved;
  const index = empty(meta, options);
  const m = inside(index as MiniSearch<never>);
  const fields = Object.keys(meta.fieldIds).length;
  let at = 0;
  meta.ids.forEach((id, i) => {
    const short = lengths[at++] as number;
    m._documentIds.set(short, id);
    m._idToShortId.set(id, short);
    const length: number[] = [];
    for (let f = 0; f < fields; f++) {
      const n = lengths[at++] as number;
      if (n >= 0) length[f] = n;
    }
    m._fieldLength.set(short, length);
    const s = meta.stored?.[i];
    if (s) m._storedFields.set(short, s);
  });
  // Each term's posting lists stay in the array until the term is first searched: a start reads where
  // they lie, not what they hold.
  at = 0;
  for (const term of meta.terms) {
    m._index.set(term, new SavedTermData(postings, at));
    const n = postings[at++] as number;
    for (let i = 0; i < n; i++) at += 2 + 2 * (postings[at + 1] as number);
  }
  return index;
}

/**
 * The index as MiniSearch would have made it from the kept documents alone, added in the same order: the
 * same counts, averages (summed as MiniSearch sums them, document by document) and posting lists, and no
 * term that only dropped documents used. `changed`: kept documents whose fields read differently now (by
 * id, each such field's new text), tokenized again with `options`; every other field's terms are the
 * whole's, which the caller vouches for.
 */
export function narrowIndex<T>(
  from: MiniSearch<T>,
  keep: (id: string, stored: Record<string, unknown> | undefined) => boolean,
  options: Options<T>,
  changed: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map(),
): MiniSearch<T> {
  const f = inside(from as MiniSearch<never>);
  const fields = Object.keys(f._fieldIds).length;
  const averages: (number | null)[] = [];
  const index = empty(
    {
      documentCount: 0,
      nextId: f._nextId,
      fieldIds: f._fieldIds,
      averageFieldLength: averages,
      dirtCount: 0,
    },
    options,
  );
  const m = inside(index as MiniSearch<never>);
  const kept = new Uint8Array(f._nextId);
  // Fields read again, by document: their old terms are dropped and their new ones added below.
  const redone = new Map<number, Set<number>>();
  const added = new Map<string, Map<number, Postings>>();
  const tokenize: (text: string, field: string) => string[] =
    options.tokenize ?? MiniSearch.getDefault("tokenize");
  const processTerm: (term: string, field: string) => string | string[] | null | undefined | false =
    options.processTerm ?? MiniSearch.getDefault("processTerm");
  let count = 0;
  for (const [short, id] of f._documentIds) {
    const stored = f._storedFields.get(short);
    if (!keep(id, stored)) continue;
    kept[short] = 1;
    m._documentIds.set(short, id);
    m._idToShortId.set(id, short);
    let length = f._fieldLength.get(short) ?? [];
    const texts = changed.get(id);
    if (texts) {
      length = [...length];
      const fieldSet = new Set<number>();
      for (const [name, text] of Object.entries(texts)) {
        const field = f._fieldIds[name] as number;
        fieldSet.add(field);
        const tokens = tokenize(text, name);
        length[field] = new Set(tokens).size;
        const terms = tokens.flatMap((t): string[] => {
          const p = processTerm(t, name);
          return Array.isArray(p) ? p : p ? [p] : [];
        });
        for (const term of terms) {
          const data = added.get(term) ?? new Map<number, Postings>();
          added.set(term, data);
          const docs = data.get(field) ?? new Map<number, number>();
          data.set(field, docs);
          docs.set(short, (docs.get(short) ?? 0) + 1);
        }
      }
      redone.set(short, fieldSet);
    }
    m._fieldLength.set(short, length);
    if (stored) m._storedFields.set(short, stored);
    for (let i = 0; i < fields; i++) {
      const n = length[i];
      if (n !== undefined) averages[i] = ((averages[i] || 0) * count + n) / (count + 1);
    }
    count++;
  }
  m._documentCount = count;
  for (const [term, data] of f._index) {
    const narrowed: TermData = new Map();
    const more = added.get(term);
    added.delete(term);
    for (const [field, docs] of data) {
      let left: Postings | undefined;
      for (const [doc, n] of docs) {
        if (!kept[doc] || redone.get(doc)?.has(field)) continue;
        left ??= new Map();
        left.set(doc, n);
      }
      const extra = more?.get(field);
      more?.delete(field);
      if (extra) left = inOrder(left, extra);
      if (left) narrowed.set(field, left);
    }
    for (const [field, docs] of more ?? []) narrowed.set(field, docs);
    if (narrowed.size > 0) m._index.set(term, narrowed);
  }
  // Terms that only the fields read again use.
  for (const [term, data] of added) m._index.set(term, data);
  return index;
}

/** Two posting lists as one, in document order, as MiniSearch, adding documents in order, has them. */
function inOrder(a: Postings | undefined, b: Postings): Postings {
  return new Map([...(a ?? []), ...b].sort((x, y) => x[0] - y[0]));
}

/** The index's terms that some field other than `except` holds. */
export function indexedTerms<T>(index: MiniSearch<T>, except: string): string[] {
  const m = inside(index as MiniSearch<never>);
  const skip = m._fieldIds[except];
  const out: string[] = [];
  for (const [term, data] of m._index)
    for (const field of data.keys())
      if (field !== skip) {
        out.push(term);
        break;
      }
  return out;
}
