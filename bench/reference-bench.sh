#!/usr/bin/env bash
# Side by side with the official job: cvefeed against ../shared/bench/reference_job.py, in the same
# run, against one fake GitHub (../shared/bench/fake_github.py). Runs alternate, so both see the
# machine at the same moment (a shared 2-core machine drifts by tens of percent within minutes).
# Usage: bench/reference-bench.sh [ROUNDS] [LATENCY_MS]      e.g. bench/reference-bench.sh 5 50
# SIZES="100 10000" picks the cold workloads' sizes; JAVA_HOME picks the JDK (see README).
# Prints a Markdown table of medians: wall time and the largest peak RSS of each side, and the
# ratio cvefeed / reference. Workloads:
#   cold json   — empty cache and output, --formats json (the reference renders only that)
#   cold all    — empty cache and output, every format (the default)
#   unchanged   — warm cache and output, every page answers 304, nothing to publish
# plus the floor: a JVM that prints its version, and cvefeed --version.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
rounds="${1:-5}"; lat="${2:-50}"; sizes="${SIZES:-100}"
work="$(mktemp -d)"
trap 'kill "${fake_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time (apt-get install -y time)" >&2; exit 2; }
py="$(python3 -c 'import sys; print(sys.executable)')"   # not a version-manager shim (+0.2 s)
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)

# Times one command; prints "wall_s rss_mib". Exit 7 (some issue skipped) counts as success.
timed() {
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || {
    rc=$?; [[ $rc -eq 7 ]] || { cat "$work/stderr" >&2; exit 1; }; }
  tail -1 "$work/time" | awk '{printf "%.3f %.0f\n", $1, $2/1024}'
}
# The reference job reads no CVE records, and a fake GitHub comes with no cve.org: records off.
cvefeed() { timed "$root/cvefeed" refresh --github-api "http://127.0.0.1:$port" --cve-records off --quiet "$@"; }
reference() { timed "$py" "$shared/bench/reference_job.py" --github-api "http://127.0.0.1:$port" --out "$work/ref"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Runs both sides ROUNDS times, alternating; prints one table row.
row() {
  local name=$1 setup=$2; shift 2
  local cw=() rw=() crss=0 rrss=0
  for _ in $(seq "$rounds"); do
    $setup
    read -r w m < <(cvefeed "$@"); cw+=("$w"); (( m > crss )) && crss=$m
    read -r w m < <(reference); rw+=("$w"); (( m > rrss )) && rrss=$m
  done
  local c r
  c=$(printf '%s\n' "${cw[@]}" | median); r=$(printf '%s\n' "${rw[@]}" | median)
  echo "| $name | $c s, $crss MiB | $r s, $rrss MiB | $(awk -v c="$c" -v r="$r" 'BEGIN{printf "%.2f", c/r}')× |"
}
cold() { rm -rf "$work/out" "$work/cache"; }
warm() { :; }

echo "cvefeed $(git -C "$root" rev-parse --short HEAD), $("$java_bin" -version 2>&1 | head -1), ${lat} ms latency, median of $rounds"
echo
echo "| workload | cvefeed | reference_job.py | ratio |"
echo "|---|---:|---:|---:|"
for n in $sizes; do
  python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$work/issues.json" >/dev/null 2>&1
  python3 "$shared/bench/fake_github.py" --issues "$work/issues.json" --port 0 \
    --latency-ms "$lat" --gzip >"$work/fake.out" 2>/dev/null &
  fake_pid=$!
  for _ in $(seq 50); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
  port="$(head -1 "$work/fake.out")"
  # One untimed run: compresses the fake's pages and lets the launcher record its archive.
  cold; cvefeed --out "$work/out" --cache-dir "$work/cache" --allow-shrink >/dev/null
  row "$n issues, cold, json" cold --out "$work/out" --cache-dir "$work/cache" --allow-shrink --formats json
  if [[ $n -le 1000 ]]; then
    row "$n issues, cold, every format" cold --out "$work/out" --cache-dir "$work/cache" --allow-shrink
    cold; cvefeed --out "$work/out" --cache-dir "$work/cache" >/dev/null
    row "$n issues, unchanged (all 304)" warm --out "$work/out" --cache-dir "$work/cache"
  fi
  kill "$fake_pid"; wait "$fake_pid" 2>/dev/null || true
done
fw=(); vw=()
for _ in $(seq "$rounds"); do
  read -r w _ < <(timed "$java_bin" -Xshare:auto -version); fw+=("$w")
  read -r w _ < <(timed "$root/cvefeed" --version); vw+=("$w")
done
echo
echo "Floor: \`java -version\` $(printf '%s\n' "${fw[@]}" | median) s; \`cvefeed --version\` $(printf '%s\n' "${vw[@]}" | median) s."
