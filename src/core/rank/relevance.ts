// What a fact has to do with a reading: whether it concerns what is asked, whose figure it is, which
// numbers and times it speaks of. The ranker and the answer test (rank/rank.ts) are built from these.
import type { Entity, Fact } from "../../knowledge/schema.js";
import { groupHolds } from "../../knowledge/subject.js";
import { unique } from "../compose/shared.js";
import type { Context } from "../context.js";
import type { Reading } from "../frames/reading.js";
import { subjectIdOf } from "../subjects.js";
import { nameKey, normalize } from "../text.js";
import { saidByFact } from "./said.js";

/** The share of the question's content words, by weight, that a hit matched. */
export function contentShare(ctx: Context, r: Reading, matched: readonly string[]): number {
  if (r.contentWeight === 0) return 1;
  let got = 0;
  for (const t of r.content) if (matched.includes(t)) got += ctx.retriever.weight(t);
  return got / r.contentWeight;
}

export const about = (ctx: Context, f: Fact, id: string) =>
  f.entities.includes(id) || f.attribution === id || f.subject === id || sideMatches(ctx, id, f);

/** True when the fact concerns what is asked about: a thing named, or else a country named. */
export function concerns(ctx: Context, r: Reading, f: Fact): boolean {
  // "A product's share in Southland" asks about the product: a fact about Southland alone does not answer it.
  // A thing is concerned through its own: a line of products through one of its members.
  for (const id of r.things) if (aboutFamily(ctx, f, id)) return true;
  if (r.things.length) return false;
  // "Which <Pearfield> machines…": with no other thing named, the maker's things are what is asked about.
  if (r.qualifiers.some((q) => ctx.entity(q)?.kind !== "country") && qualifiedBy(ctx, r, factNames(f)))
    return true;
  for (const id of r.entityIds) if (about(ctx, f, id)) return true;
  return false;
}

export const hasAny = (set: ReadonlySet<string>, values: readonly string[]) => {
  for (const v of values) if (set.has(v)) return true;
  return false;
};

/** True when the fact gives one figure for everything the question sums: a group of them, or a sum it states. */
export function sumOf(ctx: Context, r: Reading, f: Fact): boolean {
  const named = unique([...r.things, ...r.countries]);
  if (named.length < 2) return true;
  const subject = ctx.entity(subjectIdOf(ctx, f));
  if (subject?.kind === "group" && named.every((id) => subject.members.includes(id))) return true;
  return named.every((id) => f.entities.includes(id)) && ctx.cues.sum.any.test(normalize(f.quote));
}

/** The one thing or country a question names, if just one. */
export function oneNamed(r: Reading): string | undefined {
  const named = unique([...r.things, ...r.countries]);
  return named.length === 1 ? named[0] : undefined;
}

/**
 * True when the fact counts in the units asked and its subject is the one thing named (or one of its own):
 * a count asked of a country is not answered by a count the article gives for no one in particular.
 */
export function countOf(ctx: Context, r: Reading, f: Fact): boolean {
  if (!f.figures.some((fig) => r.counted?.includes(fig.unit))) return false;
  const id = oneNamed(r);
  return id === undefined || family(ctx, id).has(subjectIdOf(ctx, f));
}

/** True when the fact gives the one thing named a figure relative to another ("1/8 of Northland's", "3 times"). */
export function relativeTo(ctx: Context, r: Reading, f: Fact): boolean {
  const id = oneNamed(r);
  return (
    id !== undefined &&
    f.entities.includes(id) &&
    f.figures.some((fig) => ctx.lexicon.units.relative.has(fig.unit)) &&
    contentShare(ctx, r, [...factTerms(ctx, f)]) >= 1
  );
}

const termCache = new WeakMap<Fact, Set<string>>();

/** The fact's own words, tokenized: what a relative figure must be about. */
export function factTerms(ctx: Context, f: Fact): Set<string> {
  let set = termCache.get(f);
  if (!set) {
    set = new Set(ctx.tokenize(`${f.claim} ${f.quote} ${f.metric} ${f.keywords.join(" ")}`, { words: true }));
    termCache.set(f, set);
  }
  return set;
}

/** True when the question names a relative time and the fact speaks of that very time. */
export function sameTime(ctx: Context, r: Reading, f: Fact): boolean {
  return r.when >= 0 && saidByFact(ctx, f).time() === r.when;
}

/** The side a fact's subject belongs to: a side's own entity, or a thing of that side's country. */
export function sideOfSubject(ctx: Context, f: Fact): string | undefined {
  const subject = ctx.entity(subjectIdOf(ctx, f));
  if (!subject) return undefined;
  for (const s of ctx.knowledge.sides) {
    const e = ctx.entity(s.entity);
    if (subject.id === s.entity || (e?.country && subject.country === e.country)) return s.id;
  }
  return undefined;
}

/** True when the fact's figure belongs to the entity together with others of its kind (a group's total). */
export function inGroup(ctx: Context, f: Fact, e: Entity): boolean {
  return (
    groupHolds(f, e.id, ctx.entity) ||
    (f.entities.includes(e.id) &&
      f.entities.filter((id) => id !== e.id && ctx.entity(id)?.kind === e.kind).length > 0)
  );
}

