// Reads what a request asks for: a declared command with its arguments, a slash line typed as text,
// or free text (a mention, a DM) whose intent is found from the names and words in it.
import { findCommand } from "../../commands/index.js";
import type { Entity, EntityKind, Topic } from "../knowledge/schema.js";
import { findTopic, isGapFiller } from "./compose/gap.js";
import type { SmallTalk } from "./compose/small-talk.js";
import type { Context } from "./context.js";
import type { Mention } from "./entities.js";
import { isFollowUp } from "./frames/follow-up.js";
import { countingUnits, setAside } from "./frames/reading.js";
import { asksPersonsCompany } from "./frames/refusal.js";
import type { Request } from "./request.js";
import { nameKey, normalize } from "./text.js";

export type Intent =
  | { type: "help"; note?: string }
  | { type: "small-talk"; say: SmallTalk }
  /** "and Southland?": a message that only follows on from another, which this one cannot see. */
  | { type: "follow-up"; text: string; mentions: Mention[] }
  | { type: "gap"; phrase: string }
  | { type: "entity"; name: string; kinds: EntityKind[]; words?: string[] }
  | { type: "compare"; first: string; second: string }
  /** `units`: what a "how many <things>, compared with…" question counts in. */
  /** `text`: the question in words, whose other words may name what to compare the two on. */
  | { type: "compare-mentions"; a: Mention; b: Mention; units?: string[]; text?: string }
  | { type: "ask"; text: string; mentions: Mention[] }
  | { type: "source"; ref: string }
  | { type: "too-long"; length: number }
  | { type: "empty" };

/** Longer input gets a polite "too long", never a truncated wrong answer. */
export const MAX_INPUT = 500;

const CHIP_KINDS: EntityKind[] = ["chip", "device"];
const MODEL_KINDS: EntityKind[] = ["model"];

/** Control, zero-width and bidi-override characters out; whitespace folded. */
export function cleanInput(text: unknown): string {
  return String(text ?? "")
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad]/g, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function readIntent(ctx: Context, request: Request | string): Intent {
  const req: Request = typeof request === "string" ? { text: request } : request;
  if (req.command !== undefined) return commandIntent(ctx, req.command, req.args ?? {});
  // A mention of the bot itself, as typed in a console or left in by a platform, is no part of the question.
  const text = cleanInput(req.text).replace(/^(?:<@[\w!&]+>|@gapbot\b)[\s:,，]*/i, "");
  if (text.length > MAX_INPUT) return { type: "too-long", length: text.length };
  if (!text) return { type: "empty" };
  const slash = /^[/／]([\p{L}\p{N}_-]+)\s*(.*)$/su.exec(text);
  if (slash) {
    const def = findCommand(slash[1] ?? "");
    if (!def)
      return {
        type: "help",
        note: `There is no /${(slash[1] ?? "").slice(0, 32)} command. Here is what I can do.`,
      };
    const first = def.options[0]?.name;
    return commandIntent(ctx, def.name, first ? { [first]: slash[2] ?? "" } : {});
  }
  return freeText(ctx, text);
}

function commandIntent(ctx: Context, name: string, args: Request["args"] & object): Intent {
  const def = findCommand(name);
  if (!def)
    return {
      type: "help",
      note: `There is no /${cleanInput(name).slice(0, 32)} command. Here is what I can do.`,
    };
  const arg = (key: string | undefined) => (key ? cleanInput(args[key]) : "");
  const value = arg(def.options[0]?.name);
  const all = [value, arg(def.options[1]?.name)].join(" ").trim();
  if (all.length > MAX_INPUT) return { type: "too-long", length: all.length };
  switch (def.intent) {
    case "help":
      return { type: "help" };
    case "gap":
      return { type: "gap", phrase: value };
    case "chip":
      return { type: "entity", name: value, kinds: CHIP_KINDS };
    case "model":
      return { type: "entity", name: value, kinds: MODEL_KINDS };
    case "source":
      if (!value)
        return { type: "help", note: "Which source? Give a paragraph number or a fact id, e.g. /source 24." };
      return { type: "source", ref: value };
    case "compare": {
      const second = arg(def.options[1]?.name);
      if (second) return { type: "compare", first: value, second };
      return splitCompare(ctx, value);
    }
    case "ask": {
      if (!value)
        return { type: "help", note: "Ask me a question, e.g. /ask How many GPUs will Meta deploy?" };
      const intent = freeText(ctx, value);
      return intent;
    }
  }
}

