#!/usr/bin/env bash
# Peak RSS of `cvefeed serve` with the image's JVM flags: the first refresh against the shared
# fake GitHub, then 200 gzip GETs of the feed; prints VmHWM from /proc per size.
#
#   bench/serve-memory-bench.sh                 # sizes "real 1000", MaxRAM 512m
#   bench/serve-memory-bench.sh "real" 384m     # SIZES MAXRAM
#   JAR=/path/to/other/cvefeed.jar bench/serve-memory-bench.sh   # another build, side by side
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
sizes="${1:-real 1000}"
maxram="${2:-512m}"
port="${PORT:-18097}"
work="$(mktemp -d)"
trap 'kill "${serve_pid:-0}" "${fake_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

jar="${JAR:-}"
if [[ -z $jar ]]; then
  (cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)
  jar="$root/target/cvefeed.jar"
fi

for n in $sizes; do
  if [[ $n == real ]]; then issues="$shared/data/k8s-issues/issues.json"; else
    issues="$work/issues-$n.json"
    python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$issues" >/dev/null
  fi
  python3 "$shared/bench/fake_github.py" --issues "$issues" --port 0 --gzip >"$work/fake.out" 2>/dev/null &
  fake_pid=$!
  for _ in $(seq 50); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
  rm -rf "$work/out" "$work/cache"
  java -XX:+UseSerialGC -XX:MaxRAM="$maxram" -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError \
    -XX:-UsePerfData -jar "$jar" serve --listen="127.0.0.1:$port" --out "$work/out" \
    --cache-dir "$work/cache" --github-api "http://127.0.0.1:$(head -1 "$work/fake.out")" \
    --allow-shrink >"$work/serve.log" 2>&1 &
  serve_pid=$!
  for _ in $(seq 240); do [[ -f "$work/out/manifest.json" ]] && break; sleep 0.5; done
  [[ -f "$work/out/manifest.json" ]] || { cat "$work/serve.log" >&2; exit 1; }
  for _ in $(seq 200); do
    curl -fsS -H 'Accept-Encoding: gzip' -o /dev/null "http://127.0.0.1:$port/official-cve-feed.json"
  done
  echo "| serve | $n | $maxram | $(awk '/VmHWM/{printf "%.0f MiB", $2/1024}' "/proc/$serve_pid/status") |"
  kill "$serve_pid" "$fake_pid"; wait "$serve_pid" "$fake_pid" 2>/dev/null || true
done
