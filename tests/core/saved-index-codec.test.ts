// The saved index's codec and narrowing reach into MiniSearch's private fields: these check, against real
// MiniSearch indexes, that what they make is what MiniSearch itself makes, by toJSON and by every search.
import MiniSearch, { type Options } from "minisearch";
import { describe, expect, it } from "vitest";
import { decodeIndex, encodeIndex, narrowIndex } from "../../src/core/saved-index.js";

interface Doc {
  id: string;
  source: string;
  title: string;
  text: string;
}

const options: Options<Doc> = { fields: ["title", "text"], storeFields: ["source"] };

const docs: Doc[] = [
  { id: "a1", source: "a", title: "Ascend chips", text: "Huawei ships the Ascend 910C in volume" },
  { id: "b1", source: "b", title: "HBM supply", text: "HBM stacks are the bottleneck for Ascend packages" },
  { id: "a2", source: "a", title: "Compute", text: "The United States holds most of the world's compute" },
  {
    id: "b2",
    source: "b",
    title: "Die banks",
    text: "TSMC dies banked before the controls feed Ascend output",
  },
  { id: "a3", source: "a", title: "", text: "Nvidia H20 sales resumed" },
];

const QUERIES = ["ascend", "hbm bottleneck", "compute", "tsmc dies", "nvidia", "asc", "volume output"];

const built = (list: Doc[]) => {
  const index = new MiniSearch<Doc>(options);
  index.addAll(list);
  return index;
};

/** Results as ids and scores, in order: what a caller of search sees. */
const results = (index: MiniSearch<Doc>) =>
  QUERIES.map((q) => index.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => [r.id, r.score, r.source]));

/** toJSON with MiniSearch's short ids replaced by document ids, which narrowing keeps while a rebuild renumbers. */
function byId(index: MiniSearch<Doc>) {
  const js = index.toJSON();
  const id = (short: string) => js.documentIds[short];
  const keyed = <T>(o: Record<string, T>) =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [id(k), v]));
  return {
    documentCount: js.documentCount,
    fieldIds: js.fieldIds,
    averageFieldLength: js.averageFieldLength,
    documentIds: Object.values(js.documentIds),
    fieldLength: keyed(js.fieldLength),
    storedFields: keyed(js.storedFields),
    index: Object.fromEntries(
      js.index.map(([term, fields]) => [
        term,
        Object.fromEntries(Object.entries(fields).map(([f, ds]) => [f, keyed(ds as Record<string, number>)])),
      ]),
    ),
  };
}

describe("the saved index codec", () => {
  it("decodes to the index MiniSearch's own loader makes from its toJSON, searching as the one it made", () => {
    const whole = built(docs);
    const decoded = decodeIndex(encodeIndex(whole), options);
    expect(results(decoded)).toEqual(results(whole));
    // Terms come back in the order toJSON lists them, as MiniSearch.loadJS puts them back.
    expect(decoded.toJSON()).toEqual(MiniSearch.loadJS(whole.toJSON(), options).toJSON());
    expect(byId(decoded)).toEqual(byId(whole));
  });

  it("reads each term's posting lists only when the term is searched, with the same results", () => {
    const whole = built(docs);
    const decoded = decodeIndex(encodeIndex(whole), options);
    // Searched first, saved after: both the read and the untouched terms give MiniSearch's own data.
    expect(decoded.search("ascend")).toEqual(whole.search("ascend"));
    expect(encodeIndex(decoded)).toEqual(encodeIndex(MiniSearch.loadJS(whole.toJSON(), options)));
  });
});

describe("narrowIndex", () => {
  it("filters an index to some documents exactly as MiniSearch builds one from them alone", () => {
    const whole = built(docs);
    const keep = (_id: string, stored: Record<string, unknown> | undefined) => stored?.source === "b";
    const narrowed = narrowIndex(whole, keep, options);
    const alone = built(docs.filter((d) => d.source === "b"));
    expect(results(narrowed)).toEqual(results(alone));
    expect(byId(narrowed)).toEqual(byId(alone));
    // Narrowing a decoded index is the same.
    const fromSaved = narrowIndex(decodeIndex(encodeIndex(whole), options), keep, options);
    expect(byId(fromSaved)).toEqual(byId(alone));
  });

  it("reads again the fields a narrowed knowledge words differently", () => {
    const whole = built(docs);
    const changed = new Map([["a2", { title: "Compute share", text: "America holds most compute" }]]);
    const narrowed = narrowIndex(whole, (_id, s) => s?.source === "a", options, changed);
    const alone = built(
      docs.filter((d) => d.source === "a").map((d) => (d.id === "a2" ? { ...d, ...changed.get("a2") } : d)),
    );
    expect(results(narrowed)).toEqual(results(alone));
    expect(byId(narrowed)).toEqual(byId(alone));
    expect(narrowed.search("united")).toEqual([]);
  });
});
