// Narrows the knowledge to some of its sources (`--source ID`, SOURCES=id,id): their paragraphs and facts,
// the topics' lists cut to those facts, and every entity kept, so names are still recognised.
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
  return {
    ...k,
    sources: k.sources.filter((s) => keep.has(s.id)),
    paragraphs: new Map([...k.paragraphs].filter(([id]) => keep.has(id))),
    facts: facts.map((f) =>
      f.topics.every((t) => topicIds.has(t)) ? f : { ...f, topics: f.topics.filter((t) => topicIds.has(t)) },
    ),
    topics,
    ignored: k.ignored.filter((i) => keep.has(i.source)),
  };
}

/** A topic with only the kept facts; gone when none is left. Its headline pair stays only when whole. */
function narrowTopic(t: Topic, kept: ReadonlySet<string>): Topic[] {
  const us = t.us.filter((id) => kept.has(id));
  const china = t.china.filter((id) => kept.has(id));
  const related = t.related.filter((id) => kept.has(id));
  if (us.length + china.length + related.length === 0) return [];
  const headline =
    t.headline && kept.has(t.headline.us) && kept.has(t.headline.china) ? t.headline : undefined;
  let lead = t.lead !== undefined && kept.has(t.lead) ? t.lead : undefined;
  // A topic needs a headline or a lead: the first kept fact leads when its own pair or lead went.
  if (!headline && lead === undefined) lead = us[0] ?? china[0] ?? related[0];
  const { headline: _h, lead: _l, ...rest } = t;
  return [{ ...rest, us, china, related, ...(headline ? { headline } : {}), ...(lead ? { lead } : {}) }];
}
