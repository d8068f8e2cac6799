// Reads what a request asks for: a declared command with its arguments, a slash line typed as text,
// or free text (a mention, a DM) whose intent is found from the names and words in it.
import { findCommand } from "../../commands/index.js";
import type { Entity, EntityKind } from "../knowledge/schema.js";
import { findTopic, isGapFiller } from "./compose/gap.js";
import type { SmallTalk } from "./compose/small-talk.js";
import type { Context } from "./context.js";
import type { Mention } from "./entities.js";
import { isFollowUp } from "./frames/follow-up.js";
import { countingUnits } from "./frames/reading.js";
import type { Request } from "./request.js";
import { nameKey, normalize } from "./text.js";

export type Intent =
  | { type: "help"; note?: string }
  | { type: "small-talk"; say: SmallTalk }
  /** "and China?": a message that only follows on from another, which this one cannot see. */
  | { type: "follow-up"; text: string; mentions: Mention[] }
  | { type: "gap"; phrase: string }
  | { type: "entity"; name: string; kinds: EntityKind[] }
  | { type: "compare"; first: string; second: string }
  /** `units`: what a "how many <things>, compared with…" question counts in. */
  | { type: "compare-mentions"; a: Mention; b: Mention; units?: string[] }
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

const SEPARATOR =
  /\s+(?:vs\.?|versus|v\.?|against|and|with|compared to|compared with|or)\s+|\s*[,;|，、；]\s*|\s*(?:对比|比较|相比|和|与|跟|vs\.?)\s*/i;