/** "a vs b", "a, b", `a "b c"`, or two names that each resolve: "Harvester X9 Gleaner 2". */
export function splitCompare(ctx: Context, text: string): Intent {
  const quoted = [...text.matchAll(/"([^"]+)"|“([^”]+)”|'([^']+)'/g)];
  if (quoted.length > 0) {
    const names = quoted.map((m) => (m[1] ?? m[2] ?? m[3] ?? "").trim());
    const rest = text
      .replace(/"[^"]+"|“[^”]+”|'[^']+'/g, " ")
      .replace(ctx.cues.compare_separator.global, " ")
      .trim();
    const [first = "", second = ""] = rest ? [rest, ...names] : names;
    return { type: "compare", first, second };
  }
  const parts = text
    .split(ctx.cues.compare_separator.global)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 2) return { type: "compare", first: parts[0] ?? "", second: parts[1] ?? "" };
  const words = text.split(" ");
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" ");
    const b = words.slice(i).join(" ");
    if (ctx.finder.exact(a) && ctx.finder.exact(b)) return { type: "compare", first: a, second: b };
  }
  const mentions = ctx.finder.mentions(text);
  if (mentions[0] && mentions[1]) return { type: "compare-mentions", a: mentions[0], b: mentions[1] };
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" ");
    const b = words.slice(i).join(" ");
    if (ctx.finder.resolve(a) && ctx.finder.resolve(b)) return { type: "compare", first: a, second: b };
  }
  return { type: "compare", first: text, second: "" };
}

