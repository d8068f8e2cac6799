// Narrows the knowledge to some of its sources (`--source ID`, SOURCES=id,id): their paragraphs and facts,
// the topics' lists cut to those facts, and the entities they name (with their makers and relations, and every
// entity no source's fact names), so that a name only another source knows reads as not in the material.
import type { Knowledge, Topic } from "./schema.js";

export class UnknownSourceError extends Error {
  constructor(
    readonly unknown: string[],
    readonly known: string[],
  ) {
    super(
      `gapbot: no source ${unknown.map((s) => JSON.stringify(s)).join(", ")} in the knowledge; its sources are ${known.join(", ")}`,
    );
    this.name = "UnknownSourceError";
  }
}

/** The knowledge as if only `ids` were loaded; the same object when `ids` is empty. */
export function onlySources(k: Knowledge, ids: readonly string[]): Knowledge {
  if (ids.length === 0) return k;
  const known = k.sources.map((s) => s.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UnknownSourceError(unknown, known);
  const keep = new Set(ids);
  const facts = k.facts.filter((f) => keep.has(f.source));
  const kept = new Set(facts.map((f) => f.id));
  const topics = k.topics.flatMap((t) => narrowTopic(t, kept));
  const topicIds = new Set(topics.map((t) => t.id));
  const entities = keptEntities(k, facts);
  return {
    ...k,
    entities,
    sources: k.sources.filter((s) => keep.has(s.id)),
    paragraphs: new Map([...k.paragraphs].filter(([id]) => keep.has(id))),
    facts: facts.map((f) =>
      f.topics.every((t) => topicIds.has(t)) ? f : { ...f, topics: f.topics.filter((t) => topicIds.has(t)) },
    ),
    topics,
    ignored: k.ignored.filter((i) => keep.has(i.source)),
  };
}

function keptEntities(k: Knowledge, facts: readonly Knowledge["facts"][number][]): Knowledge["entities"] {
  const named = (list: readonly Knowledge["facts"][number][]) =>
    new Set(list.flatMap((f) => [...f.entities, ...(f.attribution ? [f.attribution] : [])]));
  const anywhere = named(k.facts);
  const keep = named(facts);
  for (const e of k.entities) if (!anywhere.has(e.id)) keep.add(e.id);
  // The two sides' entities stand for the sides, whatever the sources say.
  for (const s of k.sides ?? []) keep.add(s.entity);
  // Makers and relations of what is kept stay, so that every reference still resolves.
  const byId = new Map(k.entities.map((e) => [e.id, e]));
  const queue = [...keep];
  while (queue.length > 0) {
    const e = byId.get(queue.pop() as string);
    for (const id of [...(e?.vendor ? [e.vendor] : []), ...(e?.related ?? [])])
      if (!keep.has(id)) {
        keep.add(id);
        queue.push(id);
      }
  }
  return k.entities.filter((e) => keep.has(e.id));
}

/** A topic with only the kept facts; gone when none is left. Its headline pair stays only when whole. */
function narrowTopic(t: Topic, kept: ReadonlySet<string>): Topic[] {
  const first = t.first.filter((id) => kept.has(id));
  const second = t.second.filter((id) => kept.has(id));
  const related = t.related.filter((id) => kept.has(id));
  if (first.length + second.length + related.length === 0) return [];
  const headline =
    t.headline && kept.has(t.headline.first) && kept.has(t.headline.second) ? t.headline : undefined;
  let lead = t.lead !== undefined && kept.has(t.lead) ? t.lead : undefined;
  // A topic needs a headline or a lead: the first kept fact leads when its own pair or lead went.
  if (!headline && lead === undefined) lead = first[0] ?? second[0] ?? related[0];
  const { headline: _h, lead: _l, ...rest } = t;
  return [{ ...rest, first, second, related, ...(headline ? { headline } : {}), ...(lead ? { lead } : {}) }];
}
