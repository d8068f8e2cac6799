// Run by `npm run build`: snapshots valid knowledge for a fast start; invalid knowledge is left to
// `npm run knowledge:check` to report, and the bot then reads the YAML (and refuses to start on it).
import { defaultKnowledgeDir, readKnowledge } from "./load.js";
import { writeSnapshot } from "./snapshot.js";

const dir = defaultKnowledgeDir();
const { knowledge, problems } = readKnowledge(dir);
if (problems.length === 0) writeSnapshot(dir, knowledge);
else
  process.stderr.write(
    `gapbot: knowledge has ${problems.length} problem(s); no snapshot written (npm run knowledge:check)\n`,
  );
