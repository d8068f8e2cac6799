// Gap topics a new source proposes from its own text, for `gapbot ingest`: the words it dwells on that the
// material so far rarely uses and no topic covers ("transformers", "PUE"), each a draft topic listing the
// drafted facts with figures that use the word, the pack's two sides apart (sides.yaml). A figure of each side
// becomes the topic's headline pair only when the text plainly measures the same thing for both.
import { findNumbers } from "../numbers.js";
import type { Entity, Fact, Knowledge, Source, Topic } from "../schema.js";
import { slug } from "./names.js";

/** At most this many topics from one source. */
export const NEW_TOPICS_MAX = 10;

/** Everyday words that name no subject, however often a text uses them. */
const COMMON = new Set(
  (
    "about above according across actually after again against almost alone along already also although always " +
    "among amount another answer anyone anything around away back because become becomes been before being " +
    "below best better between beyond both bring build built came cannot case cases change come comes company " +
    "companies could country countries current currently days different does doing done down during each early " +
    "either else end enough entire estimate estimates estimated even ever every expect expects expected fact " +
    "far fell few figure figures find first fictional firm firms five four from full further gave give given " +
    "goes going good great grew group half have having head here high higher however hundred into itself just " +
    "keep kind know large larger largest last late later least less level levels like likely little long longer " +
    "look made main make makes making many matter mean means measure might more most much must near nearly need " +
    "needs never next none nothing number numbers often once only other others over own part past people per " +
    "percent place plan plans point possible puts quarter rather really record report reports rest rose rise " +
    "rising said same says second seen several shall share should show shows side since single small some " +
    "something still such take taken takes than that their them then there these they thing things think " +
    "third this those though three through thus time times today together told total toward towards under " +
    "until upon used uses using very want wants well were what when where whether which while whole whose " +
    "will with within without word words work would year years yet your able added adding across world global " +
    "china chinese states united american america today new news story view views while one two three four five " +
    "six seven eight nine ten she he her his its our can was has had did account accounts leave national unit"
  ).split(" "),
);

/** A word of the text as a topic word: lower case, a plural folded to its singular. */
function fold(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

const WORD = /[\p{L}][\p{L}-]*[\p{L}]/gu;

function wordsOf(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (w.length < 3) continue;
    const key = fold(w);
    if (!out.has(key)) out.set(key, w);
  }
  return out;
}

export interface TopicInput {
  source: Source;
  paragraphs: readonly string[];
  /** The source's drafted facts: their `topics` and, for a headline pair, `metric` are set here. */
  facts: Fact[];
  knowledge: Knowledge;
  entities: readonly Entity[];
  /** The entities that stand for the two sides (knowledge/sides.yaml). */
  bothSides: readonly string[];
  /** The units a share is written in: two shares of different wholes are never a pair. */
  shareUnits: ReadonlySet<string>;
}

