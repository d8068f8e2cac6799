// /chip, /model, and any named company, person or organisation: what the material says about it.
import type { Entity, EntityKind, Fact } from "../../knowledge/schema.js";
import type { Card, CardKind, Citation, Field, Suggestion } from "../card.js";
import { HEADLINE_MAX } from "../card.js";
import type { Context } from "../context.js";
import { clip, provenance } from "../format.js";
import { unitsWritten } from "../frames/reading.js";
import { identityWords } from "../intent.js";
import { factTerms } from "../rank/relevance.js";
import { miss } from "./answer.js";
import { materialAnswer } from "./ask.js";
import { commandFor, notFoundCard } from "./not-found.js";
import { splitSentences } from "./passage.js";
import {
  citeAll,
  figureFields,
  footerFor,
  MAX_CITATIONS,
  paragraphSuggestion,
  perContext,
  unique,
} from "./shared.js";

const KIND_LABEL: Record<EntityKind, string> = {
  chip: "Chip",
  model: "Model",
  company: "Company",
  organisation: "Organisation",
  person: "Person",
  country: "Country",
  cluster: "Cluster",
  framework: "Framework",
  device: "Device",
  report: "Report",
  product: "Product",
  group: "Group",
};

const COUNTRY: Record<string, string> = {
  US: "United States",
  CN: "China",
  KR: "South Korea",
  TW: "Taiwan",
  JP: "Japan",
  DE: "Germany",
};

/**
 * Looks the name up among `kinds`; a name of another kind still gets its card (a maker to /chip). `words`:
 * what else the question says of the maker's products, which the facts cited first should say too.
 */
export function entityLookup(
  ctx: Context,
  name: string,
  kinds: readonly EntityKind[],
  words: readonly string[] = [],
): Card {
  const wanted = kinds.map((k) => KIND_LABEL[k].toLowerCase()).join(" or ");
  if (!name.trim())
    return notFoundCard(
      ctx,
      `Which ${wanted}? Try ${kinds.includes("model") ? "/model Mythos" : "/chip 910B"}.`,
    );
  // Of the kinds asked for first; else a name of another kind still gets its card (a maker to /chip, misspelt or not).
  const e = ctx.finder.resolve(name, kinds) ?? ctx.finder.resolve(name);
  if (!e) {
    // A name among other words ("/chip X9 speed"): the question about it, or its card.
    const mentions = ctx.finder.mentions(name);
    const named = mentions.find((m) => !kinds || kinds.includes(m.entity.kind));
    if (named) {
      const answered = materialAnswer(ctx, name, mentions);
      if (answered) return answered;
      // A unit asked by name ("/chip X 590 TOPS") that none of its figures is in: the miss says what is missing.
      const unit = unitsWritten(ctx, name)[0];
      if (unit)
        return notFoundCard(
          ctx,
          `Not in the material: it gives no figure in ${unit} for ${named.entity.name}.`,
          [named.entity],
        );
      // "/chip X9 torque": what is asked of it beyond who it is, which the material does not answer, is a
      // miss, not its card (whose figures would read as the answer).
      const identity = identityWords(ctx);
      const asked = ctx.tokenize(ctx.finder.residue(name, mentions), { words: true });
      return asked.some((t) => !identity.has(t)) ? miss(ctx, [named]) : entityCard(ctx, named.entity);
    }
    // A name the material writes but keeps no entry for: the sentences that write it, quoted.
    const written = sentencesNaming(ctx, name);
    if (written) return written;
    const near = ctx.finder.suggest(name, kinds);
    return notFoundCard(
      ctx,
      clip(
        `No ${wanted} called “${clip(name.trim(), 60)}” in the material.${near.length ? ` Did you mean ${near.map((n) => n.name).join(" or ")}?` : ""}`,
        HEADLINE_MAX,
      ),
      near,
    );
  }
  // A maker asked for as a chip or a model ("/chip <maker>"): its card, led by its chips or models.
  return entityCard(ctx, e, kinds.includes(e.kind) ? [] : kinds, words);
}

/**
 * What the material says of a thing. `productKinds`: the thing is asked for as the maker of such
 * products, so what is said of those products comes first.
 */
