#!/usr/bin/env bash
# A/B refresh benchmark: this checkout against another revision, runs alternating so that both see
# the same machine at the same time (shared 2-core machines drift by tens of percent within minutes).
# Usage: bench/compare-bench.sh BASE_REV [ISSUES] [LATENCY_MS] [FORMATS] [ROUNDS]
#   e.g. bench/compare-bench.sh HEAD~5 10000 50 json 5
# Each side runs through its own ./cvefeed launcher, cold (empty cache and output; MODE=unchanged
# keeps each side's cache and output, so every page answers 304 and nothing changed). Prints every
# run, then the median wall time and the largest peak RSS of each side.
# BASE_ARGS / HEAD_ARGS add options to one side; HEAD_ARGS defaults to `--cve-records off` (the
# fake comes with no cve.org, and revisions before the CVE records do not know the option).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
base_rev="${1:?usage: bench/compare-bench.sh BASE_REV [ISSUES] [LATENCY_MS] [FORMATS] [ROUNDS]}"
n="${2:-10000}"; lat="${3:-50}"; formats="${4:-json}"; rounds="${5:-5}"
base_args="${BASE_ARGS:-}"; head_args="${HEAD_ARGS:---cve-records off}"
work="$(mktemp -d)"
cleanup() {
  kill "${fake_pid:-0}" 2>/dev/null || true
  git -C "$root" worktree remove --force "$work/base" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -x /usr/bin/time ]] || { echo "bench: needs GNU time (apt-get install -y time)" >&2; exit 2; }
git -C "$root" worktree add -q --detach "$work/base" "$base_rev"
for dir in "$root" "$work/base"; do
  (cd "$dir" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)
done

python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$work/issues.json" >/dev/null
python3 "$shared/bench/fake_github.py" --issues "$work/issues.json" --port 0 \
  --latency-ms "$lat" --gzip >"$work/fake.out" 2>/dev/null &
fake_pid=$!
for _ in $(seq 50); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
port="$(head -1 "$work/fake.out")"

# Runs one side once, cold; prints "wall_s rss_mib".
run() {
  local dir=$1 args=$2 side
  side="$work/runs/$(basename "$dir")"
  [[ "${MODE:-cold}" == unchanged ]] || rm -rf "$side"
  /usr/bin/time -f '%e %M' -o "$work/time" "$dir/cvefeed" refresh \
    --github-api "http://127.0.0.1:$port" --out "$side/out" --cache-dir "$side/cache" \
    --allow-shrink --quiet --formats "$formats" $args >/dev/null 2>"$work/stderr" || {
      rc=$?; [[ $rc -eq 7 ]] || { cat "$work/stderr" >&2; exit 1; }; }
  tail -1 "$work/time" | awk '{printf "%.2f %.0f\n", $1, $2/1024}'
}

# One untimed run each: compresses the fake's pages and lets a launcher record its archive.
run "$work/base" "$base_args" >/dev/null; run "$root" "$head_args" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "$n issues, ${lat} ms, formats: $formats, ${MODE:-cold}, $rounds rounds, base: $(git -C "$root" rev-parse --short "$base_rev"), head: $(git -C "$root" rev-parse --short HEAD)"
echo
echo "| round | base wall s | base RSS MiB | head wall s | head RSS MiB |"
echo "|---:|---:|---:|---:|---:|"
bw=(); hw=(); brss=0; hrss=0
for r in $(seq "$rounds"); do
  read -r w1 m1 < <(run "$work/base" "$base_args")
  read -r w2 m2 < <(run "$root" "$head_args")
  bw+=("$w1"); hw+=("$w2"); (( m1 > brss )) && brss=$m1; (( m2 > hrss )) && hrss=$m2
  echo "| $r | $w1 | $m1 | $w2 | $m2 |"
done
echo "| median / max | $(printf '%s\n' "${bw[@]}" | median) | $brss | $(printf '%s\n' "${hw[@]}" | median) | $hrss |"
