// /compare: two chips, models, companies or countries side by side, row by row, with a computed ratio
// wherever both sides have a cited figure in the same unit.
import type { Entity, Fact, Figure } from "../../knowledge/schema.js";
import type { Card, ComparisonRow } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import type { Context } from "../context.js";
import type { Mention } from "../entities.js";
import { clip, figureDisplay, provenance, ratio, ratioPhrase, sourceAndDate } from "../format.js";
import { figureOf, sideOfEntity } from "../subjects.js";
import { nearbyMiss } from "./answer.js";
import { materialAnswer } from "./ask.js";
import { findTopic, topicCard, topicShare } from "./gap.js";
import { commandFor, notFoundCard } from "./not-found.js";
import { citeAll, footerFor, paragraphSuggestion, perContext, unique } from "./shared.js";

const MAX_ROWS = 8;

/**
 * The facts whose figures belong to an entity: those it is the subject of (knowledge/subject.ts). A fact
 * that only mentions it ("comparable to the A100"), a group's figure it shares in, or a company's figure
 * on its country's side is no figure of its.
 */
function factsFor(ctx: Context, e: Entity): readonly Fact[] {
  // Made once per entity: a comparison asks for it often.
  return factsForMemo(ctx, e.id, () => figureFacts(ctx, e));
}

const factsForMemo = perContext<readonly Fact[]>();

function figureFacts(ctx: Context, e: Entity): Fact[] {
  const own = ctx.factsAbout(e.id).filter((f) => figureOf(ctx, f, e.id));
  if (!sideOfEntity(ctx, e.id)) return own;
  // The gap topics' headline figures lead, in topic order: the two sides open on the first topic's pair.
  const leads = ctx.knowledge.topics.flatMap((t) =>
    t.headline ? [t.headline.first, t.headline.second] : [],
  );
  const rank = (f: Fact) => (leads.includes(f.id) ? leads.indexOf(f.id) : leads.length);
  return own.filter((f) => f.figures.length > 0).sort((a, b) => rank(a) - rank(b));
}

export function compareCard(ctx: Context, first: string, second: string): Card {
  const a = ctx.finder.resolve(first);
  const b = ctx.finder.resolve(second);
  // One name only: ask for the other, with the comparisons worth making.
  if (!first.trim() && !second.trim())
    return notFoundCard(
      ctx,
      "Name two things to compare, e.g. /compare Mythos vs DeepSeek V4 Pro, or /compare US vs China.",
      [],
      "Two names needed",
    );
  const only = !second.trim() ? a : !first.trim() ? b : undefined;
  if (only) return secondSideWanted(ctx, only);
  if (!a || !b) {
    // "Northland vs Southland orchards": a name on each side, and the rest says what to compare.
    const named = namesWithin(ctx, first, second);
    if (named) return named;
    // Neither side a name ("/compare harvest last year vs 2030"): two figures of one thing, as a question.
    if (!a && !b) {
      const asked = materialAnswer(ctx, `${first} compared with ${second}`);
      if (asked) return asked;
    }
    const missing = !a ? first : second;
    const near = ctx.finder.suggest(missing);
    return notFoundCard(
      ctx,
      clip(
        `“${clip(missing.trim() || "?", 60)}” is not in the material, so there is nothing to compare.${near.length ? ` Did you mean ${near.map((n) => n.name).join(" or ")}?` : ""}`,
        HEADLINE_MAX,
      ),
      near,
    );
  }
  if (a === b) return notFoundCard(ctx, `Both sides are ${a.name}: name two different things to compare.`);
  return compareEntities(ctx, a, b);
}

/** The units an entity's own figures come in. */
function figureUnits(ctx: Context, e: Entity): Set<string> {
  return new Set(factsFor(ctx, e).flatMap((f) => f.figures.map((g) => g.unit)));
}

/**
 * For a company compared with a chip or a model, its one product of that kind that shares a unit of
 * figure with the other side; the company itself when there is none, or more than one.
 */
function productFor(ctx: Context, e: Entity, other: Entity): Entity {
  if (e.kind === other.kind || (other.kind !== "chip" && other.kind !== "model")) return e;
  const wanted = figureUnits(ctx, other);
  const products = ctx.knowledge.entities.filter(
    (x) => x.vendor === e.id && x.kind === other.kind && [...figureUnits(ctx, x)].some((u) => wanted.has(u)),
  );
  return products.length === 1 && products[0] ? products[0] : e;
}

