// How cards name whose figure they show: every label (field, table row, chart bar, title) comes from the
// fact's one subject (knowledge/subject.ts), and a side's entity is called by the side's short label.
import type { Fact, SideEntry } from "../knowledge/schema.js";
import { subjectOf } from "../knowledge/subject.js";
import type { Context } from "./context.js";

/** The side an entity stands for (a country → its side), if it stands for one. */
export function sideOfEntity(ctx: Context, entityId: string): SideEntry | undefined {
  return ctx.knowledge.sides.find((s) => s.entity === entityId);
}

/** The side entry of a fact's `side`, if that side is one of the two compared. */
export function sideEntry(ctx: Context, side: string): SideEntry | undefined {
  return ctx.knowledge.sides.find((s) => s.id === side);
}

/** The subject's id: an entity, a group, a country, or "article". */
export function subjectIdOf(ctx: Context, f: Fact): string {
  return subjectOf(f, ctx.entity).id;
}

/** The name a label gives the fact's subject: a company, a side's label, a group's name. */
export function subjectLabel(ctx: Context, f: Fact): string {
  const s = subjectOf(f, ctx.entity);
  if (s.kind === "article") return s.entity ? s.entity.name : "The article";
  const side = sideOfEntity(ctx, s.id);
  return side?.label ?? s.entity?.name ?? s.id;
}

/** True when the figure is the entity's own, as the material gives it: the entity is its subject. */
export function figureOf(ctx: Context, f: Fact, entityId: string): boolean {
  return subjectIdOf(ctx, f) === entityId;
}

/** "Applewood · " before "Applewood's orchards" says it twice: the prefix only where the label lacks the name. */
export function labelWithSubject(subject: string, label: string): string {
  return label.toLowerCase().startsWith(subject.toLowerCase()) ? label : `${subject} · ${label}`;
}
