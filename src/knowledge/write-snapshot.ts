// Run by `npm run build`: snapshots knowledge that passes the whole check, with the core's search indexes
// made from it, for a fast start (a matching snapshot is trusted without checking again); other knowledge
// is left to `npm run knowledge:check` to report, and the bot then reads the YAML and refuses to start on it.
import { buildContext } from "../core/context.js";
import { defaultKnowledgeDir, readKnowledge } from "./load.js";
import { defaultSnapshotPath, writeSnapshot } from "./snapshot.js";
import { validateKnowledge } from "./validate.js";

const dir = defaultKnowledgeDir();
const loaded = readKnowledge(dir);
const problems = validateKnowledge(loaded);
const { knowledge } = loaded;
if (problems.length === 0)
  writeSnapshot(dir, knowledge, defaultSnapshotPath(), buildContext(knowledge).save());
else
  process.stderr.write(
    `gapbot: knowledge has ${problems.length} problem(s); no snapshot written (npm run knowledge:check)\n`,
  );
