// What an adapter hands the core: raw text (a mention, a DM, a console line) or a structured command.

/** Where the request comes from: help names the commands and ways in that this platform has. */
export type Platform = "slack" | "discord" | "console";

export interface Request {
  /** Free text or a whole slash line: "/chip 910B", "how many GPUs will Meta deploy?". */
  text?: string;
  /** A platform's structured command name ("chip"), with its options. */
  command?: string;
  args?: Record<string, string | boolean | number | undefined>;
  /** Absent: a terminal (the console, `gapbot ask`). */
  platform?: Platform;
}

export type CompletionKind = "topic" | "chip" | "model" | "entity";

export interface Choice {
  /** What the user sees. */
  name: string;
  /** What is sent back as the option's value. */
  value: string;
}