/** Free text: a name alone → its card; two names or "vs" → a comparison; a gap phrase → the gap card; else a question. */
export function freeText(ctx: Context, text: string): Intent {
  const norm = normalize(text);
  if (ctx.cues.help.any.test(norm)) return { type: "help" };
  // A greeting or a thank-you is not a question for the material: say hello and what to ask.
  if (ctx.cues.greeting.any.test(norm)) return { type: "small-talk", say: "greeting" };
  if (ctx.cues.thanks.any.test(norm)) return { type: "small-talk", say: "thanks" };
  if (ctx.cues.ack.any.test(norm)) return { type: "small-talk", say: "ack" };
  // "Hey, who is ahead in AI chips": the greeting before a question is no part of it.
  const opener = ctx.cues.opener.any.exec(norm);
  if (opener && norm.length > opener[0].length) return freeText(ctx, text.trim().slice(opener[0].length));
  const mentions = ctx.finder.mentions(text);
  if (isFollowUp(ctx, text, mentions)) return { type: "follow-up", text, mentions };
  // A thing set aside ("besides A, which …") is no subject of the message: it asks about others.
  const things = mentions.filter((m) => m.entity.kind !== "country" && !setAside(ctx, text, m));
  const countries = mentions.filter((m) => m.entity.kind === "country");
  // "Which chip is A compared against?" asks for a name, not for the two named side by side.
  const cue = ctx.cues.compares.any.test(norm) && !ctx.cues.asks_which.any.test(norm);
  if (cue) {
    const sides = compareSides(ctx, text, things);
    if (sides)
      return {
        type: "compare-mentions",
        a: sides[0],
        b: sides[1],
        units: countingUnits(ctx, norm, mentions),
        text,
      };
  }
  // "Is A bigger than B?", two things of one kind, asks for the two side by side.
  if (
    ctx.cues.comparative_word.any.test(norm) &&
    things[0] &&
    things[1] &&
    things[0].entity.kind === things[1].entity.kind
  )
    return { type: "compare-mentions", a: things[0], b: things[1], text };

  const question = ctx.cues.question.any.test(norm);
  // "Who is ahead in AI chips?": "ahead" asks for the gap; the topic is the chips, not the time behind.
  const residue = ctx
    .tokenize(ctx.finder.residue(text, mentions).replace(ctx.cues.who_leads.global, " "), { words: true })
    .filter((t) => !isGapFiller(ctx, t));
  const topicText = text.replace(ctx.cues.who_leads.global, " ");
  const topic = findTopic(ctx, topicText);
  const topicWords = topic ? (ctx.topicTerms.get(topic.id) ?? new Set<string>()) : new Set<string>();
  const leftover = residue.filter((t) => !topicWords.has(t));

  // "Which machines does Pearfield make?", "<maker>有哪些芯片": the maker's card, its products first.
  const line = ctx.cues.products_of.any.exec(norm);
  const kinds: EntityKind[] = line && ctx.cues.products_models.any.test(line[0]) ? ["model"] : ["chip"];
  // Only of a maker of such things: "what chips does <an analyst firm> expect…" asks a question about chips.
  if (
    question &&
    line &&
    things.length === 1 &&
    things[0] &&
    things[0].entity.kind === "company" &&
    makes(ctx, things[0].entity.id)
  ) {
    // What else it says of them ("…listed among the substitutes"): the facts saying it are cited first.
    const cue = new Set(ctx.tokenize(line[0], { words: true }));
    const words = residue.filter((t) => !cue.has(t));
    return { type: "entity", name: things[0].entity.name, kinds, ...(words.length ? { words } : {}) };
  }
  // "Who makes the X9?", "Which company is Pearfield?": only identity words around one name ask for its card.
  if (
    question &&
    !ctx.cues.asks_how.any.test(norm) &&
    // "What did the Fruit Board say about Southland?" asks what it said, not who it is.
    !ctx.cues.asks_said.any.test(norm) &&
    things.length === 1 &&
    things[0] &&
    countries.length === 0 &&
    // "What is A's company called?", where the knowledge relates no company to A, is not answered by A's card.
    !(
      asksPersonsCompany(ctx, nameKey(text), things[0]) &&
      !things[0].entity.related.some((id) => ctx.entity(id)?.kind === "company")
    )
  ) {
    const identity = identityWords(ctx);
    if (residue.every((t) => identity.has(t)))
      return { type: "entity", name: things[0].entity.name, kinds: [things[0].entity.kind] };
  }

  // A question for the gap (gap_words) in a topic's words and nothing else asks for the topic's gap card.
  if (question && ctx.cues.gap_words.any.test(norm) && things.length === 0 && leftover.length === 0) {
    if (topic) return { type: "gap", phrase: topicText };
    // The gap between the two sides in no topic's words: the two sides, figure by figure.
    if (countries[0] && countries[1]) return { type: "compare-mentions", a: countries[0], b: countries[1] };
    // "What is the gap?" names no side: the gap is always the one between the two sides of sides.yaml.
    if (countries.length === 0) return { type: "compare", first: "United States", second: "China" };
  }

  // A question naming both sides in a topic's words and nothing else ("what is the X of A and B", "A和B的X分别是
  //多少") asks for each side's figure: the topic's gap card sets the two side by side.
  if (
    question &&
    topic?.headline !== undefined &&
    // Who reports the pair ("according to A") is no other subject of the question.
    things.every((m) => reportsPair(ctx, topic, m.entity.id)) &&
    namesBothSides(ctx, text, countries) &&
    // "Which has more, A or B?" is a comparison in words, answered with both figures and their ratio.
    !ctx.cues.comparative.any.test(norm) &&
    leftover.every((t) => isTimeOfPair(ctx, topic, t))
  )
    // The topic itself: a date the pair is dated by asks for the pair, not for one fact of that date.
    return { type: "gap", phrase: topic.id };

  if (!question) {
    if (topic && things.length === 0 && leftover.length === 0) return { type: "gap", phrase: text };
    if (residue.length === 0) {
      if (things.length === 1 && things[0])
        return { type: "entity", name: things[0].entity.name, kinds: [things[0].entity.kind] };
      if (things[0] && things[1]) return { type: "compare-mentions", a: things[0], b: things[1] };
      if (countries[0] && countries[1]) return { type: "compare-mentions", a: countries[0], b: countries[1] };
    }
  }
  return { type: "ask", text, mentions };
}

