// What an adapter hands the core: raw text (a mention, a DM, a console line) or a structured command.
export interface Request {
  /** Free text or a whole slash line: "/chip 910B", "how many GPUs will Meta deploy?". */
  text?: string;
  /** A platform's structured command name ("chip"), with its options. */
  command?: string;
  args?: Record<string, string | boolean | number | undefined>;
}

export type CompletionKind = "topic" | "chip" | "model" | "entity";

export interface Choice {
  /** What the user sees. */
  name: string;
  /** What is sent back as the option's value. */
  value: string;
}
