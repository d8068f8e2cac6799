// Words that mean the same thing here, folded to one canonical term at index and query time alike.
// Phrases are folded before tokenising; single words after stemming. Entity names are not here:
// they come from knowledge/entities (aliases), which the tokenizer also learns.

/** Multi-word phrases → one canonical word. Keys are normalised (lower case, single spaces). */
export const PHRASES: [RegExp, string][] = [
  [
    /\bcomputing powers?\b|\bcomputational power\b|\bcompute power\b|\bcompute capacity\b|\bcomputing capacity\b/g,
    "compute",
  ],
  [/\bcapital expenditures?\b|\bcapital spending\b|\bcapital investment\b/g, "capex"],
  [/\bunited states(?: of america)?\b|\bu\.s\.a?\.?(?=\s|$)|\bthe states\b/g, " us "],
  [/\bdata cent(?:er|re)s?\b|\bdatacent(?:er|re)s?\b/g, "datacenter"],
  [/\bgraphics cards?\b|\bgraphics processors?\b|\bai accelerators?\b/g, "gpu"],
  [/\bmarket shares?\b/g, "marketshare"],
  [
    /\bhow far behind\b|\bhow far ahead\b|\bhow long behind\b|\bbehind by\b|\blags? behind\b|\blagging behind\b|\btime behind\b/g,
    "lag",
  ],
  [/\bopen[- ]source\b/g, "opensource"],
  // "A 1T model", "the 10T frontier": parameter counts in shorthand (not "800T", a device's name).
  [/\b(\d{1,2}(?:\.\d+)?) ?t\b/g, "$1 trillion"],
  // "Holds up as a model for China": an example, not an AI model.
  [/\bas an? (?:model|example|template|blueprint|lesson) (?:for|to)\b/g, " example "],
  // "$725B", "$1.1T": sums as the material writes them ("725 billion").
  [/\$ ?(\d+(?:\.\d+)?) ?(?:bn|b)\b/g, "$1 billion"],
  [/\$ ?(\d+(?:\.\d+)?) ?(?:tn|t)\b/g, "$1 trillion"],
  [/\$ ?(\d+(?:\.\d+)?) ?(?:mn|m)\b/g, "$1 million"],
  // "How far (China is) behind": "far" asks how much; "behind" says what.
  [/\bhow far\b/g, " "],
  [/\by(?:o|\/)y\b/g, "year on year"],
  [
    /\bon (?:a )?par(?: with| wth| w\/)?\b|\bcomparable (?:to|with)\b|\bequivalent to\b|\bas good as\b/g,
    " comparable ",
  ],
  [/\bproduct lines?\b|\bproduct famil(?:y|ies)\b|\bline-?ups?\b/g, "series"],
  // A stock's price is about the stock, not about what a chip costs.
  [/\b(?:stock|share) prices?\b|\bmarket (?:value|capitali[sz]ation|cap)\b/g, "stock"],
  // "Listed as substitutes" names them; "listed in Shanghai" is a listing.
  [/\blisted (?:as|among)\b/g, " "],
  [/\b(?:came|come|comes|coming) (?:out|up|along)\b|\bsprang up\b|\bsprung up\b/g, "emerge"],
  [/\b(?:went|go|goes|going|gone) public\b|\binitial public offerings?\b|\bfloat(?:ed|ing)? on\b/g, "ipo"],
];

