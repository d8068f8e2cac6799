#!/usr/bin/env bash
# Grades the bot on an article it has never seen, drafted by `gapbot ingest` alone (no hand curation):
#   npm run eval:unseen -- ARTICLE.txt META.json QUESTIONS.jsonl [--keep]
# META.json holds {id, title, publisher, published, url}. The shipped knowledge is copied to a temp dir, the
# article ingested there, and the questions graded with ../shared/eval/grade.mjs (or $GRADER) against it.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
article="${1:?usage: eval-unseen.sh ARTICLE META QUESTIONS [--keep]}"
meta="${2:?usage: eval-unseen.sh ARTICLE META QUESTIONS [--keep]}"
questions="${3:?usage: eval-unseen.sh ARTICLE META QUESTIONS [--keep]}"
keep="${4:-}"
grader="${GRADER:-$here/../shared/eval/grade.mjs}"
[ -f "$grader" ] || grader=/work/shared/eval/grade.mjs
field() { node -e 'const m=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));process.stdout.write(String(m[process.argv[2]]??""))' "$meta" "$1"; }
id="$(field id)"
[ -n "$id" ] || { echo "eval-unseen: $meta has no id" >&2; exit 2; }
tmp="$(mktemp -d)"
[ "$keep" = "--keep" ] || trap 'rm -rf "$tmp"' EXIT
cp -r "$here/knowledge/." "$tmp/"
args=(ingest "$article" --id "$id" --title "$(field title)" --knowledge "$tmp")
for f in publisher published url; do v="$(field "$f")"; [ -n "$v" ] && args+=("--$f" "$v"); done
node "$here/bin/gapbot.js" "${args[@]}" </dev/null >&2
node "$grader" --questions "$questions" --cmd "node $here/bin/gapbot.js ask --json --knowledge $tmp" --material "$tmp/sources"
[ "$keep" = "--keep" ] && echo "eval-unseen: knowledge kept in $tmp" >&2 || true
