#!/usr/bin/env bash
# Grades every development set in one go (public sets, blind development sets, the unseen articles drafted
# by ingest alone) and prints one accuracy line per set: scripts/eval-all.sh [OUTDIR]
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d)}"; mkdir -p "$out"
grader=/work/shared/eval/grade.mjs
cd "$here"
for f in /work/shared/eval/public.jsonl /work/shared/eval/public-ascend.jsonl /work/blind/*.jsonl; do
  [ -f "$f" ] || continue
  n="$(basename "$f" .jsonl)"
  node "$grader" --questions "$f" --cmd "node bin/gapbot.js ask --json" > "$out/$n.txt" 2>&1
  echo "$n: $(grep '^accuracy' "$out/$n.txt" | cut -d: -f1 | sed 's/accuracy //')"
done
if [ -d /work/blind/unseen ]; then
  bash scripts/eval-unseen.sh /work/blind/unseen/ai-power-grid.txt /work/blind/unseen/meta.json /work/blind/unseen/questions.jsonl > "$out/unseen.txt" 2>&1
  echo "unseen: $(grep '^accuracy' "$out/unseen.txt" | cut -d: -f1 | sed 's/accuracy //')"
fi
bash scripts/eval-unseen.sh bench/unseen2/subsea-cables.txt bench/unseen2/meta.json bench/unseen2/questions.jsonl > "$out/unseen2.txt" 2>&1
echo "unseen2: $(grep '^accuracy' "$out/unseen2.txt" | cut -d: -f1 | sed 's/accuracy //')"
echo "details in $out"