/**
 * Each side names one thing among other words: the two countries on a gap topic get that topic's gap card,
 * anything else the two things compared. Undefined when a side names nothing, or not one thing.
 */
function namesWithin(ctx: Context, first: string, second: string): Card | undefined {
  const ma = ctx.finder.mentions(first);
  const mb = ctx.finder.mentions(second);
  const a = oneCompared(ctx, first, ma, mb);
  const b = oneCompared(ctx, second, mb, ma);
  if (!a || !b || a === b) return undefined;
  // The words beside the two names, with any other name a side writes ("B on <benchmark>"): what to compare.
  const rest = `${ctx.finder.residue(
    first,
    ma.filter((m) => m.entity === a),
  )} ${ctx.finder.residue(
    second,
    mb.filter((m) => m.entity === b),
  )}`;
  if (a.kind === "country" && b.kind === "country") {
    // A topic holding most of what is asked, by weight, is the gap asked for; else the material's answer to
    // the comparison in words ("AI doctorates: A compared with B"), and only then a topic holding less of it.
    const topic = findTopic(ctx, rest);
    if (topic && topicShare(ctx, topic, rest) >= 0.5) return topicCard(ctx, topic);
    const worded = materialAnswer(ctx, `${first} compared with ${second}`);
    if (worded) return worded;
    if (topic) return topicCard(ctx, topic);
  }
  // "A vs B revenue": the words beside the names say what to compare; where no fact on either side
  // speaks of any of them, the material does not compare them on it.
  const asked = ctx.tokenize(rest);
  if (asked.length > 0 && !speaksOf(ctx, a, asked, "any") && !speaksOf(ctx, b, asked, "any"))
    return notFoundCard(
      ctx,
      clip(
        `Not in the material: it gives neither ${a.name} nor ${b.name} a figure on ${rest.trim()}.`,
        HEADLINE_MAX,
      ),
      [a, b],
    );
  return compareEntities(ctx, a, b, undefined, asked);
}

/**
 * The one thing a side of "/compare" names: its one name, a side named in words, or, where it names several
 * ("B ReasonBench-Hard"), the one of the other side's kind (the rest says what to compare them on).
 */
function oneCompared(
  ctx: Context,
  text: string,
  own: readonly Mention[],
  other: readonly Mention[],
): Entity | undefined {
  if (own.length === 0) return sideNamed(ctx, text);
  if (own.length === 1) return own[0]?.entity;
  const kind = other.length === 1 ? other[0]?.entity.kind : undefined;
  const alike = own.filter((m) => m.entity.kind === kind);
  return alike.length === 1 ? alike[0]?.entity : undefined;
}

/**
 * The first fact about the entity that holds every one of the words, or any of them (in its claim, quote,
 * metric or keywords).
 */
function speaking(
  ctx: Context,
  e: Entity,
  asked: readonly string[],
  how: "every" | "any" = "every",
): Fact | undefined {
  return ctx.factsAbout(e.id).find((f) => {
    const words = factWords(ctx, f);
    return how === "every" ? asked.every((t) => words.has(t)) : asked.some((t) => words.has(t));
  });
}

const factWordsCache = new WeakMap<Fact, ReadonlySet<string>>();

/** A fact's words as a question's are tokenized (claim, quote, metric, keywords), made once per fact. */
function factWords(ctx: Context, f: Fact): ReadonlySet<string> {
  let words = factWordsCache.get(f);
  if (!words) {
    words = new Set(ctx.tokenize(`${f.claim} ${f.quote} ${f.metric} ${f.keywords.join(" ")}`));
    factWordsCache.set(f, words);
  }
  return words;
}

const speaksOf = (ctx: Context, e: Entity, asked: readonly string[], how: "every" | "any" = "every") =>
  speaking(ctx, e, asked, how) !== undefined;

/** The words of every fact's metric: what the material measures things by ("cost", "parameters"). */
const measureWordsMemo = perContext<ReadonlySet<string>>();

function measureWords(ctx: Context): ReadonlySet<string> {
  return measureWordsMemo(ctx, "", () => new Set(ctx.knowledge.facts.flatMap((f) => ctx.tokenize(f.metric))));
}

