// The report as plain text, for `gapbot report` on a terminal. The JSON form is the Report itself.
import type { Report, Tally } from "./report.js";

const REASON_LABELS: Record<string, string> = {
  wrong_figure: "wrong figure",
  not_asked: "not what I asked",
  missing: "missing",
};

export function renderReportText(report: Report): string {
  const lines: string[] = [`gapbot report: ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}`, ""];
  if (report.totals.questions === 0) {
    lines.push("No questions recorded in this period.");
    return lines.join("\n");
  }
  lines.push(`All: ${tallyText(report.totals)}`, "");
  lines.push("By platform:");
  for (const p of report.byPlatform) lines.push(`  ${p.platform}: ${tallyText(p)}`);
  lines.push("By command:");
  for (const c of report.byCommand) lines.push(`  ${c.command}: ${tallyText(c)}`);

  lines.push("", "Most frequent unanswered questions:");
  if (!report.unanswered.length) lines.push("  none");
  for (const g of report.unanswered) {
    const words = g.words.length ? ` [${g.words.join(", ")}]` : "";
    lines.push(`  ${g.count}×${words}: ${g.examples.map((e) => JSON.stringify(e)).join(" · ")}`);
  }

  lines.push("", "Most disliked answers:");
  if (!report.disliked.length) lines.push("  none");
  for (const d of report.disliked) {
    const reasons = Object.entries(d.reasons)
      .map(([r, n]) => `${REASON_LABELS[r] ?? r} ${n}`)
      .join(", ");
    lines.push(
      `  👎 ${d.votes.down} 👍 ${d.votes.up}  ${JSON.stringify(d.text)} (${d.kind}; facts: ${d.facts.join(", ") || "none"})${reasons ? `; ${reasons}` : ""}`,
    );
  }

  lines.push("", "Answers with the lowest ranker scores:");
  if (!report.lowScore.length) lines.push("  none");
  for (const l of report.lowScore) {
    lines.push(`  ${l.score}  ${JSON.stringify(l.text)} (facts: ${l.facts.join(", ") || "none"})`);
  }
  return lines.join("\n");
}

export function tallyText(t: Tally): string {
  const rate = t.answeredRate === null ? "" : ` (${Math.round(t.answeredRate * 100)}% answered)`;
  return `${t.questions} questions, ${t.answered} answered, ${t.notFound} not found${rate}; 👍 ${t.votes.up} 👎 ${t.votes.down}`;
}