/**
 * Whether a word is a time the topic's headline pair is dated by: a year of the pair's `as_of`, or a word that
 * only places a date within its year (cues.yaml's time_words: "early", 年初). A year the pair is not dated by
 * asks for other figures than the pair's.
 */
function isTimeOfPair(ctx: Context, topic: Topic, word: string): boolean {
  if (!topic.headline) return false;
  if (ctx.knowledge.cueWords.time_words.includes(word)) return true;
  const dates = [topic.headline.first, topic.headline.second]
    .map((id) => ctx.fact(id)?.as_of ?? "")
    .join(" ");
  return /^\d{4}$/.test(word) && new RegExp(`\\b${word}\\b`).test(dates);
}

/** Whether the entity is who the topic's headline pair is attributed to, on both of its facts. */
function reportsPair(ctx: Context, topic: Topic, id: string): boolean {
  const pair = topic.headline;
  return pair !== undefined && [pair.first, pair.second].every((f) => ctx.fact(f)?.attribution === id);
}

/**
 * Whether the question names the entities of both sides of sides.yaml: each by name, or together in one
 * compound word that stands for both (vocabulary.yaml's compounds: 中美 is China and the US).
 */
function namesBothSides(ctx: Context, text: string, countries: readonly Mention[]): boolean {
  const named = new Set(countries.map((m) => m.entity.id));
  for (const [compound, words] of ctx.lexicon.compounds)
    if (text.includes(compound))
      for (const word of words) for (const m of ctx.finder.mentions(word)) named.add(m.entity.id);
  return ctx.knowledge.sides.length === 2 && ctx.knowledge.sides.every((side) => named.has(side.entity));
}

/** True when the knowledge gives the company a product of its own: it makes things. */
function makes(ctx: Context, id: string): boolean {
  return ctx.knowledge.entities.some((e) => e.vendor === id);
}

const identityCache = new WeakMap<Context, Set<string>>();

/** Words of a question that asks what or whose a thing is (cues.yaml), tokenized as questions are. */
export function identityWords(ctx: Context): Set<string> {
  let words = identityCache.get(ctx);
  if (!words) {
    words = new Set(ctx.tokenize(ctx.knowledge.cueWords.identity.join(" "), { words: true }));
    identityCache.set(ctx, words);
  }
  return words;
}

/** Things that can stand side by side: anything but a person ("<person> … against which machine" asks, it
 * does not compare); a maker stands for its product against a product (compare.ts). */
function comparable(a: Entity, b: Entity): boolean {
  // A person is asked about, not compared; nor is a maker compared with its own product.
  return a.kind !== "person" && b.kind !== "person" && a.vendor !== b.id && b.vendor !== a.id;
}

/**
 * The two things a compare cue sets against each other: one named before "compared with", one after
 * ("Pearfield's X9, compared with the Gleaner 2"); else the first two that can be compared.
 */
function compareSides(
  ctx: Context,
  text: string,
  things: readonly Mention[],
): [Mention, Mention] | undefined {
  const at = ctx.cues.compares.any.exec(nameKey(text))?.index ?? -1;
  const before = things.filter((m) => m.end <= at);
  const after = things.filter((m) => m.start >= at);
  for (const a of before) for (const b of after) if (comparable(a.entity, b.entity)) return [a, b];
  const [a, b] = things;
  return a && b && comparable(a.entity, b.entity) ? [a, b] : undefined;
}
