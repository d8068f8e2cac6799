#!/usr/bin/env bash
# Grades every evaluation set in one go and prints one accuracy line per set: scripts/eval-all.sh [OUTDIR]
# - the public sets of ../shared/eval (both sources served);
# - the repo's blind sets in bench/eval/ (written by helpers from the text alone, without seeing the code);
# - the articles never curated (bench/eval/unseen-*/, bench/unseen2/), each drafted by `gapbot ingest` alone.
# The grader is ../shared/eval/grade.mjs beside the repo, or $GRADER.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d)}"; mkdir -p "$out"
grader="${GRADER:-$here/../shared/eval/grade.mjs}"
[ -f "$grader" ] || grader=/work/shared/eval/grade.mjs
export GRADER="$grader"
cd "$here"
line() { echo "$1: $(grep '^accuracy' "$out/$1.txt" | cut -d: -f1 | sed 's/accuracy //')"; }
shared="$(dirname "$grader")"
for f in "$shared/public.jsonl" "$shared/public-ascend.jsonl" bench/eval/first-article/*.jsonl bench/eval/ascend/*.jsonl; do
  [ -f "$f" ] || continue
  n="$(basename "$(dirname "$f")")-$(basename "$f" .jsonl)"
  node "$grader" --questions "$f" --cmd "node bin/gapbot.js ask --json" > "$out/$n.txt" 2>&1
  line "$n"
done
for d in bench/eval/unseen-*/ bench/unseen2/; do
  n="$(basename "$d")"
  article="$(ls "$d"*.txt | head -1)"
  bash scripts/eval-unseen.sh "$article" "${d}meta.json" "${d}questions.jsonl" > "$out/$n.txt" 2>&1
  line "$n"
done
echo "details in $out"