/** One word → canonical word (after stemming). Chinese words are matched as whole tokens. */
const GROUPS: string[][] = [
  ["compute", "eflop", "eflops", "flops", "算力", "计算能力", "算力规模"],
  [
    "capex",
    "spending",
    "spend",
    "spent",
    "investment",
    "invest",
    "invested",
    "investing",
    "expenditure",
    "资本开支",
    "资本支出",
    "投资",
    "开支",
  ],
  ["us", "usa", "america", "american", "americans", "美国", "美方"],
  ["china", "chinese", "prc", "domestic", "domestically", "中国", "国产", "国内", "中方"],
  [
    "gpu",
    "chip",
    "card",
    "accelerator",
    "processor",
    "semiconductor",
    "芯片",
    "显卡",
    "gpu芯片",
    "算力卡",
    "卡",
    "半导体",
  ],
  ["model", "llm", "模型", "大模型"],
  ["parameter", "param", "参数", "参数量"],
  ["lag", "behind", "trail", "trailing", "落后", "领先", "lead", "leading", "ahead"],
  ["developer", "dev", "programmer", "开发者"],
  ["datacenter", "数据中心"],
  ["inference", "reasoning", "推理"],
  ["train", "training", "trained", "训练", "pretraining"],
  ["ecosystem", "ecology", "ecological", "生态", "软件生态"],
  ["marketshare", "share", "portion", "proportion", "fraction", "份额", "占比", "市场份额", "市占率"],
  ["market", "市场"],
  ["cost", "price", "costs", "expensive", "成本", "花费", "价格", "费用"],
  ["gap", "difference", "差距", "鸿沟", "differ"],
  ["ban", "restriction", "restrict", "sanction", "embargo", "export", "禁令", "限制", "出口管制", "管制"],
  ["deploy", "deployment", "deployed", "部署"],
  ["token", "tokens", "词元"],
  ["ipo", "ipos", "listing", "listings", "listed", "上市"],
  ["cluster", "集群", "超算"],
  ["performance", "perform", "powerful", "strong", "stronger", "fast", "faster", "speed", "性能", "强"],
  ["trillion", "万亿"],
  ["billion", "亿"],
  ["month", "月", "个月", "月份"],
  ["percent", "percentage", "百分比", "百分之"],
  ["benchmark", "benchmarks", "benchmarked", "measure", "measured", "measuring", "yardstick", "基准"],
  ["need", "needs", "needed", "require", "requires", "required", "requirement", "requirements", "需要"],
  // Everyday verbs a question uses in Chinese as often as in English.
  [
    "collaborate",
    "collaborated",
    "collaborates",
    "collaborating",
    "collaboration",
    "partner",
    "partners",
    "partnered",
    "partnering",
    "partnership",
    "cooperate",
    "cooperated",
    "cooperation",
    "合作",
    "联合",
  ],
  ["plan", "intend", "计划", "打算", "规划"],
  ["buy", "purchase", "procure", "procurement", "order", "采购", "购买", "订购"],
  [
    "substitute",
    "substitutes",
    "substitution",
    "substituting",
    "replacement",
    "replacements",
    "替代",
    "国产替代",
  ],
  ["emerge", "emerged", "emerging", "emergence", "涌现"],
  ["vulnerability", "vuln", "vulns", "bug", "bugs", "flaw", "flaws", "exploit", "exploits"],
  ["stable", "stability", "stably", "稳定", "稳定性"],
  ["outperform", "outperforms", "outperformed", "beat", "beats", "outdo", "outdoes", "胜过", "优于"],
  ["praise", "praised", "praises", "praising", "compliment", "laud", "称赞", "赞扬", "夸赞", "评价"],
];

export const SYNONYMS: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap((group) => group.map((w) => [w, group[0] as string] as const)),
);

/** Chinese words the tokenizer must keep whole (ICU splits some of them apart). */
export const HAN_TERMS: readonly string[] = GROUPS.flat().filter((w) => /\p{Script=Han}/u.test(w));

/** Chinese compounds that stand for two canonical words at once. */
export const HAN_COMPOUNDS: ReadonlyMap<string, string[]> = new Map([
  ["中美", ["china", "us"]],
  ["美中", ["us", "china"]],
]);

/** "What multiple…", "how many times larger…": words asking for the gap as a ratio, of any topic. */
export const RATIO_WORDS: ReadonlySet<string> = new Set([
  "multiple",
  "time",
  "ratio",
  "roughly",
  "rough",
  "approximately",
  "approximate",
  "larger",
  "bigger",
  "greater",
  "倍",
]);
