// The question frames, each on the made-up orchard pack (tests/fixtures/synthetic-pack): what each frame
// is cued by, which facts fill it, and the honest miss when none does.
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/index.js";
import { readKnowledge } from "../../src/knowledge/load.js";
import { expectValidCard } from "../helpers/card-checks.js";

const { knowledge } = readKnowledge(new URL("../fixtures/synthetic-pack", import.meta.url).pathname);
const core = createCore({ knowledge });
const ask = (text: string) => {
  const card = core.answer({ text });
  expectValidCard(card, knowledge);
  return card;
};

describe("summary frame", () => {
  it("given 'summarize the article' or 'tl;dr', lists each topic's leading figures, cited", () => {
    for (const q of ["summarize the article", "tl;dr", "Give me the key figures", "总结一下这篇文章"]) {
      const card = ask(q);
      expect(card.kind, q).toBe("answer");
      expect(card.fields.map((f) => f.label)).toEqual(knowledge.topics.map((t) => t.title));
      expect(card.citations.length).toBeGreaterThan(0);
    }
  });

  it("given a summary of something in particular, reads it as a question instead", () => {
    expect(ask("summarize Applewood's orchards").title).not.toMatch(/^Summary/);
  });
});

describe("follow-up frame", () => {
  it("given 'and Southland?' with no question before it, says so, and no suggestion leads back here", () => {
    const card = ask("and Southland?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("follows on from an earlier question, which I do not have here");
    for (const s of card.suggestions)
      expect(core.answer({ text: s.command }).headline).not.toBe(card.headline);
  });
});

describe("chat frame", () => {
  it("given talk about the conversation ('that's wrong', 'clear'), answers with no fact", () => {
    for (const q of ["that's wrong", "clear", "不对"]) {
      const card = ask(q);
      expect(card.kind, q).toBe("not_found");
      expect(card.citations).toEqual([]);
    }
  });
});

describe("what-is frame", () => {
  it("given a unit the material measures in but never defines, says so and cites where it is used", () => {
    const card = ask("what are tonnes?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("does not say what tonnes is");
    expect(card.citations[0]?.factId).toBe("northland-apples");
  });

  it("given a thing the material names, leaves it to the thing's card", () => {
    expect(ask("what is the Harvester X9?").kind).not.toBe("not_found");
  });
});

describe("given-figure reading", () => {
  it("given one side's figure and a question for the other's, answers the other side", () => {
    const card = ask("Northland grew 4.2 million tonnes of apples; how much did Southland grow?");
    expect(card.citations[0]?.factId).toBe("southland-apples");
  });
});

describe("sum reading", () => {
  it("given a sum of two subjects the material never adds up, abstains and cites what it gives for each", () => {
    const card = ask("how many tonnes of apples did Northland and Southland grow combined?");
    expect(card.kind).toBe("not_found");
    expect(card.citations.map((c) => c.factId).sort()).toEqual(["northland-apples", "southland-apples"]);
  });

  it("given the group's collective name, answers with the group's own figure", () => {
    expect(ask("how many hectares did the big three plant in total?").citations[0]?.factId).toBe(
      "growers-hectares",
    );
  });
});

describe("advice reading", () => {
  it("given 'what should … do?', answers with the article's own view", () => {
    expect(ask("what should Southland do?").citations[0]?.factId).toBe("report-recommends-machinery");
  });
});

describe("attributed claims", () => {
  it("given a claim the article frames, leads with the article's assessment, then the claim it discusses", () => {
    const card = ask("what does Mara Quill say about Southland?");
    expect(card.citations.map((c) => c.factId).slice(0, 2)).toEqual([
      "quill-close-gap",
      "report-doubts-forecasts",
    ]);
    expect(card.headline).toBe(
      "The report doubts such forecasts. The claim it discusses: Mara Quill says Southland will close the gap within five years.",
    );
  });

  it("given the words of a speaker asked for ('according to', 'what did … conclude'), answers with their claim", () => {
    // Few of the question's words are the speaker's own: their claim answers, another's would not.
    const q =
      "According to the Fruit Board, how do Southland's growers fare in world apple trade after the drought?";
    expect(ask(q).citations[0]?.factId).toBe("southland-market-share");
    expect(ask(q.replace("According to the Fruit Board, how", "How")).kind).toBe("not_found");
    expect(ask("What did the Fruit Board say?").citations[0]?.factId).toBe("southland-market-share");
    expect(ask("What did the Fruit Board conclude about Southland's apples?").citations[0]?.factId).toBe(
      "southland-market-share",
    );
  });

  it("reads 'which experts', 'which public figures' as asking for a person, 'which figures' as asking for figures", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { readQuestion } = await import("../../src/core/frames/reading.js");
    const ctx = buildContext(knowledge);
    const wants = (q: string) => readQuestion(ctx, q, ctx.finder.mentions(q)).wants;
    expect(wants("Which experts expect Southland to close the gap?")).toContain("person");
    expect(wants("Which two public figures praised Southland?")).toContain("person");
    expect(wants("Which figures does the report give for Southland?")).not.toContain("person");
    expect(ask("Which experts expect Southland to close the gap?").citations[0]?.factId).toBe(
      "quill-close-gap",
    );
  });
});

describe("count frame", () => {
  it("given a count the material gives only relative to another thing, says so and states that figure", () => {
    const card = ask("how many crates does the Gleaner 2 pick?");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toMatch(/^Not in the material as a count for Gleaner 2; it says: .*three times/);
    expect(card.citations[0]?.factId).toBe("harvester-x9-speed");
  });
});

describe("named things the answer must cover", () => {
  it("given what a speaker said about B, abstains where the speaker's claims are about another", () => {
    expect(ask("What did the Fruit Board conclude about Northland?").kind).toBe("not_found");
    expect(ask("What did the Fruit Board conclude about Southland?").citations[0]?.factId).toBe(
      "southland-market-share",
    );
  });

  it("given two countries set side by side, one of which the material gives nothing for, abstains", () => {
    const card = ask("Which grew more apples, Eastland or Southland?");
    expect(card.kind).toBe("not_found");
    expect(ask("Which grew more apples, Northland or Southland?").kind).toBe("answer");
  });
});

describe("which-kind questions", () => {
  it("given 'which company…', answers only with a fact or sentence naming a company", () => {
    expect(ask("Which company runs 35 orchards?").citations[0]?.factId).toBe("applewood-orchards");
    expect(ask("Which country grew 4.2 million tonnes of apples last year?").citations[0]?.factId).toBe(
      "northland-apples",
    );
    expect(ask("Which company grew 4.2 million tonnes of apples last year?").kind).toBe("not_found");
  });
});

describe("a thing set aside in a which-question", () => {
  it("is no subject of the message, and the answer must name another of its kind", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { readQuestion } = await import("../../src/core/frames/reading.js");
    const { readIntent } = await import("../../src/core/intent.js");
    const ctx = buildContext(knowledge);
    const q = "Which machines besides the Harvester X9 does the report name?";
    expect(readIntent(ctx, q).type).toBe("ask");
    const r = readQuestion(ctx, q, ctx.finder.mentions(q));
    expect(r.aside.map((m) => m.entity.id)).toEqual(["harvester-x9"]);
    expect(r.names).toContain("device");
  });
});

