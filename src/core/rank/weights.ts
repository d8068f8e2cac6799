// The ranker's weights, all in one place like a recommender's feature table: the multipliers a fact's
// search score gets for what a question asks beyond its words, and the bars a fact must clear to answer.
// Fitted by bench/fit-ranker.ts on a development set and judged on a held-out set it never tunes against.

export interface Weights {
  /** A number the asker typed stands in the fact. */
  typedNumber: number;
  /** The fact has a figure in a unit the question's words ask for. */
  unitAsked: number;
  /** A question for a figure, and the fact has none. */
  noFigure: number;
  /** A share asked for, and the fact has no share. */
  noShare: number;
  /** The question names things the fact does not concern. */
  notConcerned: number;
  /** The fact gives a figure the asker set aside ("besides 4 million developers"). */
  asideNumber: number;
  /** The fact states a figure the clause before the question gives ("X9: 10k crates an hour — what does it cost?"). */
  givenValue: number;
  /** The fact is about a thing the asker set aside. */
  asideThing: number;
  /** A member of a line set aside, and the fact names the line's other members. */
  otherMember: number;
  /** A compound typed with hyphens ("cold-stored") stands in the fact. */
  compound: number;
  /** "Which country…": the fact names a thing of the kind asked for. */
  wantedKind: number;
  /** A list asked for ("which growers…"), and the fact names several things of the kind asked. */
  listNamed: number;
  /** The fact is narrowed to a country the question does not name. */
  narrowedElsewhere: number;
  /** A side named by its words ("domestic"), and the fact's subject is of that side. */
  sideWordMatch: number;
  /** A side named by its words, and the fact's subject is of the other side. */
  sideWordOther: number;
  /** Advice asked for ("what should… do"), and the fact is the article's own view. */
  articleView: number;
  /** A relative time asked for ("this year"), and the fact speaks of that very time. */
  sameTime: number;
  /** The share of the question's weight the best fact must match to answer. */
  minCoverage: number;
  /** The same with a thing named and matched. */
  minCoverageWithEntity: number;
  /** The share of the words besides the names the answer must match. */
  minContentCoverage: number;
  /** The fact is the claim of the speaker the question asks about ("what did A say"). */
  speakerClaim: number;
  /** The share of minContentCoverage a claim of the speaker asked about must match. */
  speakerContent: number;
  /** Of a question's Chinese, the share the material must know. */
  minHanCoverage: number;
  /** An answer matching less than this share of the content another subject's fact matches is that fact's measure. */
  measuredElsewhere: number;
  /** A runner-up that answers, where the top hit does not, scores at least this share of the top's score. */
  runnerUp: number;
  /** A supporting fact scores at least this share of the answer's score. */
  supportShare: number;
  /** A sentence answers on its own (no curated fact does) when it matches this share of the question's weight… */
  passageCoverage: number;
  /** …and this share of its content words. */
  passageContent: number;
  /** How many sentences that pass those bars are checked against what the question asks before giving up. */
  passagesTried: number;
  /** The share of the words of the field a question closes on ("in pear orchards"), by weight, an answer must speak of. */
  scopeCoverage: number;
  /** The share of the words besides the names a fact must match to say when ("when was X released"). */
  timeContent: number;
}

export const WEIGHTS: Readonly<Weights> = {
  typedNumber: 1.5,
  unitAsked: 1.6,
  noFigure: 0.6,
  noShare: 0.3,
  notConcerned: 0.4,
  asideNumber: 0.5,
  givenValue: 0.2,
  asideThing: 0.5,
  otherMember: 2,
  compound: 1.3,
  wantedKind: 1.3,
  listNamed: 1.5,
  narrowedElsewhere: 0.85,
  sideWordMatch: 1.3,
  sideWordOther: 0.6,
  articleView: 2,
  sameTime: 1.2,
  minCoverage: 0.5,
  minCoverageWithEntity: 0.35,
  minContentCoverage: 0.2,
  speakerContent: 0.5,
  speakerClaim: 1.5,
  minHanCoverage: 0.6,
  measuredElsewhere: 0.6,
  supportShare: 0.5,
  runnerUp: 0.5,
  passageCoverage: 0.45,
  passageContent: 0.6,
  passagesTried: 3,
  timeContent: 0.5,
  scopeCoverage: 0.5,
};
