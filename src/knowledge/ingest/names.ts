// Names in a new source's text, for `gapbot ingest`: the existing entities' names and aliases found in a span,
// and new names (capitalised names, product codes such as 910C, H20E, B30A) proposed as draft entities.
import type { Entity, EntityKind } from "../schema.js";
import { aliasKey } from "../validate.js";

export interface Found {
  id: string;
  start: number;
  end: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Finds every entity's name and aliases in text, longest first, a short all-capital alias ("US") by case. */
export class NameMatcher {
  private readonly loose: RegExp | undefined;
  private readonly exact: RegExp | undefined;
  private readonly owner = new Map<string, string>();

  /**
   * `byCase`: names that are also common words ("Figure" of "Figure AI"), each with its entity's id: found only
   * as written, capitalised, and never before a number ("Figure 3" is a caption).
   */
  constructor(entities: readonly Entity[], byCase: ReadonlyMap<string, string> = new Map()) {
    const loose: string[] = [];
    const exact: string[] = [];
    for (const e of entities) {
      for (const n of [e.name, ...e.aliases]) {
        if (!/[A-Za-z0-9]/.test(n)) continue;
        const key = n.toLowerCase();
        if (this.owner.has(key)) continue;
        this.owner.set(key, e.id);
        // "US", "AI", "IT": as a word in lower case they are something else.
        (n.length <= 3 || /^[A-Z]{2,4}$/.test(n) ? exact : loose).push(n);
      }
    }
    const build = (names: string[], flags: string) =>
      names.length === 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${names
              .sort((a, b) => b.length - a.length)
              .map(escapeRegExp)
              .join("|")})(?=(?:s|'s|’s)?(?![\\p{L}\\p{N}]))`,
            flags,
          );
    this.loose = build(loose, "giu");
    this.exact = build(exact, "gu");
    for (const [name, id] of byCase) this.cased.set(name, id);
    this.byCase =
      byCase.size === 0
        ? undefined
        : new RegExp(
            `(?<![\\p{L}\\p{N}])(?:${[...byCase.keys()].map(escapeRegExp).join("|")})(?=(?:'s|’s)?(?![\\p{L}\\p{N}])(?!\\s+\\d))`,
            "gu",
          );
  }

  private readonly byCase: RegExp | undefined;
  private readonly cased = new Map<string, string>();

