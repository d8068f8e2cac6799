// The grader's pass rule, shared with the ranker's fit (bench/eval-rule.ts).
export { failure, type Question, readQuestions } from "../../bench/eval-rule.js";