const families = new WeakMap<Context, Map<string, Set<string>>>();

/** A thing with its own: a maker's products, a product line's members, the things it is related to. */
export function family(ctx: Context, id: string): Set<string> {
  let byId = families.get(ctx);
  if (!byId) {
    byId = new Map();
    families.set(ctx, byId);
  }
  let set = byId.get(id);
  if (!set) {
    const e = ctx.entity(id);
    const related = e?.related ?? [];
    set = new Set([id, ...related]);
    for (const other of ctx.knowledge.entities)
      if (
        other.vendor === id ||
        other.related.includes(id) ||
        related.includes(other.vendor ?? "") ||
        (e !== undefined && variantOf(other, e))
      )
        set.add(other.id);
    byId.set(id, set);
  }
  return set;
}

/**
 * True when `other` is a variant of `e` written with its name and a suffix glued on ("HBM2E" of "HBM"): a thing
 * of the same kind. A suffix after a space names another thing ("Nvidia H20" is no variant of "Nvidia"), and so
 * does one after a model number ("910B" is a product of its own beside the "910").
 */
export function variantOf(other: Entity, e: Entity): boolean {
  if (other.id === e.id || other.kind !== e.kind) return false;
  const base = nameKey(e.name);
  const name = nameKey(other.name);
  return (
    base.length >= 2 &&
    /\p{L}$/u.test(base) &&
    name.length > base.length &&
    name.startsWith(base) &&
    /[\p{L}\p{N}]/u.test(name.charAt(base.length))
  );
}

const owns = new WeakMap<Context, Map<string, Set<string>>>();

/**
 * A thing with what is its own, in one direction only: a maker with what it makes, a line or a group with its
 * members. Unlike `family`, a product's maker, its siblings and the rivals it is related to are not its own:
 * a sentence naming only the maker, or a sibling, speaks of something else than the product.
 */
export function ownThings(ctx: Context, id: string): Set<string> {
  let byId = owns.get(ctx);
  if (!byId) {
    byId = new Map();
    owns.set(ctx, byId);
  }
  let set = byId.get(id);
  if (!set) {
    const e = ctx.entity(id);
    set = new Set([id, ...(e?.members ?? [])]);
    for (const other of ctx.knowledge.entities) {
      if (other.vendor === id || (e !== undefined && variantOf(other, e))) set.add(other.id);
      // A line speaks through each member: a thing of its maker related to it (either way) that is a line's
      // member by kind (a chip of a product line) or by name (the "Claude Fable 5" of a "Claude" series).
      else if (
        e !== undefined &&
        e.vendor !== undefined &&
        other.vendor === e.vendor &&
        (e.related.includes(other.id) || other.related.includes(id)) &&
        ((e.kind === "product" && other.kind !== "product") ||
          (other.id !== id && nameKey(other.name).startsWith(nameKey(e.name))))
      )
        set.add(other.id);
    }
    byId.set(id, set);
  }
  return set;
}

const publishers = new WeakMap<Context, Map<string, string | undefined>>();

/** The entity that publishes a source (sources.yaml's publisher, by name), if the material knows it. */
function publisherOf(ctx: Context, source: string): string | undefined {
  let bySource = publishers.get(ctx);
  if (!bySource) {
    bySource = new Map();
    for (const s of ctx.knowledge.sources)
      bySource.set(s.id, s.publisher === undefined ? undefined : ctx.finder.resolve(s.publisher)?.id);
    publishers.set(ctx, bySource);
  }
  return bySource.get(source);
}

/**
 * True when the fact concerns the thing or one of its own (a maker through its products), or is said by it:
 * a publisher says every claim of its source that the source gives no one else ("what does A call…").
 */
export function aboutFamily(ctx: Context, f: Fact, id: string): boolean {
  const own = family(ctx, id);
  return (
    (f.attribution !== undefined ? own.has(f.attribution) : publisherOf(ctx, f.source) === id) ||
    (f.subject !== undefined && own.has(f.subject)) ||
    f.entities.some((e) => own.has(e))
  );
}

/**
 * True when the fact's figure is the other side's: one side's figure for a question about the other. A time lag
 * ("15 months behind") belongs to both sides at once, whichever side the fact is filed under.
 */
export function otherSide(ctx: Context, countryId: string, f: Fact): boolean {
  if (f.figures.some((fig) => ctx.lexicon.units.bothSides.has(fig.unit))) return false;
  const own = sideOfCountry(ctx, countryId);
  return own !== undefined && f.side !== own && ctx.knowledge.sides.some((s) => s.id === f.side);
}

/**
 * "Which country is held up as a model for Southland?": the answer is another country, and Southland
 * is only the setting; a fact naming another country answers it.
 */
export function otherCountryAsked(ctx: Context, r: Reading, f: Fact): boolean {
  return (
    r.wants.includes("country") &&
    f.entities.some((id) => ctx.entity(id)?.kind === "country" && namesWanted(ctx, r, id))
  );
}

