// Builds the core over the knowledge: parse → retrieve → compose a Card. The only entry the adapters use.
import { loadCheckedKnowledge } from "../knowledge/load-checked.js";
import { onlySources } from "../knowledge/only-sources.js";
import type { EntityKind, Knowledge } from "../knowledge/schema.js";
import { takeSavedIndex } from "../knowledge/snapshot.js";
import type { Card } from "./card.js";
import { withChart } from "./chart.js";
import { askCard } from "./compose/ask.js";
import { compareCard, compareEntities, measureMissing } from "./compose/compare.js";
import { entityLookup } from "./compose/entity.js";
import { findTopic, gapCard } from "./compose/gap.js";
import { helpCard } from "./compose/help.js";
import { smallTalkCard } from "./compose/small-talk.js";
import { sourceCard } from "./compose/source.js";
import { buildContext, type Context, rememberContext, rememberedContext } from "./context.js";
import { readFollowUp } from "./follow-up.js";
import { followUpCard } from "./frames/follow-up.js";
import type { Catalog, Core } from "./index.js";
import { MAX_INPUT, readIntent } from "./intent.js";
import { WEIGHTS, type Weights } from "./rank/weights.js";
import type { Choice, CompletionKind, Request } from "./request.js";
import { withSources } from "./sources.js";
import { nameKey } from "./text.js";

export interface CoreOptions {
  knowledge?: Knowledge;
  /** Read and checked when `knowledge` is not given: a KnowledgeError names every problem. */
  knowledgeDir?: string;
  /** Answer only from these sources (`--source`, SOURCES); every source when empty. */
  sources?: readonly string[];
  /** The ranker's weights; the fitted ones (rank/weights.ts) unless a fit tries others. */
  weights?: Readonly<Weights>;
}

export function createCore(options: CoreOptions = {}): Core {
  const whole = options.knowledge ?? loadCheckedKnowledge(options.knowledgeDir);
  const knowledge = onlySources(whole, options.sources ?? []);
  // The indexes saved with the snapshot this knowledge was read from, if it was: none to build at start.
  // Narrowed to some sources, the whole's indexes are filtered to them (buildContext says when they can be).
  const weights = options.weights ?? WEIGHTS;
  const ctx =
    knowledge === whole
      ? (sameWeights(rememberedContext(knowledge), weights) ??
        buildContext(knowledge, takeSavedIndex(knowledge), weights))
      : buildContext(knowledge, undefined, weights, contextOf(whole, weights));
  rememberContext(knowledge, ctx);
  return {
    knowledge,
    answer: (request, onFault) => {
      try {
        // Charts are drawn from the composed card's cited figures, so composers never need to know of them.
        return withChart(ctx, withSources(ctx, withoutLoops(ctx, answer(ctx, request), request)));
      } catch (err) {
        // The core never throws at an adapter: a bug becomes the apology card, and the caller, which knows the
        // turn's platform and command, is told of it so that it is logged once, where the turn is.
        onFault?.(err);
        return {
          kind: "error",
          title: "Something went wrong",
          headline: "Sorry, I could not answer that. Please try again or rephrase.",
          fields: [],
          citations: [],
          suggestions: [{ label: "Help", command: "/help" }],
        };
      }
    },
    complete: (kind, input, limit = 25) => complete(ctx, kind, input, limit),
    followUp: (previous, text) => readFollowUp(ctx, previous, text),
    catalog: () => catalog(ctx),
  };
}

/** A context made already for this knowledge (by the loader, or another core), if its weights are these. */
function sameWeights(ctx: Context | undefined, weights: Readonly<Weights>): Context | undefined {
  return ctx?.weights === weights ? ctx : undefined;
}

/**
 * The context of a core over `whole`, to narrow: one made already, or one made now from its saved indexes;
 * none when it has neither (building the whole to narrow it would cost more than building the part).
 */
function contextOf(whole: Knowledge, weights: Readonly<Weights>): Context | undefined {
  const known = rememberedContext(whole);
  if (known) return known;
  const saved = takeSavedIndex(whole);
  if (!saved) return undefined;
  const ctx = buildContext(whole, saved, weights);
  rememberContext(whole, ctx);
  return ctx;
}

/**
 * A miss's suggestions, less any that would only show the same miss again ("Did you mean China?" under
 * "China" itself): a suggestion never leads back to the card it is on. Each suggestion is answered once
 * per knowledge (suggestions come from a small set of names and topics, so the memo stays small); other
 * cards' suggestions name other things by construction, and a test checks every kind.
 */
function withoutLoops(ctx: Context, card: Card, request: Request | string): Card {
  if (card.kind !== "not_found" || card.suggestions.length === 0) return card;
  const platform = typeof request === "string" ? undefined : request.platform;
  const key = cardKey(card);
  const suggestions = card.suggestions.filter((s) => suggestionKey(ctx, s.command, platform) !== key);
  return suggestions.length === card.suggestions.length ? card : { ...card, suggestions };
}

const SUGGESTION_MEMO_MAX = 2000;
const suggestionMemo = new WeakMap<Context, Map<string, string>>();