export function entityCard(
  ctx: Context,
  e: Entity,
  productKinds: readonly EntityKind[] = [],
  words: readonly string[] = [],
): Card {
  const products = productKinds.length
    ? ctx.knowledge.entities.filter((p) => p.vendor === e.id && productKinds.includes(p.kind))
    : [];
  // A fact saying more of what the question says of them first ("which of A's chips are listed among the
  // substitutes"), then one whose subject is one of them ("the GB300 is 30% stronger"), then those with figures.
  const ids = new Set(products.map((p) => p.id));
  const said = (f: Fact) => words.filter((t) => factTerms(ctx, f).has(t)).length;
  const rank = (f: Fact) => (ids.has(f.entities[0] ?? "") ? 2 : 0) + (f.figures.length > 0 ? 1 : 0);
  const ofProducts = unique(products.flatMap((p) => ctx.factsAbout(p.id))).sort(
    (a, b) => said(b) - said(a) || rank(b) - rank(a) || a.paragraph - b.paragraph,
  );
  const facts = unique([...ofProducts, ...ctx.factsAbout(e.id)]);
  const kind: CardKind = e.kind === "chip" ? "chip" : e.kind === "model" ? "model" : "answer";
  const lead = facts[0];
  const about = describe(ctx, e);
  if (!lead) {
    // No fact is about it, but some quote it by name ("Haiguang DCU ShenSuan 2" among the domestic
    // chips): cite those, so that the reader sees where and how the material names it.
    const naming = quotesNaming(ctx, e);
    return {
      kind,
      title: e.name,
      // Where a quote names it, what that quote says leads; the reader sees the name in context.
      headline: clip(
        naming[0]
          ? `${naming[0].claim}${provenance(naming[0], ctx.entity)}`
          : `${e.name}: ${about}. The material names it but gives no figures about it.`,
        HEADLINE_MAX,
      ),
      fields: [
        { label: "About", value: about },
        { label: "In the material", value: "Named, with no figures about it." },
      ],
      citations: citeAll(ctx, naming),
      suggestions: related(ctx, e, naming),
      ...(naming.length ? { footer: footerFor(ctx, naming) } : {}),
    };
  }
  const fields: Field[] = [
    { label: "About", value: about },
    ...figureFields(
      facts.filter((f) => f.figures.length > 0),
      7,
      { ctx, id: e.id },
    ),
  ];
  const named = products.filter((p) => ctx.factsAbout(p.id).length > 0);
  if (named.length)
    fields.splice(1, 0, {
      label: productKinds.includes("model") ? "Models in the material" : "Chips in the material",
      value: named.map((p) => p.name).join(", "),
    });
  if (e.note) fields.push({ label: "Name in the source", value: e.note });
  return {
    kind,
    title: e.name,
    // Asked for a maker's chips ("/chip <maker>", "which chips does <maker> make?"): their names lead.
    headline: clip(
      named.length
        ? `${e.name}'s ${productKinds.includes("model") ? "models" : "chips"} in the material: ${named.map((p) => p.name).join(", ")}. ${headlineOf(ctx, e, facts)}`
        : headlineOf(ctx, e, facts),
      HEADLINE_MAX,
    ),
    fields,
    citations: citeAll(ctx, facts.slice(0, MAX_CITATIONS)),
    suggestions: related(ctx, e, facts),
    footer: footerFor(ctx, facts, e),
  };
}

/**
 * The lead fact's claim. Without a figure to lead with, the next claims about the same thing follow
 * while the line has room: "GLM-Image was open-sourced… It was trained on the Atlas 800T A2…".
 */
function headlineOf(ctx: Context, e: Entity, facts: readonly Fact[]): string {
  const [lead, ...rest] = facts;
  if (!lead) return e.name;
  let line = `${lead.claim}${provenance(lead, ctx.entity)}`;
  if (lead.figures.length > 0) return line;
  for (const f of rest) {
    if (f.entities[0] !== e.id || f.figures.length > 0) continue;
    const next = `${line} ${f.claim}${provenance(f, ctx.entity)}`;
    if (next.length > HEADLINE_MAX) break;
    line = next;
  }
  return line;
}