/** The entities a fact names, with its subject's. */
export function factNames(f: Fact): string[] {
  return f.subject === undefined ? f.entities : [...f.entities, f.subject];
}

/**
 * True when the names hold, for each qualifier of the kind asked ("which <Southland> growers", "which
 * <Pearfield> machines"), a thing of it that the question does not name itself: a thing of that country, or
 * one the maker makes. A fact naming only the country or the maker does not say which of its things.
 */
export function qualifiedBy(ctx: Context, r: Reading, ids: readonly string[]): boolean {
  // "Besides A, which <maker> chips…": A, set aside, is none of the things asked for.
  const other = (id: string) => !r.entityIds.includes(id) && !r.aside.some((m) => m.entity.id === id);
  return r.qualifiers.every(
    (q) =>
      ids.some((id) => other(id) && thingOf(ctx, q, id)) ||
      // Where the material knows none of the qualifier's things, or names a product beside the maker
      // without saying whose it is, naming the qualifier is all it can say.
      (ids.includes(q) && (!ownsAny(ctx, q) || ids.some((id) => other(id) && makerUnknown(ctx, id)))),
  );
}

/**
 * How many of the names are things of the kind a "which…" question asks for, and of its qualifiers' own, that
 * the question does not name itself: a list asked for ("which growers…") is given by a fact naming several.
 */
export function namedOfKind(ctx: Context, r: Reading, ids: readonly string[]): number {
  if (r.wants.length === 0 && r.qualifiers.length === 0) return 0;
  let n = 0;
  for (const id of ids) {
    const kind = ctx.entity(id)?.kind;
    if (
      !r.entityIds.includes(id) &&
      (r.wants.length === 0 || (kind !== undefined && r.wants.includes(kind))) &&
      r.qualifiers.every((q) => thingOf(ctx, q, id))
    )
      n++;
  }
  return n;
}

/** True when the entity is another thing of the country's (by its country) or of the maker's own. */
function thingOf(ctx: Context, owner: string, id: string): boolean {
  if (id === owner) return false;
  const o = ctx.entity(owner);
  if (o?.kind === "country") return o.country !== undefined && ctx.entity(id)?.country === o.country;
  return ownThings(ctx, owner).has(id);
}

/** True when some entity of the material is the country's or the maker's own thing. */
function ownsAny(ctx: Context, owner: string): boolean {
  return ctx.knowledge.entities.some((e) => thingOf(ctx, owner, e.id));
}

/** Kinds of thing a maker makes. */
const MADE: ReadonlySet<string> = new Set(["chip", "model", "product", "device", "framework"]);

/** True when the entity is a thing made, and the material does not say who makes it. */
function makerUnknown(ctx: Context, id: string): boolean {
  const e = ctx.entity(id);
  return e !== undefined && MADE.has(e.kind) && e.vendor === undefined;
}

/** True when the entity is of a kind the question asks for and not one it names. */
export function namesWanted(ctx: Context, r: Reading, id: string): boolean {
  const kind = ctx.entity(id)?.kind;
  return kind !== undefined && r.wants.includes(kind) && !r.entityIds.includes(id);
}

/** The one country a fact is about, if it names just one; none when it names both sides or neither. */
export function narrowedTo(ctx: Context, f: Fact): string[] {
  let country: string | undefined;
  for (const id of f.entities)
    if (ctx.entity(id)?.kind === "country") {
      if (country !== undefined) return [];
      country = id;
    }
  return country === undefined ? [] : [country];
}

/** A country named in the question speaks through the facts on its side. */
function sideMatches(ctx: Context, entityId: string, f: Fact): boolean {
  return ctx.entity(entityId)?.kind === "country" && sideOfCountry(ctx, entityId) === f.side;
}

/** True when both countries stand for sides (sides.yaml), and not the same one. */
export function otherSideCountry(ctx: Context, asked: string, other: string): boolean {
  const a = sideOfCountry(ctx, asked);
  const b = sideOfCountry(ctx, other);
  return a !== undefined && b !== undefined && a !== b;
}

/** The side (sides.yaml) whose entity is of the country's country, if one is. */
function sideOfCountry(ctx: Context, countryId: string): string | undefined {
  const code = ctx.entity(countryId)?.country;
  if (code === undefined) return undefined;
  return ctx.knowledge.sides.find((s) => s.entity === countryId || ctx.entity(s.entity)?.country === code)
    ?.id;
}

/**
 * True when the thing names what a "which…" question asks for: a thing of the kind asked, not one asked
 * about. A company named for a chip ("50,000 <maker> chips") names it as its maker: the maker of a thing asked
 * about names that thing's maker, not the chip ("which chip will A supply to B?" is not answered by B's maker).
 */
export function namesAskedKind(ctx: Context, r: Reading, e: Entity): boolean {
  if (!r.names.includes(e.kind) || r.entityIds.includes(e.id)) return false;
  return !(r.chipMakers && e.kind === "company" && r.entityIds.some((id) => ctx.entity(id)?.vendor === e.id));
}