/**
 * Two things set side by side in a question that names what to compare them on ("what did B cost, compared
 * with A's $10 billion?"): the words beside the names that the material measures things by. Where a fact
 * about one of the two speaks of them and none about the other does, the material cannot set them side by
 * side on it: it says so, and what it gives for the one. Undefined when the question names no measure, or
 * both have one.
 */
export function measureMissing(ctx: Context, text: string, mentions: readonly Mention[]): Card | undefined {
  const [a, b] = [mentions[0]?.entity, mentions[1]?.entity];
  if (!a || !b) return undefined;
  const measures = measureWords(ctx);
  const asked = ctx.tokenize(ctx.finder.residue(text, [...mentions])).filter((t) => measures.has(t));
  if (asked.length === 0) return undefined;
  const ofA = speaking(ctx, a, asked);
  const ofB = speaking(ctx, b, asked);
  // One of the two, not both and not neither.
  if ((ofA === undefined) === (ofB === undefined)) return undefined;
  const [has, lacks, said] = ofA ? [a, b, ofA] : [b, a, ofB as Fact];
  return nearbyMiss(
    ctx,
    [said],
    mentions,
    clip(
      `Not in the material: it gives ${has.name} a figure on that (${said.metric}), but not ${lacks.name}, so it cannot set the two side by side.`,
      HEADLINE_MAX,
    ),
  );
}

/**
 * A side named by its country's words alone ("Southern growers", a side's own adjective or its Chinese)
 * stands for that side.
 */
function sideNamed(ctx: Context, text: string): Entity | undefined {
  const words = new Set(ctx.tokenize(text, { words: true }));
  const named = ctx.knowledge.sides
    .map((s) => ctx.entity(s.entity))
    .filter((e): e is Entity => !!e && ctx.tokenize(e.name, { words: true }).every((t) => words.has(t)));
  return named.length === 1 ? named[0] : undefined;
}

/** Only one name given: ask for the other, offering the comparisons that have figures in common. */
function secondSideWanted(ctx: Context, e: Entity): Card {
  const mine = figureUnits(ctx, e);
  const scored = ctx.knowledge.entities
    .filter((x) => x !== e && x.kind === e.kind)
    .map((x) => {
      const shared = [...figureUnits(ctx, x)].filter((u) => mine.has(u)).length;
      // Figures in common first, then the other side of the gap, then what the knowledge relates.
      const score =
        shared * 4 +
        (x.country && e.country && x.country !== e.country ? 2 : 0) +
        (e.related.includes(x.id) ? 1 : 0);
      return { x, score };
    })
    .filter((c) => c.score > 0)
    .sort((p, q) => q.score - p.score || p.x.name.localeCompare(q.x.name))
    .slice(0, 3)
    .map((c) => c.x);
  const card = notFoundCard(
    ctx,
    `Compare ${e.name} with what? Name two things${others(e, scored)}.`,
    [],
    "Two names needed",
  );
  return {
    ...card,
    suggestions: [
      ...scored.map((o) => ({ label: `${e.name} vs ${o.name}`, command: `/compare ${e.name} vs ${o.name}` })),
      { label: e.name, command: commandFor(e) },
    ],
  };
}

function others(e: Entity, candidates: Entity[]): string {
  return candidates[0] ? `, e.g. /compare ${e.name} vs ${candidates[0].name}` : "";
}

