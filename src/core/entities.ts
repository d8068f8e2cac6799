// Finds entities by name: exact alias, then prefix, then fuzzy (typos such as "Ascnd"), in English,
// Chinese or a mix. Serves command arguments, mentions inside free text, autocomplete and "did you mean".
import MiniSearch from "minisearch";
import type { Entity, EntityKind } from "../knowledge/schema.js";
import { editDistance, HAN, nameKey, STOPWORDS } from "./text.js";

export interface Mention {
  entity: Entity;
  /** The matched span in the name-key form of the text. */
  start: number;
  end: number;
  fuzzy: boolean;
}

interface AliasDoc {
  id: number;
  entityId: string;
  key: string;
}

/** The words after a chip's name that make it a unit: "H100-equivalents", "H100 当量". */
const EQUIVALENT_AFTER = /^ ?(?:equivalents?\b|equiv\b|等效|当量)/;

/** The letter x as "times": after a number or "how many", or before a comparison. */
const TIMES_BEFORE = /(?:\d|\bmany|\bmuch|\bwhat) ?$/;
const TIMES_AFTER =
  /^ (?:smaller|larger|bigger|more|less|fewer|faster|slower|cheaper|stronger|weaker|higher|lower|greater|better|worse|as)\b/;

interface NameKey {
  key: string;
  words: readonly string[];
  compact: string;
  entity: Entity;
}

const nameEntry = (key: string, entity: Entity): NameKey => ({
  key,
  words: key.split(" "),
  compact: key.replace(/ /g, ""),
  entity,
});

const aliasTokens = (text: string) => nameKey(text).split(" ").filter(Boolean);

export class EntityFinder {
  /** name key → entity ids (an alias belongs to one entity; the validator enforces it). */
  private readonly byKey = new Map<string, Entity>();
  private readonly byId = new Map<string, Entity>();
  /** Every name and alias: its key, the key's words and the key without spaces, made once. */
  private readonly keys: NameKey[] = [];
  /** Every word of every name and alias ("united" of United States). */
  private readonly nameWords = new Set<string>();
  /** First character of a name → the indexes of the names (in `keys`) that start with it. */
  private readonly byFirstChar = new Map<string, number[]>();
  private readonly aliases: MiniSearch<AliasDoc>;

  /**
   * `vocabulary`: words the material itself uses; such a word is never taken for a misspelt name
   * ("trained" is no typo of anything).
   */
  constructor(
    readonly entities: readonly Entity[],
    private readonly vocabulary: ReadonlySet<string> = new Set(),
  ) {
    const docs: AliasDoc[] = [];
    for (const e of entities) {
      this.byId.set(e.id, e);
      for (const name of [e.name, ...e.aliases]) {
        const key = nameKey(name);
        if (!key || this.byKey.has(key)) continue;
        this.byKey.set(key, e);
        this.keys.push(nameEntry(key, e));
        for (const w of key.split(" ")) this.nameWords.add(w);
        docs.push({ id: docs.length, entityId: e.id, key });
      }
    }
    // Chinese writes the maker before the product with no space (<maker><product>, as 北果X9): those
    // joined names are found too, after every name the knowledge gives.
    for (const e of entities) {
      const vendor = e.vendor ? this.byId.get(e.vendor) : undefined;
      if (!vendor) continue;
      const makers = [vendor.name, ...vendor.aliases].map(nameKey).filter((k) => HAN.test(k));
      const names = [e.name, ...e.aliases].map(nameKey).filter((k) => HAN.test(k[0] ?? ""));
      for (const maker of makers)
        for (const name of names) {
          const key = name.startsWith(maker) ? name : maker + name;
          if (this.byKey.has(key)) continue;
          this.byKey.set(key, e);
          this.keys.push(nameEntry(key, e));
          docs.push({ id: docs.length, entityId: e.id, key });
        }
    }
    // Longest names first, so "harvester x9b" wins over "harvester x9" inside a sentence.
    this.keys.sort((a, b) => b.key.length - a.key.length || a.key.localeCompare(b.key));
    this.keys.forEach(({ key }, index) => {
      const list = this.byFirstChar.get(key[0] as string) ?? [];
      list.push(index);
      this.byFirstChar.set(key[0] as string, list);
    });
    this.aliases = new MiniSearch<AliasDoc>({
      fields: ["key"],
      storeFields: ["entityId", "key"],
      tokenize: aliasTokens,
      processTerm: (t) => t,
    });
    this.aliases.addAll(docs);
  }

