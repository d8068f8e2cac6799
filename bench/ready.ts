// Child process of the bench's scale run: starts as the bot does on a built knowledge (its snapshot and
// saved index), answers one question, prints the card as JSON and then the CPU time it took, and exits.
// The parent times it from spawn to exit: "ready" is a new process's start to its first answer; the CPU
// time says how much of that was this process's own work, on a machine shared with others.
import { createCore } from "../src/core/index.js";
import { readSnapshot } from "../src/knowledge/snapshot.js";

const [dir, snapshot, question] = process.argv.slice(2);
if (!dir || !snapshot || !question) {
  process.stderr.write("usage: ready.js KNOWLEDGE_DIR SNAPSHOT QUESTION\n");
  process.exit(2);
}
const knowledge = readSnapshot(dir, snapshot);
if (!knowledge) {
  process.stderr.write(`ready: the snapshot ${snapshot} does not match ${dir}\n`);
  process.exit(1);
}
const card = createCore({ knowledge }).answer({ text: question });
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify(card)}\ncpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms\n`);
