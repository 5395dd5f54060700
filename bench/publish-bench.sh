#!/usr/bin/env bash
# Publish benchmark: the publish phase (phases_ms.publish of `refresh --json`) into --out DIR for a
# first publish (empty DIR), an unchanged refresh, and a refresh where one issue changed.
# Usage: bench/publish-bench.sh [SIZES]   e.g. bench/publish-bench.sh "100 10000"
# Prints a Markdown table: median publish ms of RUNS runs per case.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
sizes="${1:-100 10000}"
runs="${RUNS:-3}"
jar="${CVEFEED_JAR:-$root/target/cvefeed.jar}"
work="$(mktemp -d)"
trap 'kill "${fake_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

publish_ms() { # port out cache
  CVEFEED_JAR="$jar" "$root/cvefeed" refresh --github-api "http://127.0.0.1:$1" --out "$2" \
    --cache-dir "$3" --allow-shrink --json 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["phases_ms"]["publish"])' || true
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "| issues | first publish ms | unchanged ms | one issue changed ms |"
echo "|---:|---:|---:|---:|"
for n in $sizes; do
  python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$work/issues-$n.json" >/dev/null
  python3 "$shared/bench/fake_github.py" --issues "$work/issues-$n.json" --port 0 >"$work/fake.out" 2>/dev/null &
  fake_pid=$!
  for _ in $(seq 600); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
  port="$(head -1 "$work/fake.out")"
  for _ in $(seq 600); do curl -sf "http://127.0.0.1:$port/__stats" >/dev/null && break; sleep 0.1; done
  first=(); same=(); changed=()
  for r in $(seq "$runs"); do
    out="$work/out-$n-$r"; cache="$work/cache-$n-$r"
    first+=("$(publish_ms "$port" "$out" "$cache")")
    same+=("$(publish_ms "$port" "$out" "$cache")")
    python3 - "$work/issues-$n.json" "$port" "$r" <<'PY'
import json, sys, urllib.request
issues = json.load(open(sys.argv[1]))
issues = issues["items"] if isinstance(issues, dict) else issues
it = issues[0]; it["body"] = it["body"] + "\n\nEdited in run " + sys.argv[3] + ".\n"
req = urllib.request.Request("http://127.0.0.1:%s/__upsert" % sys.argv[2], data=json.dumps(it).encode(), method="POST")
urllib.request.urlopen(req).read()
PY
    changed+=("$(publish_ms "$port" "$out" "$cache")")
  done
  kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true
  echo "| $n | $(printf '%s\n' "${first[@]}" | median) | $(printf '%s\n' "${same[@]}" | median) | $(printf '%s\n' "${changed[@]}" | median) |"
done