/** "Device · Pearfield · Northland": from structured fields only, never free text. */
function describe(ctx: Context, e: Entity): string {
  const vendor = e.vendor ? ctx.entity(e.vendor)?.name : undefined;
  const country = e.country ? (COUNTRY[e.country] ?? e.country) : undefined;
  return [KIND_LABEL[e.kind], vendor, country, e.role?.replace(/-/g, " ")].filter(Boolean).join(" · ");
}

function related(ctx: Context, e: Entity, facts: readonly Fact[]): Suggestion[] {
  const out: Suggestion[] = [];
  const peers = [
    ...e.related,
    ...facts.flatMap((f) => f.entities).filter((id) => id !== e.id && ctx.entity(id)?.kind === e.kind),
  ];
  const peer = peers.map((id) => ctx.entity(id)).find((p) => p && p.id !== e.id);
  if (peer) out.push({ label: `${e.name} vs ${peer.name}`, command: `/compare ${e.name} vs ${peer.name}` });
  const topic = facts.flatMap((f) => f.topics)[0];
  if (topic)
    out.push({
      label: `Gap: ${ctx.topic(topic)?.title ?? topic}`,
      command: `/gap ${topic.replace(/-/g, " ")}`,
    });
  if (e.vendor) {
    const v = ctx.entity(e.vendor);
    if (v) out.push({ label: v.name, command: commandFor(v) });
  }
  if (facts[0]) out.push(paragraphSuggestion(ctx, facts[0]));
  return out;
}

const namingMemo = perContext<Fact[]>();

/**
 * The first facts whose quote names the thing, in the knowledge's order. A pass over the quotes, made once
 * per thing: only things with no fact of their own come here, and the answer never changes.
 */
function quotesNaming(ctx: Context, e: Entity): Fact[] {
  return namingMemo(ctx, e.id, () => {
    const names = [e.name, ...e.aliases].map((n) => n.toLowerCase());
    const naming: Fact[] = [];
    for (const f of ctx.knowledge.facts) {
      if (naming.length >= MAX_CITATIONS) break;
      const quote = f.quote.toLowerCase();
      if (names.some((n) => quote.includes(n))) naming.push(f);
    }
    return naming;
  });
}

/** How many sentences naming a thing with no entry are quoted. */
const NAMING_SENTENCES = 3;

/**
 * A name typed to /chip or /model that no entity has but the material writes as a word of its own ("HGX",
 * "Trainiums"): the first sentences of the best paragraphs that write it, quoted verbatim and cited.
 * Undefined when no sentence writes it.
 */
function sentencesNaming(ctx: Context, name: string): Card | undefined {
  const word = name.trim();
  if (word.length < 2 || word.length > 40) return undefined;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?(?![\\p{L}\\p{N}])`,
    "iu",
  );
  const citations: Citation[] = [];
  for (const hit of ctx.retriever.searchParagraphs(ctx.tokenize(word)).slice(0, 5)) {
    const { source, paragraph } = hit.item;
    const text = ctx.knowledge.paragraphs.get(source)?.[paragraph - 1] ?? "";
    for (const sentence of splitSentences(text))
      if (writesName(pattern.exec(sentence)) && citations.length < NAMING_SENTENCES)
        citations.push({ source, sourceTitle: ctx.sourceTitle(source), paragraph, quote: sentence });
  }
  const [first] = citations;
  if (!first) return undefined;
  return {
    kind: "answer",
    title: clip(word, 60),
    headline: clip(first.quote, HEADLINE_MAX),
    fields: citations.slice(1).map((c) => ({ label: `¶${c.paragraph}`, value: c.quote })),
    citations,
    suggestions: [{ label: `All of ¶${first.paragraph}`, command: `/source ${first.paragraph}` }],
    footer: `The material names “${clip(word, 60)}” but keeps no entry for it: the sentences that name it, quoted.`,
  };
}

/** True when the word found is written as a name: with a digit or an inner capital, or capitalised mid-sentence. */
function writesName(m: RegExpExecArray | null): boolean {
  if (!m) return false;
  const w = m[0];
  return /\d/.test(w) || /\p{Lu}/u.test(w.slice(1)) || (m.index > 0 && /^\p{Lu}/u.test(w));
}