function cardKey(card: Card): string {
  return `${card.kind}\u0000${card.title}\u0000${card.headline}`;
}

/** What a suggestion's command answers, as a key; remembered per knowledge, since answers are fixed. */
function suggestionKey(ctx: Context, command: string, platform: Request["platform"]): string {
  let memo = suggestionMemo.get(ctx);
  if (!memo) {
    memo = new Map();
    suggestionMemo.set(ctx, memo);
  }
  const at = `${platform ?? ""} ${command}`;
  let key = memo.get(at);
  if (key === undefined) {
    if (memo.size >= SUGGESTION_MEMO_MAX) memo.clear();
    key = cardKey(answer(ctx, { text: command, platform }));
    memo.set(at, key);
  }
  return key;
}

export function answer(ctx: Context, request: Request | string): Card {
  const intent = readIntent(ctx, request);
  const platform = typeof request === "string" ? undefined : request.platform;
  switch (intent.type) {
    case "help":
      return helpCard(ctx, intent.note, platform);
    case "small-talk":
      return smallTalkCard(ctx, intent.say);
    case "follow-up":
      return followUpCard(ctx, intent.text, intent.mentions);
    case "empty":
      return helpCard(
        ctx,
        "Ask me something about the China–US AI compute gap, e.g. /gap compute.",
        platform,
      );
    case "too-long":
      return {
        kind: "error",
        title: "That is too long",
        headline: `That message is ${intent.length} characters; please keep it under ${MAX_INPUT}, e.g. one question or two names.`,
        fields: [],
        citations: [],
        suggestions: [{ label: "Help", command: "/help" }],
      };
    case "gap":
      return gapCard(ctx, intent.phrase);
    case "entity":
      return entityLookup(ctx, intent.name, intent.kinds, intent.words);
    case "compare":
      return compareCard(ctx, intent.first, intent.second);
    case "compare-mentions":
      return (
        // A count asked for ("how many developers…") is compareEntities' own to check, unit by unit.
        (intent.text !== undefined && !intent.units?.length
          ? measureMissing(ctx, intent.text, [intent.a, intent.b])
          : undefined) ?? compareEntities(ctx, intent.a.entity, intent.b.entity, intent.units)
      );
    case "source":
      return sourceCard(ctx, intent.ref);
    case "ask":
      return askCard(ctx, intent.text, intent.mentions);
  }
}

const COMPLETION_KINDS: Record<Exclude<CompletionKind, "topic">, EntityKind[] | undefined> = {
  chip: ["chip", "device"],
  model: ["model"],
  entity: [
    "chip",
    "device",
    "model",
    "company",
    "country",
    "cluster",
    "organisation",
    "person",
    "product",
    "framework",
  ],
};

function complete(ctx: Context, kind: CompletionKind, input: string, limit: number): Choice[] {
  const max = Math.max(0, Math.min(25, limit));
  const text = String(input ?? "").slice(0, 100);
  const choice = (name: string, value = name): Choice => ({
    name: name.slice(0, 100),
    value: value.slice(0, 100),
  });
  if (kind === "topic") {
    const key = nameKey(text);
    const topics = ctx.knowledge.topics;
    if (!key) return topics.slice(0, max).map((t) => choice(`${t.title}`, t.id.replace(/-/g, " ")));
    const byPrefix = topics.filter((t) => nameKey(t.id).startsWith(key) || nameKey(t.title).startsWith(key));
    const byWord = topics.filter((t) => t.keywords.some((k) => nameKey(k).startsWith(key)));
    const best = findTopic(ctx, text);
    const ordered = [...new Set([...byPrefix, ...byWord, ...(best ? [best] : [])])];
    return ordered.slice(0, max).map((t) => choice(t.title, t.id.replace(/-/g, " ")));
  }
  const kinds = COMPLETION_KINDS[kind];
  const label = (e: { name: string; vendor?: string }) => {
    const vendor = e.vendor ? ctx.entity(e.vendor)?.name : undefined;
    return vendor && !e.name.includes(vendor) ? `${e.name} (${vendor})` : e.name;
  };
  if (!text.trim()) {
    // Most useful first: the entities the material says most about.
    return ctx.knowledge.entities
      .filter((e) => !kinds || kinds.includes(e.kind))
      .map((e) => ({ e, n: ctx.factsAbout(e.id).length }))
      .filter(({ n }) => n > 0)
      .sort((a, b) => b.n - a.n || a.e.name.localeCompare(b.e.name))
      .slice(0, max)
      .map(({ e }) => choice(label(e), e.name));
  }
  return ctx.finder.rank(text, kinds, max).map((e) => choice(label(e), e.name));
}

function catalog(ctx: Context): Catalog {
  const named = (kind: EntityKind[]) =>
    ctx.knowledge.entities
      .filter((e) => kind.includes(e.kind) && ctx.factsAbout(e.id).length > 0)
      .map((e) => ({ id: e.id, name: e.name }));
  return {
    topics: ctx.knowledge.topics.map((t) => ({ id: t.id, title: t.title })),
    chips: named(["chip"]),
    models: named(["model"]),
    companies: named(["company"]),
  };
}