describe("list members set aside", () => {
  it("given a line's member set aside by name or by its number alone, answers with the line's other members", () => {
    for (const q of [
      "Besides the X9, which harvesters of the X-line does the report name?",
      "x-line models listed besides the 9",
    ])
      expect(ask(q).citations[0]?.factId, q).toBe("small-farm-harvesters");
  });
});

describe("group members set aside", () => {
  it("given a group's member set aside, answers with a fact naming the group's other members", () => {
    const r = (q: string) => ask(q).citations[0]?.factId;
    expect(r("Besides Applewood, which of the three big growers does the report name?")).toBe(
      "growers-hectares",
    );
  });
});

describe("a which-question naming two things", () => {
  it("asks for a name, not for the two side by side", () => {
    const card = ask("Which Pearfield machine is the Gleaner 2 compared against?");
    expect(card.kind).toBe("answer");
    expect(card.citations[0]?.factId).toBe("harvester-x9-speed");
  });
});

describe("share frame", () => {
  it("given a share of a thing no fact measures, abstains rather than give a share of something else", () => {
    expect(ask("What share of Southland's apple orchards use machines?").kind).toBe("not_found");
    // Every word of what the share is of counts, not its head alone, in a fact or a quoted sentence.
    expect(ask("What share of the world machinery market does Southland have?").kind).toBe("not_found");
    expect(ask("What share of the world apple market does Southland have?").citations[0]?.factId).toBe(
      "southland-market-share",
    );
  });
});

