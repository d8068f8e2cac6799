// Text normalisation shared by indexing and querying: the same steps on both sides, or nothing matches.

/** NFKC, lower case, straight quotes, plain dashes, no thousands separators, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Spaces, hyphens and underscores are interchangeable in names: "DeepSeek-V4-Pro" = "deepseek v4 pro". */
export function nameKey(text: string): string {
  return normalize(text)
    .replace(/[-_/·・]+/g, " ")
    .replace(/[^\p{L}\p{N}. ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const HAN = /\p{Script=Han}/u;
const HAN_RUN = /(\p{Script=Han}+)/gu;

/** Splits normalised text into Han runs and Latin/digit words ("910b", "4.6", "gb300"). */
export function words(text: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  for (const part of text.split(HAN_RUN)) {
    if (!part) continue;
    if (HAN.test(part)) {
      out.push({ han: true, text: part });
      continue;
    }
    for (const m of part.matchAll(/[\p{L}\p{N}]+(?:\.\p{N}+)*/gu)) out.push({ han: false, text: m[0] });
  }
  return out;
}

/** Plural and possessive endings off, so "GPUs" finds "GPU". Names with digits are left whole. */
export function stem(word: string, keep: ReadonlySet<string> = NO_WORDS): string {
  if (/\d/.test(word) || word.length <= 3 || keep.has(word)) return word;
  const base = stemmed(word);
  // "gives" is "give", a stop word as much as "give" is.
  return STOPWORDS.has(base) ? base : withoutSilentE(base);
}

/**
 * A silent e off the end ("raise" → "rais", "price" → "pric"), as an -ed or -ing ending leaves the word
 * ("raised", "raising" → "rais"): the forms of a verb find each other, and the stem stays the start of the
 * nouns made from it ("calculat" of "calculation"). After c, v, z, a vowel and s, "ir", a consonant and "at"
 * or "in".
 */
function withoutSilentE(word: string): string {
  return word.length >= 4 && /(?:c|v|[^z]z|[aeio]s|ir|[^aeiou]at|[^aeiou]in)e$/.test(word)
    ? word.slice(0, -1)
    : word;
}

function stemmed(word: string): string {
  if (word.endsWith("'s")) return word.slice(0, -2);
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|is)$/.test(word) || LATIN_US.has(word)) return word;
  if (/(ches|shes|xes|sses)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  // Light verb endings, the same on both sides: "buying" finds "buy", "developed" finds "develop".
  if (word.length >= 6 && word.endsWith("ing")) return undouble(word.slice(0, -3));
  // "linearly" finds "linear".
  if (word.length >= 7 && word.endsWith("ly")) return word.slice(0, -2);
  // "exceed", "proceed": the -ed is the word's own.
  if (word.length >= 6 && word.endsWith("ed") && !word.endsWith("eed")) return undouble(word.slice(0, -2));
  return word;
}
/** "hitt" of "hitting" is "hit", "plann" of "planned" is "plan"; "fall" of "falling" stays. */
function undouble(stemmed: string): string {
  return /([bdgmnprt])\1$/.test(stemmed) ? stemmed.slice(0, -1) : stemmed;
}
const NO_WORDS: ReadonlySet<string> = new Set();
const LATIN_US = new Set([
  "bus",
  "status",
  "virus",
  "focus",
  "plus",
  "campus",
  "bonus",
  "corpus",
  "consensus",
  "census",
  "nexus",
  "genus",
]);

/** English words that carry no meaning for retrieval. Question words are dropped here but read by the parser. */
export const STOPWORDS = new Set(
  (
    "a an the of to in on at by for from with and or but not no nor is are was were be been being am do does did " +
    "doing have has had having will would shall should can could may might must it its it's this that these those " +
    "there here what which who whom whose when where why how much many than then so such as into about over under " +
    "i me my we our you your he she they them their his her tell show give say said please any some all each " +
    "just also very more most less least up down out if else get got according per via vs versus compare compared " +
    "between among one's let know want need like current currently today now big large huge find finds think thinks believe believes claim claims report reports mention mentions happen happened happens happening " +
    "says saying view views opinion opinions stance perspective thought thoughts use uses used using " +
    "belong belongs belonging go goes going gone went " +
    // Words about the material, not in it: "which chip is cited", "the article says".
    "cite cites cited citing mentioned article material source sources " +
    // Words that set something aside ("besides OpenBSD, where else…") ask nothing themselves.
    "besides beside except apart aside excluding " +
    // Question words as typed in a hurry, and "list" as in "does the article list…".
    "whch wich wht wat waht hwo whats list against " +
    // How someone put it ("how did Jensen Huang describe the gap") asks what they said: no content.
    "describe describes described describing characterize characterizes characterized portray portrays portrayed " +
    // So does what someone concluded or stated: the verb asks for their words, it is none of them.
    "conclude concludes concluded concluding conclusion conclusions stated " +
    // Words that frame a question ("does the estimate apply to", "is named as"): they ask, they say nothing.
    "apply applies applied named regarding concerning " +
    // Verbs that frame a request ("explain the …", "trying to …", "given the …"): they ask, they name nothing.
    "explain explains explained explaining try tries tried trying given " +
    // So do words asking for some of a list ("name a few of the …", "several"): they ask, they name nothing.
    "name few several " +
    // A finding named as such ("CAISI's verdict on …", "the piece"): the speaker's words are asked, the noun is none.
    "verdict verdicts judgement judgment piece author writer " +
    // Chat shorthand for function words.
    "wth abt pls plz thx"
  ).split(" "),
);
// "us" is absent on purpose: here it is a country, never a pronoun worth dropping.

/** Chinese function words and question particles: not worth a token on their own. */
export const HAN_STOP_CHARS = new Set([
  ..."的是了吗呢吧啊在和与及或有么也都就还又把被给对从向里做要能会可让这那些个一谁哪啥嘛过着很更该得地",
  // Counting words ("多少块GPU", "几颗芯片"): they count, they name nothing.
  ..."块颗枚",
  // "在AI上": a place word after its noun.
  ..."上中内",
]);
export const HAN_STOPWORDS = new Set([
  // Words about the material, not in it ("在文中", "本文"), as "article" is in English.
  "文中",
  "本文",
  "文章",
  "原文",
  "文里",
  "文内",
  "报道",
  // Question words and fillers: they ask, they say nothing about the material.
  "多少钱",
  "多少年",
  "花了",
  "存在",
  "用了",
  "相当于",
  "怎么样",
  "多久",
  "认为",
  "说了",
  "多少",
  "什么",
  "怎么",
  "如何",
  "哪些",
  "哪个",
  "为什么",
  "请问",
  "一下",
  "一个",
  "一些",
  "还是",
  "或者",
  "的话",
  "如果",
  "可以",
  "能够",
  "哪类",
  "哪种",
  "哪款",
  "是否",
  "有没有",
  "是不是",
  "具备",
  "具有",
  "找到",
  "谁说",
  "说的",
  "说过",
  "提到",
  "表示",
  "觉得",
  "这些",
  "那些",
  "什么样",
  "怎样",
  "多大",
  "多高",
  "多快",
  "到底",
  "究竟",
  "大概",
  "大约",
  "左右",
  // When, as a question puts it: the material's own dates are figures, not these.
  "过去",
  "几年",
  "最近",
  "近年",
  "近几年",
  "这几年",
  "现在",
  "当前",
  "目前",
  // and every single function character.
  ...HAN_STOP_CHARS,
]);

/** Edit distance (a swap of neighbours counts as one edit), giving up (max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Optimal string alignment: a swap of two neighbouring letters ("Nvidai") is one edit, as typists make it.
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (before[j - 2] ?? 0) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}
