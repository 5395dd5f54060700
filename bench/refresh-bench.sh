#!/usr/bin/env bash
# Refresh benchmark: the CLI against ../shared/bench/fake_github.py over generated issues.
# Usage: bench/refresh-bench.sh [SIZES] [LATENCIES]   e.g. bench/refresh-bench.sh "1000 10000" "0 50"
# Prints a Markdown table: wall time, requests, peak RSS, for a cold cache and a warm one (all 304).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
sizes="${1:-1000 10000}"
latencies="${2:-0 50}"
runs="${RUNS:-3}"
formats="${FORMATS:-all}"   # FORMATS=json measures the official JSON feed alone
args="${ARGS:-}"            # more refresh flags, e.g. ARGS="--concurrency 16"
work="$(mktemp -d)"
trap 'kill "${fake_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time (apt-get install -y time)" >&2; exit 2; }
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)
jar="$root/target/cvefeed.jar"

# Runs the CLI once; prints "wall_s rss_mib".
run_cli() {
  local port=$1 out=$2 cache=$3
  /usr/bin/time -f '%e %M' -o "$work/time" \
    env CVEFEED_JAR="$jar" "$root/cvefeed" refresh --github-api "http://127.0.0.1:$port" \
      --out "$out" --cache-dir "$cache" --allow-shrink --quiet --formats "$formats" $args >/dev/null 2>"$work/stderr" || {
        rc=$?; [[ $rc -eq 7 ]] || { cat "$work/stderr" >&2; exit 1; }; }
  tail -1 "$work/time" | awk '{printf "%.2f %.0f\n", $1, $2/1024}'
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "formats: $formats${args:+, flags: $args}"
echo
echo "| issues | latency | cache | wall s (median of $runs) | requests | peak RSS MiB |"
echo "|---:|---:|---|---:|---:|---:|"
for n in $sizes; do
  python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$work/issues-$n.json"
  for lat in $latencies; do
    python3 "$shared/bench/fake_github.py" --issues "$work/issues-$n.json" --port 0 \
      --latency-ms "$lat" --gzip >"$work/fake.out" 2>/dev/null &
    fake_pid=$!
    for _ in $(seq 50); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
    port="$(head -1 "$work/fake.out")"
    for mode in cold warm; do
      walls=(); rss=0
      curl -s "http://127.0.0.1:$port/__reset" >/dev/null
      for r in $(seq "$runs"); do
        out="$work/out-$n-$lat-$mode"; cache="$work/cache-$n-$lat-$mode"
        # cold: empty cache and output (everything fetched, rendered, written);
        # warm: the previous run's cache and output (all 304, nothing written).
        [[ $mode == cold ]] && rm -rf "$cache" "$out"
        [[ $mode == warm && $r == 1 ]] && { run_cli "$port" "$out" "$cache" >/dev/null;
          curl -s "http://127.0.0.1:$port/__reset" >/dev/null; }
        read -r w m < <(run_cli "$port" "$out" "$cache")
        walls+=("$w"); (( m > rss )) && rss=$m
      done
      reqs="$(curl -s "http://127.0.0.1:$port/__stats" | python3 -c \
        "import json,sys; s=json.load(sys.stdin); print(round(s['total_requests']/$runs), '(' + str(round(s['not_modified_304']/$runs)) + ' 304)')")"
      wall="$(printf '%s\n' "${walls[@]}" | median)"
      echo "| $n | ${lat} ms | $mode | $wall | $reqs | $rss |"
    done
    kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true
  done
done
