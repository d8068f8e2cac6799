// Whose figure a fact gives: the one notion every card label, table row and chart bar draws from, so that a
// group's figure is never shown as one member's and a company's never as its country's.
import type { Entity, Fact } from "./schema.js";
import { ARTICLE_SUBJECT } from "./schema.js";

export type SubjectKind = "entity" | "group" | "country" | "article";

export interface Subject {
  kind: SubjectKind;
  /** The entity, group or country; for the article's own view, who holds it when the fact names one. */
  entity?: Entity;
  /** The id labels compare against: the entity's id, or "article". */
  id: string;
}

type Lookup = (id: string) => Entity | undefined;

/** The subject id a fact declares, or else its first entity. */
export function subjectId(f: Fact): string {
  return f.subject ?? (f.entities[0] as string);
}

export function subjectOf(f: Fact, entity: Lookup): Subject {
  const id = subjectId(f);
  if (id === ARTICLE_SUBJECT) {
    const holder = f.attribution ? entity(f.attribution) : undefined;
    return { kind: "article", id, ...(holder ? { entity: holder } : {}) };
  }
  const e = entity(id);
  const kind: SubjectKind = e?.kind === "group" ? "group" : e?.kind === "country" ? "country" : "entity";
  return { kind, id, ...(e ? { entity: e } : {}) };
}

/** The subject as a label names it: the entity's name, or who holds the view, or "The article". */
export function subjectName(f: Fact, entity: Lookup): string {
  const s = subjectOf(f, entity);
  return s.entity?.name ?? "The article";
}

/** True when the fact's figure is the entity's own: it is the subject, not a member or a neighbour. */
export function isSubject(f: Fact, id: string): boolean {
  return subjectId(f) === id;
}

/** True when the fact's subject is a group that holds the entity: a figure of the set, not of the member. */
export function groupHolds(f: Fact, id: string, entity: Lookup): boolean {
  const s = entity(subjectId(f));
  return s?.kind === "group" && s.members.includes(id);
}