/** The draft topics a source proposes; each listed fact names its topic. */
export function proposeNewTopics(input: TopicInput): Topic[] {
  const { paragraphs, facts, knowledge } = input;
  const older = knowledge.facts.filter((f) => f.source !== input.source.id);
  // How often the material so far uses each word: counted once, not per candidate.
  const oldCount = new Map<string, number>();
  for (const f of older) for (const w of wordsOf(f.quote).keys()) oldCount.set(w, (oldCount.get(w) ?? 0) + 1);
  const oldShare = (w: string) => (older.length === 0 ? 0 : (oldCount.get(w) ?? 0) / older.length);
  const covered = new Set(
    knowledge.topics.flatMap((t) =>
      [t.id, t.title, ...t.keywords].flatMap((k) => k.match(WORD) ?? []).map(fold),
    ),
  );
  const prose = paragraphs.filter((p) => p.length >= 90);
  const seen = new Map<string, { count: number; written: Map<string, number> }>();
  for (const p of prose)
    for (const [key, written] of wordsOf(p)) {
      const s = seen.get(key) ?? { count: 0, written: new Map() };
      s.count++;
      s.written.set(written, (s.written.get(written) ?? 0) + 1);
      seen.set(key, s);
    }
  // Terms the text defines ("PUE, or power usage effectiveness") are topics in their own right.
  const terms = new Set(
    input.entities
      .filter((e) => e.kind === "product" && /^[A-Z]{2,6}$/.test(e.name) && e.aliases.length > 0)
      .map((e) => fold(e.name)),
  );
  const withFigures = facts.filter((f) => f.figures.length > 0);
  // A unit ("TWh", "gigalitres") measures; it is no subject. A word read once as a unit ("two grids") may be.
  const unitCount = new Map<string, number>();
  for (const f of withFigures)
    for (const g of f.figures) {
      const n = unitCount.get(fold(g.unit)) ?? 0;
      // A symbol ("TWh", "%") is a unit however often it is written.
      unitCount.set(fold(g.unit), /[A-Z%$]/.test(g.unit) ? n + 2 : n + 1);
    }
  const units = new Set([...unitCount].filter(([, n]) => n >= 2).map(([u]) => u));
  // What the figures measure, in the metrics' words: a topic word is one the text measures by, not an
  // adverb or a verb it merely uses often.
  const measuredBy = new Map<string, number>();
  for (const f of withFigures)
    for (const key of wordsOf(f.metric).keys()) measuredBy.set(key, (measuredBy.get(key) ?? 0) + 1);
  // A word the text mostly writes capitalised is part of a name ("Meridian"), not a subject.
  const capitalised = (s: { written: Map<string, number> }) => {
    let upper = 0;
    let all = 0;
    for (const [w, n] of s.written) {
      all += n;
      if (/^\p{Lu}/u.test(w)) upper += n;
    }
    return upper * 2 > all;
  };
  // A paragraph whose first sentence uses the word is about it ("That asymmetry reflects … how the two grids
  // are built."): its figures belong to the topic even where a sentence does not repeat the word.
  const opening = paragraphs.map((p) => wordsOf(/^[^.!?]*[.!?]?/.exec(p)?.[0] ?? ""));
  // "China's average PUE was 1.48 …; in the US, operators report 1.12": a figure of the other side, given
  // beside one that uses the word, in the same paragraph and unit, measures the same thing.
  const sides = knowledge.sides.map((side) => side.id);
  const factsUsing = (key: string) => {
    const using = withFigures.filter(
      (f) => wordsOf(`${f.quote} ${f.metric}`).has(key) || opening[f.paragraph - 1]?.has(key) === true,
    );
    const beside = withFigures.filter(
      (f) =>
        !using.includes(f) &&
        sides.includes(f.side ?? "") &&
        using.some(
          (u) =>
            u.paragraph === f.paragraph &&
            sides.includes(u.side ?? "") &&
            u.side !== f.side &&
            u.figures[0]?.unit === f.figures[0]?.unit,
        ),
    );
    return [...using, ...beside];
  };
  const scored = [...seen]
    .filter(
      ([key, s]) =>
        (terms.has(key) ||
          (s.count >= 3 &&
            (measuredBy.get(key) ?? 0) >= 2 &&
            !COMMON.has(key) &&
            !/(?:ly|ed|ing)$/.test(key) &&
            !units.has(key) &&
            !capitalised(s))) &&
        !covered.has(key) &&
        key.length >= 3 &&
        !/\d/.test(key),
    )
    .map(([key, s]) => {
      const share = s.count / Math.max(1, prose.length);
      const ratio = (share + 0.01) / (oldShare(key) + 0.01);
      return { key, s, score: (terms.has(key) ? 4 : 1) * s.count * Math.log(ratio), using: factsUsing(key) };
    })
    .filter(
      (c) =>
        c.score > 0 && Math.log((c.s.count / prose.length + 0.01) / (oldShare(c.key) + 0.01)) > Math.log(3),
    )
    .filter((c) => c.using.length >= 2)
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1))
    .slice(0, NEW_TOPICS_MAX);

  // The pack's two sides, in sides.yaml's order: a topic lists each side's facts under first and second.
  const sideIds = knowledge.sides.map((side) => side.id);
  const sideLabels = knowledge.sides.map((side) => side.label).join(" and ");
  const pairs = pairUp(facts, input.shareUnits, sideIds);
  const taken = new Set(knowledge.topics.map((t) => t.id));
  const out: Topic[] = [];
  for (const c of scored) {
    const id = slug(c.key);
    if (taken.has(id)) continue;
    taken.add(id);
    const written = [...c.s.written].sort((a, b) => b[1] - a[1])[0]?.[0] ?? c.key;
    const acronym = input.entities.find((e) => fold(e.name) === c.key && terms.has(c.key));
    // A term's title and keywords are the term: its spelled-out words ("power usage effectiveness") would
    // each bring a reader here who asks about something else.
    const title = acronym ? acronym.name : `${written.charAt(0).toUpperCase()}${written.slice(1)}`;
    const first = c.using.filter((f) => f.side === sideIds[0]).map((f) => f.id);
    const second = c.using.filter((f) => f.side === sideIds[1]).map((f) => f.id);
    const related = c.using.filter((f) => !sideIds.includes(f.side ?? "")).map((f) => f.id);
    const pair = pairs.find(([u, z]) => first.includes(u.id) && second.includes(z.id));
    const keywords = [...new Set([written.toLowerCase(), c.key])];
    const topic: Topic = {
      id,
      draft: true,
      title,
      summary: `What "${input.source.title}" says about ${acronym ? `${acronym.name} (${acronym.aliases[0]})` : written.toLowerCase()}, for ${sideLabels}.`,
      keywords,
      ...(pair
        ? { headline: { first: pair[0].id, second: pair[1].id, first_figure: 0, second_figure: 0 } }
        : { lead: leadOf(c.using, input.bothSides, sideIds)?.id }),
      first,
      second,
      related,
    };
    if (pair) pair[1].metric = pair[0].metric;
    for (const f of c.using) if (!f.topics.includes(id)) f.topics.push(id);
    out.push(topic);
  }
  return out;
}