/** `units`: what the question counts in ("how many developers… compared with CUDA's"), if it counts. */
export function compareEntities(
  ctx: Context,
  left: Entity,
  right: Entity,
  units?: readonly string[],
  about?: readonly string[],
): Card {
  // A product against a company means the company's product, when it has one to match.
  const a = productFor(ctx, left, right);
  const b = productFor(ctx, right, left);
  // "A vs B <measure>": each side's facts on the measure first, where it has any.
  const fa = onMeasure(ctx, factsFor(ctx, a), about);
  const fb = onMeasure(ctx, factsFor(ctx, b), about);
  // "How many crates does A pick, compared with B's 900?": with no count for
  // A there is nothing to compare, and saying B's figure would answer another question.
  if (units?.length) {
    const counts = (fs: readonly Fact[]) => fs.some((f) => f.figures.some((g) => units.includes(g.unit)));
    const lacking = [...(counts(fa) ? [] : [a]), ...(counts(fb) ? [] : [b])];
    if (lacking.length)
      return notFoundCard(
        ctx,
        `Not in the material: it gives no count of ${units[0]} for ${lacking.map((e) => e.name).join(" or ")}.`,
        [a, b],
      );
  }
  const rows: ComparisonRow[] = [];
  const used = new Set<string>();
  const pairs: [Fact, Fact][] = [];
  // The other side's figures by what they measure, in order: a figure finds its match in one lookup,
  // not in a pass over every fact of the other side.
  const like = (f: Fact, g: Fact["figures"][number]) => `${f.metric}\u0001${g.unit}\u0001${g.label ?? ""}`;
  const byMeasure = new Map<string, { y: Fact; fy: Fact["figures"][number] }[]>();
  for (const y of fb)
    for (const fy of y.figures) {
      const key = like(y, fy);
      const list = byMeasure.get(key);
      if (list) list.push({ y, fy });
      else byMeasure.set(key, [{ y, fy }]);
    }
  for (const x of fa) {
    for (const [i, fx] of x.figures.entries()) {
      if (rows.length >= MAX_ROWS) break;
      const match = byMeasure.get(like(x, fx))?.find(({ y }) => y.id !== x.id && !used.has(y.id));
      if (!match || used.has(`${x.id}#${i}`)) continue;
      used.add(`${x.id}#${i}`).add(match.y.id);
      pairs.push([x, match.y]);
      rows.push(row(fx.label ?? x.metric, fx, x, match.fy, match.y));
    }
  }
  // Facts about both at once ("A is comparable to B") compare them in words.
  const concerns = (f: Fact, e: Entity) =>
    f.entities.includes(e.id) || f.attribution === e.id || f.side === sideOfEntity(ctx, e.id)?.id;
  // A fact on the two alone compares them more directly than one naming them among others of their kind.
  const others = (f: Fact) =>
    f.entities.filter((id) => id !== a.id && id !== b.id && ctx.entity(id)?.kind === a.kind).length;
  const sharedBoth = unique([...ctx.factsAbout(a.id), ...ctx.factsAbout(b.id)])
    .filter((f) => concerns(f, a) && concerns(f, b))
    .sort((x, y) => others(x) - others(y));

  let headline: string;
  /** The facts a headline in words states, cited first. */
  const worded: Fact[] = [];
  const first = rows[0];
  const firstPair = pairs[0];
  if (first && firstPair) {
    const r = first.ratio;
    const bigger =
      first.left.value !== null && first.right.value !== null && first.left.value >= first.right.value
        ? a
        : b;
    const who = unique(firstPair.map((f) => sourceAndDate(f, ctx.entity)).filter(Boolean));
    headline = `${a.name} ${first.left.display} vs ${b.name} ${first.right.display}${r ? `: ${bigger.name} ${ratioPhrase(r)} (computed ${r.inputs})` : ""}${who.length ? ` — ${who.join("; ")}` : ""}`;
  } else if (sharedBoth[0]) {
    // What the material says of both, as much of it as the line holds.
    headline = sharedBoth
      .map((f) => `${f.claim}${provenance(f, ctx.entity)}`)
      .reduce((line, next) => (line.length + 1 + next.length <= HEADLINE_MAX ? `${line} ${next}` : line));
  } else {
    const [la, lb] = parallel(
      ctx,
      fa.length ? fa : ctx.factsAbout(a.id),
      fb.length ? fb : ctx.factsAbout(b.id),
    );
    const said = `${la ? la.claim : `${a.name}: no figures.`} ${lb ? lb.claim : `${b.name}: no figures.`}`;
    const prefix = `No like-for-like figure for ${a.name} and ${b.name}. `;
    // The two claims matter more than the notice, when the line cannot hold all three.
    headline = prefix.length + said.length <= HEADLINE_MAX ? prefix + said : said;
    worded.push(...[la, lb].filter((f) => f !== undefined));
  }
  // Without paired rows, show each side's leading figures so the card still compares something.
  if (rows.length === 0) {
    const lead = (fs: readonly Fact[]) => fs.find((f) => f.figures.length > 0);
    const la = lead(fa);
    const lb = lead(fb);
    if (la?.figures[0]) rows.push(oneSided(la.metric, la.figures[0], la, "left"));
    if (lb?.figures[0]) rows.push(oneSided(lb.metric, lb.figures[0], lb, "right"));
  }
  const cited = unique([
    ...pairs.flat(),
    ...worded,
    ...sharedBoth,
    ...rowFacts(ctx, rows),
    ...fa.slice(0, 1),
    ...fb.slice(0, 1),
  ]);
  return {
    kind: "compare",
    title: `${a.name} vs ${b.name}`,
    headline: clip(headline, HEADLINE_MAX),
    fields: sharedBoth
      .filter((f) => !pairs.flat().includes(f) && !headline.startsWith(f.claim))
      .slice(0, 3)
      .map((f) => ({ label: f.metric, value: f.claim, factId: f.id })),
    comparison: { left: { name: a.name, entityId: a.id }, right: { name: b.name, entityId: b.id }, rows },
    citations: citeAll(ctx, cited),
    suggestions: [
      { label: a.name, command: commandFor(a) },
      { label: b.name, command: commandFor(b) },
      ...(cited[0] ? [paragraphSuggestion(ctx, cited[0])] : []),
    ],
    footer: `Ratios are computed from the two cited figures. · ${footerFor(ctx, cited)}`,
  };
}

