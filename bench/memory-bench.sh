#!/usr/bin/env bash
# Memory benchmark behind docs/deploy.md ("Resources"): peak RSS of one cold `refresh` with the
# image's JVM flags, -XX:MaxRAM standing in for the container's memory limit.
# Usage: bench/memory-bench.sh [SIZES] [LIMITS]   e.g. bench/memory-bench.sh "1000 10000" "512m 384m"
# SIZES are generated issue counts, or "real" for ../shared/data/k8s-issues/issues.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
sizes="${1:-real 1000 10000}"
limits="${2:-512m}"
# Keep in step with the entrypoint in pom.xml and Dockerfile.
# The jobs add -XX:TieredStopAtLevel=1 (CronJob: JAVA_TOOL_OPTIONS; Prow: its command line).
flags=(-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData
  -XX:TieredStopAtLevel=1)
work="$(mktemp -d)"
trap 'kill "${fake_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time (apt-get install -y time)" >&2; exit 2; }
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)
cp "$root/target/cvefeed.jar" "$work/cvefeed.jar" # a rebuild during the run cannot disturb it

echo "| issues | MaxRAM | exit | peak RSS MiB | wall | output KiB | cache KiB |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $sizes; do
  if [[ $n == real ]]; then issues="$shared/data/k8s-issues/issues.json"; else
    issues="$work/issues-$n.json"
    python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$issues" >/dev/null 2>&1
  fi
  python3 "$shared/bench/fake_github.py" --issues "$issues" --port 0 >"$work/fake.out" 2>/dev/null &
  fake_pid=$!
  for _ in $(seq 100); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
  port="$(head -1 "$work/fake.out")"
  for ram in $limits; do
    rm -rf "$work/out" "$work/cache"
    rc=0
    /usr/bin/time -f '%M %e' -o "$work/time" java "${flags[@]}" -XX:MaxRAM="$ram" \
      -jar "$work/cvefeed.jar" refresh --github-api "http://127.0.0.1:$port" --out "$work/out" \
      --cache-dir "$work/cache" --allow-shrink --quiet >/dev/null 2>"$work/stderr" || rc=$?
    read -r rss wall < <(tail -1 "$work/time")
    echo "| $n | $ram | $rc | $((rss / 1024)) | ${wall}s | $(du -sk "$work/out" 2>/dev/null | cut -f1) | $(du -sk "$work/cache" 2>/dev/null | cut -f1) |"
  done
  kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true
  rm -f "$work/fake.out"
done