/**
 * The fact a topic without a pair leads with: one setting the two sides side by side (it names both, with a
 * figure), else the first of either side, else the first.
 */
function leadOf(
  facts: readonly Fact[],
  bothSides: readonly string[],
  sideIds: readonly string[],
): Fact | undefined {
  return (
    facts.find(
      (f) =>
        bothSides.length === 2 &&
        bothSides.every((id) => f.entities.includes(id)) &&
        f.figures.some((g) => g.unit !== "units"),
    ) ??
    facts.find((f) => f.side !== undefined && sideIds.includes(f.side)) ??
    facts[0]
  );
}

/**
 * Facts of the first and the second side that the text measures alike: the same unit (no share: two shares are of different wholes
 * more often than not), the same years, said in the same or the next paragraph, and sharing a word of what
 * they measure, or the second saying it is the equivalent figure.
 */
function pairUp(
  facts: readonly Fact[],
  shareUnits: ReadonlySet<string>,
  sideIds: readonly string[],
): [Fact, Fact][] {
  const years = (f: Fact) =>
    findNumbers(f.as_of ?? "")
      .map((m) => m.value)
      .sort()
      .join(",");
  const measure = (f: Fact) => new Set([...wordsOf(f.metric).keys()].filter((w) => !COMMON.has(w)));
  const out: [Fact, Fact][] = [];
  const used = new Set<string>();
  for (const u of facts) {
    const uf = u.figures[0];
    if (u.side !== sideIds[0] || !uf || shareUnits.has(uf.unit)) continue;
    for (const c of facts) {
      const cf = c.figures[0];
      if (c.side !== sideIds[1] || !cf || used.has(c.id) || used.has(u.id)) continue;
      // A bare number ("1.12", "1.48") pairs only within one paragraph: elsewhere it may count anything.
      if (uf.unit === "units" && c.paragraph !== u.paragraph) continue;
      // The same years, or in one paragraph a figure saying none beside one that does (it is of that time).
      const sameTime = years(c) === years(u) || (c.paragraph === u.paragraph && (!c.as_of || !u.as_of));
      if (cf.unit !== uf.unit || Math.abs(c.paragraph - u.paragraph) > 1 || !sameTime) continue;
      const a = measure(u);
      const alike =
        [...measure(c)].some((w) => a.has(w)) ||
        /\b(?:equivalent|comparable|corresponding|same) (?:figure|measure|number)\b/i.test(c.quote);
      if (!alike) continue;
      out.push([u, c]);
      used.add(u.id);
      used.add(c.id);
    }
  }
  return out;
}