  /** True when the word is a whole word of some name or alias. */
  isNameWord(word: string): boolean {
    return this.nameWords.has(nameKey(word));
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id);
  }

  /** Exact name match (spaces, hyphens and case ignored; "harvesterx9" too). */
  exact(name: string): Entity | undefined {
    const key = nameKey(name);
    return (
      this.byKey.get(key) ??
      this.byKey.get(key.replace(/ /g, "")) ??
      this.compact().get(key.replace(/ /g, ""))
    );
  }

  private compactCache?: Map<string, Entity>;
  private compact(): Map<string, Entity> {
    if (!this.compactCache) {
      this.compactCache = new Map();
      for (const { compact: c, entity } of this.keys) {
        if (!this.compactCache.has(c)) this.compactCache.set(c, entity);
      }
    }
    return this.compactCache;
  }

  /**
   * Resolves a name typed as a command argument. Exact, then unique-best prefix, then fuzzy where
   * every word of the input matches. `kinds` limits the answer (a /chip wants a chip).
   */
  resolve(name: string, kinds?: readonly EntityKind[]): Entity | undefined {
    const exact = this.exact(name);
    // An exact name of another kind (a maker typed to /chip) means that thing, not a near chip.
    if (exact) return !kinds || kinds.includes(exact.kind) ? exact : undefined;
    const key = nameKey(name);
    // Every word typed is a whole word of one thing's name ("X9" → Harvester X9, not the X9B).
    const typed = key.split(" ");
    const whole = new Set(
      this.keys
        .filter(({ words, entity }) => {
          if (kinds && !kinds.includes(entity.kind)) return false;
          return typed.every((w) => words.includes(w));
        })
        .map(({ entity }) => entity),
    );
    if (whole.size === 1) return [...whole][0];
    const compactKey = key.replace(/ /g, "");
    const prefixed = new Set(
      this.keys
        .filter(
          ({ key: k, compact, entity }) =>
            (!kinds || kinds.includes(entity.kind)) &&
            ((k.startsWith(key) && !digitFollows(k, key.length, key)) ||
              (compact.startsWith(compactKey) && !digitFollows(compact, compactKey.length, compactKey))),
        )
        .map(({ entity }) => entity),
    );
    // A prefix names a thing only when it names one thing.
    if (prefixed.size === 1) return [...prefixed][0];
    if (prefixed.size > 1) return undefined;
    // A word the material uses that is no word of any name ("speed" in "X9 speed") is no
    // misspelt name either, and the fuzzy pass needs every word to match a name: it cannot succeed.
    if (typed.some((w) => this.vocabulary.has(w) && !this.nameWords.has(w))) return undefined;
    const near = this.rank(name, kinds, 1, true)[0];
    return near && !this.otherModelNumber(key, near) && !this.onlyMaker(key, near) ? near : undefined;
  }

  /** "Nvdia" to /chip: the typed words are its maker's name, misspelt, not one of the maker's chips. */
  private onlyMaker(key: string, entity: Entity): boolean {
    const maker = entity.vendor ? this.byId.get(entity.vendor) : undefined;
    if (!maker) return false;
    const words = this.keys.filter((k) => k.entity === maker).flatMap((k) => k.words);
    return key.split(" ").every((w) => words.some((m) => editDistance(w, m, 2) <= 2));
  }

  /**
   * True when a model number typed is none of the entity's own: X20 is not the X200, nor X9C the X9B,
   * though each is one edit from the other.
   */
  private otherModelNumber(key: string, entity: Entity): boolean {
    const names = this.keys.filter((k) => k.entity === entity).flatMap((k) => k.words);
    // A model number is never a typo: X9C is not the X9B, whatever the edit distance.
    return key
      .split(" ")
      .filter((w) => /\d/.test(w))
      .some((w) => !names.includes(w));
  }

  /** Ranked candidates: exact alias, then prefix, then fuzzy (AND over the words). */
  rank(input: string, kinds?: readonly EntityKind[], limit = 25, fuzzyOnly = false): Entity[] {
    const key = nameKey(input);
    const out: Entity[] = [];
    const push = (e: Entity) => {
      if ((!kinds || kinds.includes(e.kind)) && !out.includes(e)) out.push(e);
    };
    if (!key) return out;
    if (!fuzzyOnly) {
      const exact = this.exact(input);
      if (exact) push(exact);
      const compactKey = key.replace(/ /g, "");
      const prefixed = this.keys
        .filter(({ key: k, compact }) => k.startsWith(key) || compact.startsWith(compactKey))
        .sort((a, b) => a.key.length - b.key.length || a.key.localeCompare(b.key));
      for (const { entity } of prefixed) push(entity);
    }
    const hits = this.aliases.search(key, {
      combineWith: "AND",
      prefix: (term) => term.length >= 2,
      fuzzy: (term) =>
        HAN.test(term) || /^\d+$/.test(term) || term.length < 4 ? false : term.length < 6 ? 1 : 2,
      filter: (r) => {
        const e = this.byId.get(r.entityId as string);
        return !!e && (!kinds || kinds.includes(e.kind));
      },
    });
    hits.sort((a, b) => b.score - a.score || String(a.entityId).localeCompare(String(b.entityId)));
    for (const h of hits) {
      const e = this.byId.get(h.entityId as string);
      if (e) push(e);
    }
    return out.slice(0, limit);
  }

  /** Near names for "did you mean": looser than resolve (OR over words, more fuzz). */
  suggest(input: string, kinds?: readonly EntityKind[], limit = 3): Entity[] {
    const key = nameKey(input);
    if (!key) return [];
    const hits = this.aliases.search(key, {
      combineWith: "OR",
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (HAN.test(term) || term.length < 4 ? false : 0.34),
      filter: (r) => {
        const e = this.byId.get(r.entityId as string);
        return !!e && (!kinds || kinds.includes(e.kind));
      },
    });
    hits.sort((a, b) => b.score - a.score || String(a.entityId).localeCompare(String(b.entityId)));
    const out: Entity[] = [];
    for (const h of hits) {
      const e = this.byId.get(h.entityId as string);
      if (e && !out.includes(e)) out.push(e);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** Every entity named in free text, longest names first, no overlaps; typos found too. */
  mentions(text: string): Mention[] {
    const hay = nameKey(text);
    const taken: boolean[] = new Array(hay.length).fill(false);
    const found: Mention[] = [];
    // Every place a name starts, found through the names' first characters; then taken longest name
    // first, left to right, as if each name were searched for in turn.
    const hits: { index: number; at: number }[] = [];
    for (let at = 0; at < hay.length; at++) {
      for (const index of this.byFirstChar.get(hay[at] as string) ?? []) {
        if (hay.startsWith((this.keys[index] as { key: string }).key, at)) hits.push({ index, at });
      }
    }
    hits.sort((a, b) => a.index - b.index || a.at - b.at);
    for (const { index, at } of hits) {
      const { key, entity } = this.keys[index] as { key: string; entity: Entity };
      const end = at + key.length;
      // Latin names need word boundaries ("ai" must not match inside "said"); Chinese ones do not.
      // A Chinese name that ends in a model number ("收割机X9") needs a boundary there: 收割机X9C is another machine.
      // A name ending in a model number takes a plural "s" ("910Cs", "H100s"): the same product.
      const plural = hay[end] === "s" && /\d[a-z]?$/.test(key) && !isWordChar(hay[end + 1]);
      const bounded =
        (HAN.test(key[0] ?? "") || !isWordChar(hay[at - 1])) &&
        (HAN.test(key.at(-1) ?? "") || !isWordChar(hay[end]) || plural);
      // "US dollars" is a currency, not the country.
      const currency = entity.kind === "country" && /^ dollars?\b/.test(hay.slice(end));
      // "how many x smaller", "10 x more": the letter x is "times", not X the network.
      const times = key === "x" && (TIMES_BEFORE.test(hay.slice(0, at)) || TIMES_AFTER.test(hay.slice(end)));
      if (!bounded || currency || times || taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      // "5 million H100-equivalents", "等效H100": the chip is a unit of measure there, not a subject.
      const unit =
        entity.kind === "chip" && (EQUIVALENT_AFTER.test(hay.slice(end)) || /等效 ?$/.test(hay.slice(0, at)));
      if (!unit) found.push({ entity, start: at, end, fuzzy: false });
    }
    // Typos: untaken Latin words of 5+ letters that are one or two edits from a one-word name.
    for (const m of hay.matchAll(/[a-z][a-z0-9.]{4,}/g)) {
      const at = m.index ?? 0;
      const end = at + m[0].length;
      if (taken.slice(at, end).some(Boolean) || STOPWORDS.has(m[0]) || this.vocabulary.has(m[0])) continue;
      // A word with a digit is a model number, never a typo: "GB200" is not the B200, nor "MI400" the MI300.
      if (/\d/.test(m[0])) continue;
      // "Metas anual investment": a possessive typed without its apostrophe is the name itself.
      const e = (m[0].endsWith("s") ? this.byKey.get(m[0].slice(0, -1)) : undefined) ?? this.misspelt(m[0]);
      if (e) {
        for (let i = at; i < end; i++) taken[i] = true;
        found.push({ entity: e, start: at, end, fuzzy: true });
      }
    }
    found.sort((a, b) => a.start - b.start);
    // One mention per entity, in order of appearance; a maker written just before its product
    // ("<maker>X9", "Pearfield X9") is part of the product's name.
    const out: Mention[] = [];
    for (const m of found) {
      const maker = out.at(-1);
      // "Pearfield's X-line" too: nameKey leaves the possessive as " s ".
      if (
        maker &&
        m.entity.vendor === maker.entity.id &&
        /^ ?(?:s |的 ?)?$/.test(hay.slice(maker.end, m.start))
      )
        out[out.length - 1] = { ...m, start: maker.start };
      else if (!out.some((n) => n.entity === m.entity)) out.push(m);
    }
    return out;
  }

  private readonly typos = new Map<string, Entity | null>();

  /** The one-word name a word is one or two edits from ("Pearfeild" → Pearfield); remembered, bounded. */
  private misspelt(word: string): Entity | undefined {
    const known = this.typos.get(word);
    if (known !== undefined) return known ?? undefined;
    const hit = this.aliases
      .search(word, { fuzzy: word.length < 6 ? 1 : 2, prefix: false })
      .filter((h) => !(h.key as string).includes(" ") && (h.key as string).length >= 4)
      // Two edits in a short word make another word ("lineup" is not "Linux"); a swap is one edit.
      .filter((h) => editDistance(word, h.key as string, 2) <= (word.length < 8 ? 1 : 2))
      // A model number is never a typo: "X308" is not the X300, whatever the edit distance.
      .filter((h) => digitsOf(word) === digitsOf(h.key as string))
      .sort((a, b) => b.score - a.score || String(a.entityId).localeCompare(String(b.entityId)))[0];
    const e = hit ? this.byId.get(hit.entityId as string) : undefined;
    if (this.typos.size >= 10_000) this.typos.clear();
    this.typos.set(word, e ?? null);
    return e;
  }

  /** The text with every mention cut out: what is left says whether the user asked a question. */
  residue(text: string, mentions: Mention[]): string {
    const hay = nameKey(text);
    let out = "";
    let from = 0;
    for (const m of mentions) {
      out += `${hay.slice(from, m.start)} `;
      from = m.end;
    }
    return out + hay.slice(from);
  }
}

/** The digits of a word, in order: what tells one model number from another. */
function digitsOf(word: string): string {
  return word.replace(/\D/g, "");
}

function isWordChar(ch: string | undefined): boolean {
  return !!ch && /[\p{L}\p{N}]/u.test(ch) && !HAN.test(ch);
}

/** A number typed ("h20") that the name goes on with more digits ("h200"): a different model. */
function digitFollows(name: string, at: number, typed: string): boolean {
  return /\d$/.test(typed) && /\d/.test(name[at] ?? "");
}