  find(text: string): Found[] {
    const out: Found[] = [];
    for (const m of this.byCase ? text.matchAll(this.byCase) : []) {
      const id = this.cased.get(m[0].replace(/(?:'s|’s)$/, ""));
      if (id) out.push({ id, start: m.index, end: m.index + m[0].length });
    }
    for (const re of [this.loose, this.exact]) {
      if (!re) continue;
      for (const m of text.matchAll(re)) {
        const written = m[0].toLowerCase();
        const id = this.owner.get(written) ?? this.owner.get(written.replace(/(?:'s|’s|s)$/, ""));
        if (id) out.push({ id, start: m.index, end: m.index + m[0].length });
      }
    }
    // Longest first: "Ascend 910B" over "Ascend" at the same place.
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out.filter((f, i) => !out.slice(0, i).some((g) => g.start <= f.start && f.end <= g.end));
  }
}

/** Words of a page ("Figure 3", "Source:") that a firm may also take as its name, before a suffix: "Figure AI". */
const COMMON_NOUNS = "source chart figure table note update read subscribe";
const COMMON_NOUN = new Set(COMMON_NOUNS.split(" "));
/** Last words a firm's name ends with: after a common noun or a known name they make a new name ("Figure AI",
 * "Gemini Robotics", "Zhiyuan Robotics"). */
const NAME_SUFFIX = /^(?:AI|Robotics|Labs?|Intelligence|Dynamics|Analytics|Technologies|Systems)$/;
/** The common noun a drafted name opens with ("Figure" of "Figure AI"), which the text may name it by alone. */
export function commonNounOf(name: string): string | undefined {
  const [first, second, ...rest] = name.split(" ");
  return first &&
    second &&
    rest.length === 0 &&
    COMMON_NOUN.has(first.toLowerCase()) &&
    NAME_SUFFIX.test(second)
    ? first
    : undefined;
}
/** Capitalised words that start sentences or describe rather than name. */
const NOT_NAMES = new Set(
  (
    "a an the this that these those there their they them we our us it its he she his her i you your if in on at " +
    "of for to from by with as and or but not no yes so then than when while where which who what why how all any " +
    "each every some many most more much few other another such one two three first second third next last " +
    "today tomorrow yesterday now here also however thus therefore indeed instead meanwhile moreover furthermore " +
    "specifically additionally finally overall still despite although though because since before after during " +
    "without within between above below under over about into onto upon regardless given assuming should could " +
    "would will can may might must do does did is are was were be been being has have had new old " +
    "january february march april may june july august september october november december " +
    "monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter " +
    `${COMMON_NOUNS} series round ` +
    "ai gpu gpus cpu cpus asic asics soc socs flops flop tops ceo cto cfo r&d rl kyc sku skus sota ip ic ics " +
    "dram sram gddr lpddr nand hbm api apis os llm llms faq pr etc ok phd phds"
  ).split(" "),
);
/** Words that make a capitalised word an adjective of a place or people, not a name. */
const DEMONYM = /^(?:[A-Z][a-z]+(?:ese|ian|ean|ish|ic|an|i|ern))$/;
/**
 * A word shaped like a demonym is one unless the text makes it own something: "Meridian's lab" is a name. One
 * ending in "i" ("Israeli", but "Gemini", "Lingxi") is one only before a lower-case word: "Gemini Robotics",
 * "Gemini 2.5 Pro" and "Lingxi Dynamics" are names.
 */
const demonym = (word: string, owners: ReadonlySet<string>, next?: string) =>
  DEMONYM.test(word) &&
  !owners.has(word) &&
  !(/i$/.test(word) && next !== undefined && /^[\p{Lu}\d]/u.test(next));

/** The capitalised words the text writes with a possessive "'s" ("Shenlan's founder"): names, not adjectives. */
export function possessiveWords(paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paragraphs)
    for (const m of p.matchAll(/\b(\p{Lu}\p{Ll}+)['’]s\b/gu)) if (m[1]) out.add(m[1]);
  return out;
}
/** "TPUs", "OSATs", "GPUs": a plural of an acronym is a common noun. */
const PLURAL_ACRONYM = /^[A-Z]{2,}s$/;

const TITLES =
  /\b(?:Secretary|Minister|President|CEO|Chairman|Chairwoman|founder|analyst|Senator|Director|Governor|Commissioner)\s+(?:of\s+\w+\s+)?$/;
/** A word of a person's name: "Gao", "Vasquez-Roth". */
const PERSON_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** "…," said Gao Yifan: a verb of saying just before a name. */
const SAID_BEFORE = /\b(?:said|says|told|added|asked|according to)\s+$/;
const SAYS_AFTER = /^\s*(?:says|said|told|argues|argued|wrote|notes|noted|claims|claimed)\b/;
export const COMPANY_WORDS =
  /\b(?:Inc|Corp|Robotics|Intelligence|Dynamics|Analytics|Corporation|Co|Ltd|Group|Electronics|Technologies|Technology|Materials|Research|Semiconductor|Semiconductors|Labs|Systems|Networks|Holdings|Capital|Partners|Micro|Memory)\.?$/;
export const ORGANISATION_WORDS =
  /\b(?:Bureau|Department|Ministry|Agency|Commission|Administration|Office|Council|Institute|University|Academy|Association|Committee|Parliament|Congress|Senate|Government|Party)\b/;
const CHIP_CONTEXT =
  /\b(?:chips?|GPUs?|ASICs?|accelerators?|dies?|processors?|SoCs?|CPUs?|packages?|wafers?|cards?|silicon)\b/i;
const MODEL_CONTEXT = /\b(?:models?|LLMs?|chatbots?|multimodal|reasoning|open-?source|open-?weights?)\b/i;
/** "based in Sunnyvale, California", "Apptronik of Austin, Texas": the place a place is in. */
const PLACE_AFTER_PLACE = /\b(?:in|of|from|near|outside)\s+\p{Lu}\p{Ll}+,\s+$/u;
const PLACE_BEFORE = /\b(?:in|into|to|from|across|throughout|within|outside|near)\s+(?:the\s+)?$/i;
/** "Dana Whitfield, GridScope's head of research", "Marcus Delgado, chief executive of…": a person's role after the name. */
const ROLE_AFTER =
  /^,\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’&.-]+\s+){0,4}?(?:chief|head|director|analyst|economist|founder|co-founder|president|chair|chairman|chairwoman|professor|researcher|engineer|partner|CEO|CTO|CFO|COO|spokesman|spokeswoman|spokesperson|minister|secretary|senator|governor|manager|executive|officer|fellow|adviser|advisor|strategist|scientist)\b/iu;
/** "A power-purchase agreement, or PPA,": the words spelled out before an acronym they define. */
const SPELLED_BEFORE = /(?:^|[\s(])((?:[\p{L}-]+\s+){0,4}[\p{L}-]+),?\s+or\s+$/u;
const SPELLED_AFTER = /^,\s+or\s+((?:[\p{Ll}-]+\s+){0,4}[\p{Ll}-]+),/u;
/** Unit symbols after a number ("45 GW", "210 TWh"): what is counted, never a name. */
const UNIT_AFTER_NUMBER = /^(?:[kKMGTPE]?(?:W|Wh|VA|V|Hz|bps|B|J)|kWh|MWh|GWh|TWh|km|kg|ms|kV)$/;

/** Quarters, halves, sizes, ordinals, decades, multiples and scaled numbers: codes that name nothing. */
const NOT_A_CODE =
  /^(?:\d+(?:\.\d+)?(?:[-–]\d+(?:\.\d+)?)?(?:nm|st|nd|rd|th|s|x|k|K|M|B|T|bn|mn|tn|GB|TB|MB|kB|W|kW|MW|GW|TW|Wh|kWh|MWh|GWh|GHz|MHz|Gbps|Tbps|mm|cm|km|kg|ms|ns|us|V|A|h|D|d|m)|Q[1-4]|[1-4]Q|H[12]|[12]H|FY\d+|CY\d+|\d{4}s)$/;

export interface NewName {
  name: string;
  aliases: string[];
  kind: EntityKind;
  country?: string;
  vendor?: string;
  /** Where it was first seen (paragraph, offset), for the draft's note. */
  paragraph: number;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

const words = (text: string): Token[] =>
  [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&'’.:-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)].map((m) => ({
    text: m[0].replace(/['’]s$/, ""),
    start: m.index,
    end: m.index + m[0].replace(/['’]s$/, "").length,
  }));

const isCode = (w: string) =>
  /\d/.test(w) &&
  /\p{L}/u.test(w) &&
  !NOT_A_CODE.test(w) &&
  /^[\p{L}\p{N}][\p{L}\p{N}-]*$/u.test(w) &&
  // "1-month", "7nm-class", "HBM-based": a word with a number, not a code; "mid-2025" is a date.
  !/-\p{Ll}{3,}/u.test(w) &&
  !/^(?:mid|early|late|end|pre|post)-\d{4}s?$/i.test(w);

/** A line without a full stop that is short: a heading or a caption, whose capitals name nothing. */
export const isHeading = (line: string) => line.length < 90 && !/[.!?:]["”’)]?\s*$/.test(line.trim());
const isCapital = (w: string) => /^\p{Lu}/u.test(w);
/** SiCarrier, KunPeng, CXMT: a name wherever it stands. */
const namey = (w: string) => /^\p{Lu}/u.test(w) && (/\p{Lu}/u.test(w.slice(1)) || /\d/.test(w));

/**
 * The new names of one paragraph. A capitalised word opening a sentence is a name only when the text also
 * writes it capitalised elsewhere (`capitalisedElsewhere`); "The", "Specifically", months and generic
 * acronyms never are.
 */
export function newNamesIn(
  paragraph: string,
  index: number,
  known: NameMatcher,
  entityById: ReadonlyMap<string, Entity>,
  capitalisedElsewhere: ReadonlySet<string>,
  owners: ReadonlySet<string> = new Set(),
): NewName[] {
  const taken = known.find(paragraph);
  const inKnown = (t: Token) => taken.some((f) => f.start <= t.start && t.end <= f.end);
  const tokens = words(paragraph);
  const out: NewName[] = [];
  const sentenceStart = (t: Token) =>
    /(?:^|[.!?:]\s*)$/.test(
      paragraph.slice(Math.max(0, t.start - 3), t.start).trimEnd() + (t.start === 0 ? "" : " "),
    ) || t.start === 0;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const lower = t.text.toLowerCase();
    const bare = t.text.replace(/s$/, "");
    if (inKnown(t)) {
      const next = tokens[i + 1];
      // A known name with a firm's last word after it is another name: "Zhiyuan Robotics" is not the
      // Zhiyuan the knowledge has, nor "Gemini Robotics 1.5" its Gemini. A version number after it is its own.
      const owner = taken.find((f) => f.start <= t.start && t.end <= f.end);
      // "Chinese AI", "US Robotics" describe a country's industry: a country's name takes no firm's last word.
      if (
        next &&
        owner &&
        entityById.get(owner.id)?.kind !== "country" &&
        owner.end === t.end &&
        paragraph.slice(t.end, next.start) === " " &&
        NAME_SUFFIX.test(next.text) &&
        !inKnown(next)
      ) {
        const version = tokens[i + 2];
        const versioned =
          version !== undefined &&
          paragraph.slice(next.end, version.start) === " " &&
          /^\d{1,2}(?:\.\d{1,2})?$/.test(version.text) &&
          !/^\s*(?:%|percent|billion|million|trillion|bn|mn|tn)\b/i.test(paragraph.slice(version.end));
        const series = entityById.get(owner.id);
        const end = versioned ? version.end : next.end;
        out.push({
          name: paragraph.slice(owner.start, end),
          aliases: [],
          kind:
            series && ["chip", "model", "product", "device"].includes(series.kind) ? series.kind : "company",
          paragraph: index,
        });
        i += versioned ? 3 : 2;
        continue;
      }
      // A known series followed by a new code: "Ascend 910C" is a new member of a known line.
      if (next && isCode(next.text.replace(/s$/, "")) && !inKnown(next) && next.start - t.end === 1) {
        const owner = taken.find((f) => f.start <= t.start && t.end <= f.end);
        const series = owner ? entityById.get(owner.id) : undefined;
        const code = next.text.replace(/(?<=\d[A-Z]?)s$/, "");
        const kind: EntityKind =
          series && ["chip", "model", "product", "device"].includes(series.kind) ? series.kind : "product";
        out.push({
          name: `${series?.name ?? t.text} ${code}`,
          aliases: [`${t.text} ${code}`, code].filter(
            (a, k, all) => all.indexOf(a) === k && a !== `${series?.name} ${code}`,
          ),
          kind,
          ...(series?.country ? { country: series.country } : {}),
          ...(series?.vendor
            ? { vendor: series.vendor }
            : series && ["company"].includes(series.kind)
              ? { vendor: series.id }
              : {}),
          paragraph: index,
        });
        i += 2;
        continue;
      }
      i++;
      continue;
    }
    // A word right after a number is what it counts ("257k WPM"), not a name.
    const prev = tokens[i - 1];
    // A year before a capitalised word dates it ("In March 2025 Liu Chen left"): it counts nothing.
    const yearBefore = prev !== undefined && /^(?:19|20)\d\d$/.test(prev.text) && isCapital(t.text);
    if (
      prev &&
      !yearBefore &&
      /^\$?\d[\d,.–-]*[kKMB]?$/.test(prev.text) &&
      t.start - prev.end === 1 &&
      (!isCode(t.text) || UNIT_AFTER_NUMBER.test(t.text))
    ) {
      i++;
      continue;
    }
    if (UNIT_AFTER_NUMBER.test(t.text) && /\d\s*$/.test(paragraph.slice(0, t.start))) {
      i++;
      continue;
    }
    if (isCode(bare) || isCode(t.text)) {
      const code = isCode(t.text) && !/\d[A-Z]?s$/.test(t.text) ? t.text : bare;
      const around = paragraph.slice(Math.max(0, t.start - 80), t.end + 80);
      // "GB200 NVL72": codes written one after another name one product.
      let j = i;
      while (
        tokens[j + 1] !== undefined &&
        isCode((tokens[j + 1] as Token).text) &&
        !inKnown(tokens[j + 1] as Token) &&
        paragraph.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start) === " "
      )
        j++;
      out.push({
        name: j > i ? paragraph.slice(t.start, (tokens[j] as Token).end) : code,
        aliases: [],
        kind: CHIP_CONTEXT.test(around) ? "chip" : MODEL_CONTEXT.test(around) ? "model" : "product",
        paragraph: index,
      });
      i = j + 1;
      continue;
    }
    const following = tokens[i + 1];
    const nextWord =
      following && paragraph.slice(t.end, following.start) === " " ? following.text : undefined;
    // "Figure AI": a common noun before a firm's last word is a name.
    const commonNounName = COMMON_NOUN.has(lower) && nextWord !== undefined && NAME_SUFFIX.test(nextWord);
    // "Leaderdrive (绿的谐波, …)": a word opening a sentence with its Chinese name in brackets after it is a name.
    const chineseAfter = /^\s*\([^()]*\p{Script=Han}/u.test(paragraph.slice(t.end));
    const capital =
      isCapital(t.text) &&
      (!NOT_NAMES.has(lower) || commonNounName) &&
      !demonym(t.text, owners, nextWord) &&
      !PLURAL_ACRONYM.test(t.text) &&
      !/-\p{Ll}{3,}/u.test(t.text);
    const heading = isHeading(paragraph);
    // "Mara Quell, the firm's head of research, said…": a first name opening a sentence, before a surname
    // and a role or a verb of saying, begins a person's name.
    const next = tokens[i + 1];
    const personAhead =
      next !== undefined &&
      paragraph.slice(t.end, next.start) === " " &&
      /^\p{Lu}\p{Ll}+$/u.test(t.text) &&
      PERSON_WORD.test(next.text) &&
      !NOT_NAMES.has(next.text.toLowerCase()) &&
      (ROLE_AFTER.test(paragraph.slice(next.end)) || SAYS_AFTER.test(paragraph.slice(next.end)));
    const acceptable =
      capital &&
      (namey(t.text) ||
        (!heading &&
          (!sentenceStart(t) ||
            capitalisedElsewhere.has(t.text) ||
            personAhead ||
            commonNounName ||
            chineseAfter)));
    if (!acceptable) {
      i++;
      continue;
    }
    // Join the run of capitalised words ("Bureau of Industry and Security", "Howard Lutnick", "RTX PRO 6000").
    let j = i;
    const run: Token[] = [t];
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1] as Token;
      const gap = paragraph.slice((tokens[j] as Token).end, next.start);
      if (gap !== " ") break;
      // "Bureau of Industry and Security": "and" joins only inside a name that "of" began; "MediaTek and
      // Qualcomm" are two.
      // "National Development and Reform Commission": "and" joins too where the words after it end a body's name.
      const bodyAfter = /^\s+((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)/u.exec(
        paragraph.slice(next.end),
      )?.[1];
      // "Apptronik of Austin": a firm the text names alone elsewhere is not named "of" its town.
      const firmOfPlace =
        next.text === "of" &&
        run.length === 1 &&
        capitalisedElsewhere.has(t.text) &&
        !ORGANISATION_WORDS.test(t.text) &&
        !COMPANY_WORDS.test(t.text) &&
        !/^(?:Bank|Board|Court|Society|Federation|Union|Fund|School|College|Center|Centre|Secretary|Minister|Director|Commissioner|Governor|Chairman|Chairwoman|President)$/.test(
          t.text,
        );
      const joinWord =
        (/^(?:of|for|de|la|von|van)$/.test(next.text) && !firmOfPlace) ||
        (next.text === "and" &&
          (run.some((r) => /^(?:of|for)$/.test(r.text)) ||
            (bodyAfter !== undefined && ORGANISATION_WORDS.test(bodyAfter.split(/\s+/).pop() ?? ""))));
      const after = tokens[j + 2];
      if (
        joinWord &&
        after &&
        isCapital(after.text) &&
        !NOT_NAMES.has(after.text.toLowerCase()) &&
        paragraph.slice(next.end, after.start) === " "
      ) {
        run.push(next, after);
        j += 2;
        continue;
      }
      // "Gemini Robotics 1.5": a version number after a name is part of it; "1.5 billion" is an amount.
      const numberAfterName =
        (/^\d{1,4}[A-Za-z]?$/.test(next.text) ||
          (/^\d{1,2}\.\d{1,2}$/.test(next.text) &&
            !/^\s*(?:%|percent|per|billion|million|trillion|thousand|bn|mn|tn)\b/i.test(
              paragraph.slice(next.end),
            ))) &&
        !/^(?:19|20)\d\d$/.test(next.text);
      // "said Gao Yifan,", "Priya Natarajan, head of…": a surname shaped like a demonym ("-an") after a
      // first name, where the words around make them a person.
      const surname =
        run.length === 1 &&
        PERSON_WORD.test(t.text) &&
        PERSON_WORD.test(next.text) &&
        (SAID_BEFORE.test(paragraph.slice(Math.max(0, t.start - 30), t.start)) ||
          ROLE_AFTER.test(paragraph.slice(next.end)) ||
          SAYS_AFTER.test(paragraph.slice(next.end)));
      const afterNext = tokens[j + 2];
      const nextNext =
        afterNext && paragraph.slice(next.end, afterNext.start) === " " ? afterNext.text : undefined;
      // "Figure AI": a firm's last word after a common noun opening the name joins it, though alone it names nothing.
      const suffixOfCommon = run.length === 1 && commonNounName && NAME_SUFFIX.test(next.text);
      if (
        suffixOfCommon ||
        (isCapital(next.text) &&
          !NOT_NAMES.has(next.text.toLowerCase()) &&
          (surname || !demonym(next.text, owners, nextNext)) &&
          !PLURAL_ACRONYM.test(next.text) &&
          !NOT_A_CODE.test(next.text) &&
          !/-\p{Ll}{3,}/u.test(next.text) &&
          !inKnown(next)) ||
        numberAfterName
      ) {
        run.push(next);
        j++;
        continue;
      }
      break;
    }
    // "Secretary of Commerce Howard Lutnick": after a title "of" a department, the last two words are the person.
    const titled =
      run.length >= 3 &&
      /\b(?:Secretary|Minister|Director|Commissioner|Governor|Chairman|Chairwoman|President)\s+of\s+$/.test(
        paragraph.slice(Math.max(0, t.start - 30), t.start),
      ) &&
      run.slice(-2).every((r) => /^\p{Lu}\p{Ll}+$/u.test(r.text));
    if (titled) run.splice(0, run.length - 2);
    const name = paragraph.slice(run[0]?.start ?? 0, run[run.length - 1]?.end ?? 0).replace(/[.:]+$/, "");
    // "Bureau of Industry and Security (BIS)": the letters in brackets are its short name. "Shenlan AI
    // (深蓝智能)", "Young Star" (少年星): the name in Chinese, in brackets after it, is the same one. A bracket may
    // give several, one after another ("(国家发改委, NDRC)", "(宇树科技, Yushu Technology)"): each Chinese name and
    // each short name in capitals is the same one; a spelled-out romanisation is left to be read as it comes.
    const bracketed = /^["”’]?\s*(?:[\p{L}]+\s+)?\(([^()]{2,60})\)/u.exec(
      paragraph.slice(run[run.length - 1]?.end ?? 0),
    )?.[1];
    const parts = (bracketed ?? "").split(/\s*[,，;；、]\s*/u);
    // "(…, also romanised as Zhiyuan Robotics)", "(…, also written Lüdi Xiebo)": the other spelling it says it has.
    const spelledAlso = parts.flatMap((part) => {
      const other =
        /^(?:also\s+)?(?:romani[sz]ed|written|spelled|spelt|known|rendered)(?:\s+as)?\s+(\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*){0,3})$/u.exec(
          part,
        )?.[1];
      return other ? [other] : [];
    });
    const aliases = parts
      .filter((part) => /^\p{Script=Han}{2,12}$/u.test(part) || /^[A-Z][A-Za-z0-9&]{1,9}$/.test(part))
      // Short names only where the bracket follows the name directly ("BIS"), not after a word between.
      .filter(
        (part) =>
          /\p{Script=Han}/u.test(part) || /^\s*\(/.test(paragraph.slice(run[run.length - 1]?.end ?? 0)),
      )
      .concat(spelledAlso);
    // "国家发改委" is written "发改委" as often: a Chinese name opening on "the nation's" is known without it.
    for (const a of [...aliases]) {
      const short = /^(?:国家|中国)(\p{Script=Han}{3,})$/u.exec(a)?.[1];
      if (short && !aliases.includes(short)) aliases.push(short);
    }
    // "A power-purchase agreement, or PPA, is…": an acronym the text spells out is a term, known by both.
    // So is one it spells out after itself: "PUE, or power usage effectiveness, is…".
    const acronym = run.length === 1 && /^[A-Z]{2,6}$/.test(name);
    const spelled = acronym
      ? (SPELLED_BEFORE.exec(paragraph.slice(Math.max(0, t.start - 60), t.start))?.[1] ??
        SPELLED_AFTER.exec(paragraph.slice(t.end))?.[1])
      : undefined;
    if (spelled && !/^\p{Lu}/u.test(spelled.split(/\s+/).pop() ?? "")) {
      const phrase = spelled.replace(/^(?:a|an|the)\s+/i, "");
      out.push({ name, aliases: [phrase], kind: "product", paragraph: index });
      i = j + 1;
      continue;
    }
    const before = paragraph.slice(Math.max(0, (run[0]?.start ?? t.start) - 40), run[0]?.start ?? t.start);
    const after = paragraph.slice(run[run.length - 1]?.end ?? 0);
    const titleCase = run.length === 2 && run.every((r) => PERSON_WORD.test(r.text));
    let kind: EntityKind = "organisation";
    if (/\d/.test(name))
      kind = CHIP_CONTEXT.test(paragraph) ? "chip" : MODEL_CONTEXT.test(paragraph) ? "model" : "product";
    else if (
      titleCase &&
      !COMPANY_WORDS.test(name) &&
      !ORGANISATION_WORDS.test(name) &&
      (titled ||
        TITLES.test(before) ||
        SAID_BEFORE.test(before) ||
        SAYS_AFTER.test(after) ||
        ROLE_AFTER.test(after))
    )
      kind = "person";
    else if (COMPANY_WORDS.test(name)) kind = "company";
    else if (ORGANISATION_WORDS.test(name)) kind = "organisation";
    else if (
      run.length <= 2 &&
      (PLACE_BEFORE.test(before) ||
        PLACE_AFTER_PLACE.test(before) ||
        // "Apptronik of Austin, Texas,": a town with its state after it.
        (/\b(?:of|in|from|near)\s+$/.test(before) &&
          /^,\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,/u.test(after))) &&
      run.every((r) => /^\p{Lu}\p{Ll}+$/u.test(r.text)) &&
      !SAYS_AFTER.test(after)
    )
      kind = "country";
    else kind = "company";
    if (name.length >= 2) out.push({ name, aliases, kind, paragraph: index });
    i = j + 1;
  }
  return out;
}

/** Words written capitalised somewhere other than at the start of a sentence. */
export function capitalisedMidSentence(paragraphs: readonly string[]): Set<string> {
  const out = new Set<string>();
  // Prose only: a heading capitalises every word.
  for (const p of paragraphs.filter((p) => !isHeading(p)))
    for (const m of p.matchAll(/(?<=[\p{L}\p{N},;)] )(\p{Lu}[\p{L}\p{N}]*)/gu)) if (m[1]) out.add(m[1]);
  return out;
}

/** Merges the names found across paragraphs into entities: one per name key, aliases unique and unclaimed. */
export function draftEntities(
  found: readonly NewName[],
  existing: readonly Entity[],
  idTaken: (id: string) => boolean,
): Entity[] {
  const known = new Set(existing.flatMap((e) => [e.name, ...e.aliases].map(aliasKey)));
  const byKey = new Map<string, Entity>();
  const out: Entity[] = [];
  // A guess from the word alone ("company") gives way to one from the context (a title, "in", a chip nearby).
  const weak = (kind: EntityKind) => kind === "company" || kind === "product";
  for (const n of found) {
    const names = [n.name, ...n.aliases].filter((a) => {
      const k = aliasKey(a);
      return k && !known.has(k);
    });
    if (names[0] !== n.name) continue;
    const seen = names.map((a) => byKey.get(aliasKey(a))).find(Boolean);
    if (seen) {
      // One thing written two ways ("910C", "Huawei Ascend 910C"): the longer is the name, the other an alias.
      if (n.name.length > seen.name.length && aliasKey(n.name).endsWith(aliasKey(seen.name))) {
        seen.aliases = [seen.name, ...seen.aliases];
        seen.name = n.name;
      }
      for (const a of names)
        if (!byKey.has(aliasKey(a)) && aliasKey(a) !== aliasKey(seen.name)) {
          seen.aliases.push(a);
          byKey.set(aliasKey(a), seen);
        }
      byKey.set(aliasKey(seen.name), seen);
      seen.aliases = seen.aliases.filter(
        (a, i, all) => aliasKey(a) !== aliasKey(seen.name) && all.indexOf(a) === i,
      );
      if (weak(seen.kind) && !weak(n.kind)) seen.kind = n.kind;
      if (!seen.vendor && n.vendor) seen.vendor = n.vendor;
      if (!seen.country && n.country && /^[A-Z]{2}$/.test(n.country)) seen.country = n.country;
      continue;
    }
    let id = slug(n.name);
    for (let k = 2; idTaken(id) || out.some((e) => e.id === id); k++) id = `${slug(n.name)}-${k}`;
    const entity: Entity = {
      id,
      kind: n.kind,
      name: n.name,
      aliases: names.slice(1).filter((a, i, all) => aliasKey(a) !== aliasKey(n.name) && all.indexOf(a) === i),
      ...(n.country && /^[A-Z]{2}$/.test(n.country) ? { country: n.country } : {}),
      ...(n.vendor ? { vendor: n.vendor } : {}),
      related: [],
      members: [],
      draft: true,
    };
    for (const a of names) byKey.set(aliasKey(a), entity);
    out.push(entity);
  }
  // The id follows the name the entity ended with.
  for (const e of out) {
    const want = slug(e.name);
    if (e.id !== want && !idTaken(want) && !out.some((o) => o.id === want)) e.id = want;
  }
  return out;
}

export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return (s || "x").slice(0, 48).replace(/-+$/, "");
}
