// A sentence of the material answers a question in words that no curated fact carries: the synthetic orchard
// pack with paragraphs of plain description added (no fact quotes them), so only the passage can answer.
import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/core/compose/passage.js";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { expectValidCard } from "../helpers/card-checks.js";

const dir = new URL("../fixtures/synthetic-pack", import.meta.url).pathname;
const { knowledge } = readKnowledge(dir);
const lines = knowledge.paragraphs.get("orchard-report") ?? [];
const added = [
  // The sentence that answers comes second, after one that repeats the names more often.
  "Southland growers who own a Gleaner 2 say the Southland-built Gleaner 2 is slow, though the Gleaner 2 is cheap. The Gleaner 2 is assembled in Eastland from imported parts.",
  // The search's best paragraph: it names the machines more often, but not what is asked of them.
  "The Harvester X7 and the Harvester X5 share one design; the Harvester X7 and the Harvester X5 are built alike and sold alike.",
  "Pearfield has sold harvesters for decades, in Northland and in Eastland, through good harvests and poor ones, to growers large and small, and it keeps its workshops busy all year round. The Harvester X5 is the older design.",
];
const paragraphs = new Map(knowledge.paragraphs);
paragraphs.set("orchard-report", [...lines, ...added]);
const core = createCore({ knowledge: { ...knowledge, paragraphs } });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, { ...knowledge, paragraphs });
  return card;
};
const first = lines.length + 1;

describe("a sentence of the material as the answer", () => {
  it("within a paragraph, quotes the sentence covering what is asked, not the one naming the names most", () => {
    const card = ask("Where is Southland's Gleaner 2 assembled?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toBe("The Gleaner 2 is assembled in Eastland from imported parts.");
    expect(card.citations[0]).toMatchObject({ paragraph: first });
  });

  it("finds a sentence beyond the best paragraph that covers every word asked, and answers 'A or B?' with the one it names", () => {
    const card = ask("Which is the older design, the Harvester X7 or the Harvester X5?");
    expect(card.kind).toBe("answer");
    expect(card.headline).toBe("The Harvester X5 is the older design.");
    expect(card.citations[0]).toMatchObject({ paragraph: first + 2 });
  });

  it("keeps refusing what the sentences do not say: another thing than the one they name, or a figure", () => {
    expect(ask("Which is the older design, the Harvester X9 or the Gleaner 2?").kind).toBe("not_found");
    expect(ask("Where is the Harvester X9 assembled?").kind).toBe("not_found");
    expect(ask("How many parts does Eastland import for the Gleaner 2?").kind).toBe("not_found");
  });

  it("splits sentences at their ends, not after an abbreviation of capitals", () => {
    expect(splitSentences("For example, the U.S. exempts them. They are allies; they have rules.")).toEqual([
      "For example, the U.S. exempts them.",
      "They are allies;",
      "they have rules.",
    ]);
  });
});