describe("compounds typed with hyphens", () => {
  it("ranks a fact writing the very compound higher than without the compound", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { readQuestion } = await import("../../src/core/frames/reading.js");
    const { rankFacts } = await import("../../src/core/rank/rank.js");
    const { WEIGHTS } = await import("../../src/core/rank/weights.js");
    const q = "southland-built machines";
    const scoreOf = (compound: number) => {
      const ctx = buildContext(knowledge, undefined, { ...WEIGHTS, compound });
      const r = readQuestion(ctx, q, ctx.finder.mentions(q));
      expect(r.compounds).toEqual(["southland built"]);
      const hits = rankFacts(ctx, r);
      const x9 = hits.find((h) => h.item.id === "harvester-x9-speed")?.score ?? 0;
      const other = hits.find((h) => h.item.id === "machinery-lag")?.score ?? 0;
      return x9 / other;
    };
    expect(scoreOf(WEIGHTS.compound)).toBeCloseTo(scoreOf(1) * WEIGHTS.compound, 5);
  });
});

describe("cue words are the pack's data", () => {
  it("given a pack's own cues.yaml, reads small talk and set-aside words from it, not from code", async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { defaultKnowledgeDir } = await import("../../src/knowledge/load.js");
    const dir = mkdtempSync(join(tmpdir(), "gapbot-cues-"));
    try {
      cpSync(new URL("../fixtures/synthetic-pack", import.meta.url).pathname, dir, { recursive: true });
      const cues = readFileSync(join(defaultKnowledgeDir(), "cues.yaml"), "utf8")
        .replace(/^ {2}greeting:\n(?: {4}- .*\n)+/m, () => "  greeting:\n    - '^ahoy$'\n")
        .replace(/^ {2}aside:\n(?: {4}- .*\n)+/m, () => "  aside:\n    - '\\bleaving out'\n");
      writeFileSync(join(dir, "cues.yaml"), cues);
      const own = createCore({ knowledge: readKnowledge(dir).knowledge });
      expect(own.answer({ text: "ahoy" }).kind).toBe("help");
      expect(own.answer({ text: "hello" }).kind).not.toBe("help");
      const { buildContext } = await import("../../src/core/context.js");
      const { readQuestion } = await import("../../src/core/frames/reading.js");
      const ctx = buildContext(readKnowledge(dir).knowledge);
      const q = "leaving out Applewood, which grower runs the most orchards?";
      expect(readQuestion(ctx, q, ctx.finder.mentions(q)).aside.map((m) => m.entity.id)).toEqual([
        "applewood",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("typos and word starts", () => {
  it("leaves the start of a word the material uses to the search's prefix match, and corrects a real typo", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const ctx = buildContext(knowledge);
    expect(ctx.retriever.correct("harves")).toBeUndefined();
    expect(ctx.retriever.correct("harvets")).toBe("harvest");
    expect(ask("how many crates does the harves machine pick?").citations[0]?.factId).toBe(
      "harvester-x9-speed",
    );
  });
});

describe("typos in a phrase", () => {
  it("reads a misspelt word of a phrase the material folds as the phrase", async () => {
    const { buildContext } = await import("../../src/core/context.js");
    const { fixTypos } = await import("../../src/core/frames/typos.js");
    const ctx = buildContext(knowledge);
    expect(fixTypos(ctx, "crates per hoor")).toBe("crates per hour");
    expect(fixTypos(ctx, "crates per day")).toBe("crates per day");
  });
});

describe("subjects in the ranking", () => {
  it("given a side named only by its word, prefers the figure of that side's subject", () => {
    expect(ask("what is the homegrown share of the world apple market?").citations[0]?.factId).toBe(
      "southland-market-share",
    );
  });

  it("given a measure the material gives only for other subjects, abstains and cites it nearby", () => {
    const card = ask("what is Applewood's share of the world apple market?");
    expect(card.kind).toBe("not_found");
    expect(card.fields.some((f) => f.label.startsWith("Nearby"))).toBe(true);
  });

  it("given a measure the material states only in words, answers in those words", () => {
    expect(ask("how much is Applewood worth?").citations[0]?.factId).toBe("applewood-market-value");
  });
});

describe("the gap between two named things", () => {
  it("given 'the gap/difference between A and B' or 'A和B差距多大', sets the two side by side as /compare does", () => {
    const compared = ask("/compare Applewood vs Pearfield");
    expect(compared.kind).toBe("compare");
    for (const q of [
      "How big is the gap between Applewood and Pearfield?",
      "what's the difference between Applewood and Pearfield",
      "Applewood和Pearfield差距多大？",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("compare");
      expect(card.title, q).toBe(compared.title);
    }
  });
});

describe("both sides asked in one question", () => {
  it("given a topic's measure asked of both sides, states each side's figure, as the topic's pair", () => {
    for (const q of [
      "What is the apple harvest of Northland and Southland?",
      "Northland和Southland的收成分别是多少？",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("gap");
      expect(card.headline, q).toMatch(/Northland 4\.2 million tonnes vs Southland 1\.4 million tonnes/);
    }
  });

  it("given both sides in one compound word, or the pair's own reporter named, still states each side's figure", () => {
    const board = knowledge.entities.find((e) => e.kind === "organisation") as (typeof knowledge.entities)[0];
    const extended = {
      ...knowledge,
      vocabulary: {
        ...knowledge.vocabulary,
        synonyms: { ...knowledge.vocabulary.synonyms, compounds: { 南北: ["southland", "northland"] } },
      },
      facts: knowledge.facts.map((f) =>
        f.id === "northland-apples" || f.id === "southland-apples" ? { ...f, attribution: board.id } : f,
      ),
    };
    const other = createCore({ knowledge: extended });
    for (const q of [
      "南北的收成分别是多少？",
      `What is the apple harvest of Northland and Southland according to ${board.name}?`,
    ]) {
      const card = other.answer({ text: q });
      expect(card.kind, q).toBe("gap");
      expect(card.headline, q).toMatch(/Northland 4\.2 million tonnes vs Southland 1\.4 million tonnes/);
    }
  });

  it("given a year the pair is not dated by, does not offer the pair as that year's figures", () => {
    const card = ask("What was the apple harvest of Northland and Southland in 2019?");
    expect(card.kind).not.toBe("gap");
    expect(card.headline).not.toMatch(/4\.2 million tonnes vs/);
  });
});

describe("a comparison that names its measure", () => {
  it("given a measure the material gives one of the two only, says so and cites what it gives for that one", () => {
    for (const q of [
      "What is the picking speed of the Harvester X7, compared with the X9?",
      "What is the X9's picking speed compared with the X7?",
    ]) {
      const card = ask(q);
      expect(card.kind, q).toBe("not_found");
      expect(card.headline, q).toMatch(/gives Harvester X9 a figure on that .* but not Harvester X7/);
      expect(card.citations[0]?.factId, q).toBe("harvester-x9-speed");
    }
  });

  it("given no measure beside the two names, still sets them side by side", () => {
    expect(ask("How does the X7 compare with the X9?").kind).toBe("compare");
    expect(ask("How does Pearfield compare with Applewood?").kind).toBe("compare");
  });
});

describe("/gap with words beyond any topic", () => {
  it("given a word the material never uses, says the material says nothing of it, whatever topic the rest names", () => {
    const card = ask("/gap quantum harvest");
    expect(card.kind).toBe("not_found");
    expect(card.headline).toContain("“quantum”");
    // A misspelt topic word is still the topic's.
    expect(ask("/gap harvst").kind).toBe("gap");
  });

  it("answers words no topic names only with what holds every one of them", () => {
    expect(ask("/gap packing line").headline).toContain("packing line");
    for (const q of ["/gap packing orchards", "/gap crates grant"]) expect(ask(q).kind, q).toBe("not_found");
  });
});