/** The facts holding any of the words asked, before the rest; all of them, as they are, when none does or none is asked. */
function onMeasure(
  ctx: Context,
  facts: readonly Fact[],
  about: readonly string[] | undefined,
): readonly Fact[] {
  if (!about?.length) return facts;
  const holds = (f: Fact) => about.some((t) => factWords(ctx, f).has(t));
  const on = facts.filter(holds);
  return on.length ? [...on, ...facts.filter((f) => !holds(f))] : facts;
}

/**
 * One fact for each side that say the same kind of thing, for a headline in words: GLM-Image's training
 * hardware beside RoboBrain's, not its release beside RoboBrain's hardware. The first of each when nothing
 * is shared.
 */
function parallel(
  ctx: Context,
  xs: readonly Fact[],
  ys: readonly Fact[],
): [Fact | undefined, Fact | undefined] {
  const words = (f: Fact) =>
    new Set([...f.topics, ...ctx.tokenize(`${f.metric} ${f.keywords.join(" ")}`, { words: true })]);
  // Figures say more than words, and figures in the same unit the most.
  const score = (x: Fact, y: Fact, wx: Set<string>) => {
    let n = (x.figures.length ? 2 : 0) + (y.figures.length ? 2 : 0);
    if (x.figures.some((g) => y.figures.some((h) => h.unit === g.unit))) n += 3;
    for (const w of words(y)) if (wx.has(w)) n++;
    return n;
  };
  let best: [Fact | undefined, Fact | undefined] = [xs[0], ys[0]];
  let most = xs[0] && ys[0] && xs[0] !== ys[0] ? score(xs[0], ys[0], words(xs[0])) : 0;
  for (const x of xs.slice(0, 6)) {
    const wx = words(x);
    for (const y of ys.slice(0, 6)) {
      if (x === y) continue;
      const n = score(x, y, wx);
      if (n > most) {
        most = n;
        best = [x, y];
      }
    }
  }
  return best;
}

function row(label: string, fx: Figure, x: Fact, fy: Figure, y: Fact): ComparisonRow {
  const r = ratio(fx, fy);
  return {
    label,
    unit: fx.unit,
    left: { value: fx.value, display: figureDisplay(fx), factId: x.id },
    right: { value: fy.value, display: figureDisplay(fy), factId: y.id },
    ...(r ? { ratio: r } : {}),
  };
}

function oneSided(label: string, f: Figure, fact: Fact, side: "left" | "right"): ComparisonRow {
  const cell = { value: f.value, display: figureDisplay(f), factId: fact.id };
  const none = { value: null, display: "—" };
  return { label, unit: f.unit, left: side === "left" ? cell : none, right: side === "right" ? cell : none };
}

function rowFacts(ctx: Context, rows: ComparisonRow[]): Fact[] {
  return rows
    .flatMap((r) => [r.left.factId, r.right.factId])
    .map((id) => (id ? ctx.fact(id) : undefined))
    .filter((f): f is Fact => !!f);
}