/** "a vs b", "a, b", `a "b c"`, or two names that each resolve: "Mythos DeepSeek V4 Pro". */
export function splitCompare(ctx: Context, text: string): Intent {
  const quoted = [...text.matchAll(/"([^"]+)"|“([^”]+)”|'([^']+)'/g)];
  if (quoted.length > 0) {
    const names = quoted.map((m) => (m[1] ?? m[2] ?? m[3] ?? "").trim());
    const rest = text
      .replace(/"[^"]+"|“[^”]+”|'[^']+'/g, " ")
      .replace(SEPARATOR, " ")
      .trim();
    const [first = "", second = ""] = rest ? [rest, ...names] : names;
    return { type: "compare", first, second };
  }
  const parts = text
    .split(SEPARATOR)
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

const COMPARATIVE =
  /\b(bigger|larger|smaller|faster|slower|stronger|weaker|better|worse|more powerful|less powerful|ahead of|behind)\b|比.{0,12}(大|小|强|弱|快|慢|好)/;
const COMPARE_CUE = /\b(vs\.?|versus|compare[ds]?|comparison|against)\b|对比|比较|相比|相较/;
const QUESTION =
  /[?？]|^(how|what|which|who|whom|whose|when|where|why|is|are|was|were|does|do|did|can|could|will|would|should|has|have|whch|wich|wat|waht|wht|hw)\b|多少|什么|哪|吗|几|怎么|如何|为什么|是否|多大|多久|多高|多快|多长|谁|还是|有没有|是不是/;
/** "Who is ahead", "which side leads": asking for the gap itself. */
const WHO_LEADS =
  /\b(?:who|which (?:side|country|nation))(?:'s| is| has)? (?:ahead|leads|leading|in the lead|winning)\b|谁更?领先/gi;

/** Asking for a maker's products: "which chips does X make", "X有哪些芯片". */
const PRODUCTS_OF =
  /\b(?:which|what) (?:ai )?(?:chips|gpus|accelerators|products|models)\b[^?]*\b(?:does|do|did|has|have|make|makes|made|sell|sells|offer|offers)\b|有哪些\s*(?:ai)?\s*(?:芯片|gpu|产品|模型|型号)/;

/**
 * Words that open a message before the question: "hey", "ok so", "quick question:", and who is asking
 * ("journalist here:", "analyst here,").
 */
const OPENER =
  /^(?:(?:hey|hi|hello|yo|ok|okay|so|well|please|pls|quick question|question|q|(?:an? )?[a-z]+(?: [a-z]+)? here(?=\s*[,:;!.-]))\b[\s,!:;.-]*)+(?:(?:@[\w-]+|<@[\w]+>)[\s,:]*)?|^(?:你好|请问)[\s,，!！:：]*/;
const GREETING =
  /^(hi|hello|hey|hiya|yo|howdy|greetings|good (morning|afternoon|evening|day)|你好|您好|嗨|哈喽|早上好|晚上好)( (there|all|everyone|gapbot|bot|team))?[\s!.,。！~]*$/;
const THANKS =
  /^(thanks|thank you|thx|ty|cheers|谢谢|多谢|感谢)( (so much|a lot|very much|gapbot|bot))?[\s!.,。！~]*$/;
const ACK = /^(ok|okay|cool|nice|great|got it|i see|好的|好|明白了?)[\s!.,。！~]*$/;

/** A question that asks for the gap itself, not for one figure. */
const GAP_WORDS =
  /\bgap\b|\bdifference\b|\bcompare\b|\bversus\b|\bvs\b|\bwhich (?:country|side|nation)\b|\bwho(?:'s| is| has)? (?:ahead|leads|leading|more)\b|\bwhat multiple\b|\bhow many times\b|\btimes (?:more|larger|bigger|greater|as (?:much|many|large|big))\b|\bratio\b|差距|对比|相比|谁更|哪个国家|几倍|多少倍/;

/** Free text: a name alone → its card; two names or "vs" → a comparison; a gap phrase → the gap card; else a question. */
export function freeText(ctx: Context, text: string): Intent {
  const norm = normalize(text);
  if (/^(help|\?|帮助|使用说明|commands?)$/.test(norm)) return { type: "help" };
  // A greeting or a thank-you is not a question for the material: say hello and what to ask.
  if (GREETING.test(norm)) return { type: "small-talk", say: "greeting" };
  if (THANKS.test(norm)) return { type: "small-talk", say: "thanks" };
  if (ACK.test(norm)) return { type: "small-talk", say: "ack" };
  // "Hey, who is ahead in AI chips": the greeting before a question is no part of it.
  const opener = OPENER.exec(norm);
  if (opener && norm.length > opener[0].length) return freeText(ctx, text.trim().slice(opener[0].length));
  const mentions = ctx.finder.mentions(text);
  if (isFollowUp(ctx, text, mentions)) return { type: "follow-up", text, mentions };
  const things = mentions.filter((m) => m.entity.kind !== "country");
  const countries = mentions.filter((m) => m.entity.kind === "country");
  // "Which chip is A compared against?" asks for a name, not for the two named side by side.
  const cue = COMPARE_CUE.test(norm) && !ctx.cues.asks_which.any.test(norm);
  if (cue) {
    const sides = compareSides(text, things);
    if (sides)
      return {
        type: "compare-mentions",
        a: sides[0],
        b: sides[1],
        units: countingUnits(ctx, norm, mentions),
      };
  }
  // "Is DeepSeek V4 Pro bigger than Mythos?" asks for the two side by side.
  if (COMPARATIVE.test(norm) && things[0] && things[1] && things[0].entity.kind === things[1].entity.kind)
    return { type: "compare-mentions", a: things[0], b: things[1] };

  const question = QUESTION.test(norm);
  // "Who is ahead in AI chips?": "ahead" asks for the gap; the topic is the chips, not the time behind.
  const residue = ctx
    .tokenize(ctx.finder.residue(text, mentions).replace(WHO_LEADS, " "), { words: true })
    .filter((t) => !isGapFiller(ctx, t));
  const topicText = text.replace(WHO_LEADS, " ");
  const topic = findTopic(ctx, topicText);
  const topicWords = topic ? (ctx.topicTerms.get(topic.id) ?? new Set<string>()) : new Set<string>();
  const leftover = residue.filter((t) => !topicWords.has(t));

  // "Which chips does Cambricon make?", "寒武纪有哪些AI芯片": the maker's card, its products first.
  const line = PRODUCTS_OF.exec(norm);
  if (question && line && things.length === 1 && things[0] && things[0].entity.kind === "company") {
    const kinds: EntityKind[] = /model|模型/.test(line[0]) ? ["model"] : ["chip"];
    return { type: "entity", name: things[0].entity.name, kinds };
  }
  // "Who makes the MTT S5000?", "Which company is Biren?", "What is MetaX?": the thing's own card.
  if (
    question &&
    !/\bhow\b|多少|几|多大|多久|多高|多快|多长/.test(norm) &&
    // "What did TrendForce say about domestic GPU makers?" asks what it said, not who it is.
    !/\b(?:say|says|said|think|thinks|thought|claim|claims|claimed|predict|predicts|predicted|according)\b|说|认为/.test(
      norm,
    ) &&
    things.length === 1 &&
    things[0] &&
    countries.length === 0
  ) {
    const identity = identityWords(ctx);
    if (residue.every((t) => identity.has(t)))
      return { type: "entity", name: things[0].entity.name, kinds: [things[0].entity.kind] };
  }

  // "How big is the gap between China and the US in AI chips?" asks for the topic's gap card.
  if (question && GAP_WORDS.test(norm) && things.length === 0 && leftover.length === 0) {
    if (topic) return { type: "gap", phrase: topicText };
    // "What's the difference between the US and China in AI?": the two sides, figure by figure.
    if (countries[0] && countries[1]) return { type: "compare-mentions", a: countries[0], b: countries[1] };
    // "What is the gap?": here, the gap is always the China–US one.
    if (countries.length === 0) return { type: "compare", first: "United States", second: "China" };
  }

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

/** Words of a question that asks what or whose a thing is, tokenized as questions are (stems, synonyms). */
const IDENTITY =
  "who whom whose what which is are was were it its this that tell me about company companies firm maker makers " +
  "make makes made manufacturer manufacturers manufacture manufactures vendor build builds built develop develops " +
  "developed behind product products chip chips model models thing kind sort exactly called name " +
  "是 什么 谁 哪家 公司 叫 叫什么 型号 名字 名称 哪款 哪个";
const identityCache = new WeakMap<Context, Set<string>>();

function identityWords(ctx: Context): Set<string> {
  let words = identityCache.get(ctx);
  if (!words) {
    words = new Set(ctx.tokenize(IDENTITY, { words: true }));
    identityCache.set(ctx, words);
  }
  return words;
}

/** Things that can stand side by side: anything but a person ("Kai-Fu Lee … against which model" asks, it
 * does not compare); a maker stands for its product against a product (compare.ts). */
function comparable(a: Entity, b: Entity): boolean {
  // A person is asked about, not compared; nor is a maker compared with its own product.
  return a.kind !== "person" && b.kind !== "person" && a.vendor !== b.id && b.vendor !== a.id;
}

/**
 * The two things a compare cue sets against each other: one named before "compared with", one after
 * ("Huawei's Ascend / MindSpore, compared with CUDA"); else the first two that can be compared.
 */
function compareSides(text: string, things: readonly Mention[]): [Mention, Mention] | undefined {
  const at = COMPARE_CUE.exec(nameKey(text))?.index ?? -1;
  const before = things.filter((m) => m.end <= at);
  const after = things.filter((m) => m.start >= at);
  for (const a of before) for (const b of after) if (comparable(a.entity, b.entity)) return [a, b];
  const [a, b] = things;
  return a && b && comparable(a.entity, b.entity) ? [a, b] : undefined;
}
