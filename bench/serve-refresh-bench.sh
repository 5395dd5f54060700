#!/usr/bin/env bash
# An unchanged refresh in `cvefeed serve`: the service over N generated issues (no latency) is
# asked for ROUNDS refreshes through POST /refresh after its first one; every page answers 304.
# Prints each refresh's elapsed_ms from the service's JSON log.
# Usage: bench/serve-refresh-bench.sh [ISSUES] [ROUNDS]      e.g. bench/serve-refresh-bench.sh 100 5
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED:-$root/../shared}"
n="${1:-100}"; rounds="${2:-5}"
work="$(mktemp -d)"
trap 'kill "${fake_pid:-0}" "${serve_pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT
(cd "$root" && ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package >&2)
python3 "$shared/bench/gen_issues.py" -n "$n" --seed 1 --out "$work/issues.json" >/dev/null 2>&1
python3 "$shared/bench/fake_github.py" --issues "$work/issues.json" --port 0 --gzip \
  >"$work/fake.out" 2>/dev/null &
fake_pid=$!
for _ in $(seq 50); do [[ -s "$work/fake.out" ]] && break; sleep 0.1; done
port="$(head -1 "$work/fake.out")"
listen=$((20000 + RANDOM % 20000))
# Records off, as in reference-bench.sh: the fake comes with no cve.org, and a record lookup that
# fails makes each refresh a full one.
ADMIN=bench "$root/cvefeed" serve --github-api "http://127.0.0.1:$port" --cve-records off --out "$work/out" \
  --cache-dir "$work/cache" --listen "127.0.0.1:$listen" --admin-token-env ADMIN \
  --log-format json >"$work/log" 2>&1 &
serve_pid=$!
finished() { grep -c '"elapsed_ms"' "$work/log" || true; }
for _ in $(seq 300); do [[ "$(finished)" -ge 1 ]] && break; sleep 0.1; done
for r in $(seq "$rounds"); do
  curl -fsS -X POST -H "Authorization: Bearer bench" "http://127.0.0.1:$listen/refresh" >/dev/null
  for _ in $(seq 300); do [[ "$(finished)" -ge $((r + 1)) ]] && break; sleep 0.05; done
done
echo "$n issues, every page 304 after the first refresh; elapsed_ms of each refresh:"
grep -o '"elapsed_ms":[0-9]*' "$work/log" | cut -d: -f2 | tr '\n' ' '; echo
