#!/usr/bin/env bash
# Compares `cvefeed serve` (FeedServer) with nginx serving the same ~1 MB feed on loopback.
#
#   bench/serve-bench.sh            # defaults: 15 s per run, 64 connections, 2 wrk threads
#   DURATION=30s CONNECTIONS=128 ROUNDS=5 bench/serve-bench.sh
#   JAVA_OPTS=-Dbench.threads=4 bench/serve-bench.sh   # HTTP pool size of the bench server
#
# Needs the Debian packages wrk and nginx (installed with apt-get when missing) and a JDK.
# Runs each server plain and with If-None-Match (a 304 for every request), after a warm-up.
set -euo pipefail

cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
ROUNDS=${ROUNDS:-3}
JAVA_OPTS=${JAVA_OPTS:-}
JAVA=${JAVA:-java}
JAVA_PORT=${JAVA_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
FEED=official-cve-feed.json

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get install -y wrk nginx >/dev/null
fi

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/feed" "$work/nginx"
python3 bench/gen-feed.py > "$work/feed/$FEED"
echo '{"schema":1}' > "$work/feed/manifest.json"
chmod -R a+rX "$work"
size=$(stat -c %s "$work/feed/$FEED")

build=(test-compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt")
./mvnw -B -q -o "${build[@]}" >/dev/null 2>&1 || ./mvnw -B -q "${build[@]}" >/dev/null
# shellcheck disable=SC2086
"$JAVA" -Xms256m -Xmx256m $JAVA_OPTS -cp "target/classes:target/test-classes:$(cat "$work/cp.txt")" \
  io.k8s.cvefeed.server.BenchServer "$work/feed" "$JAVA_PORT" 2>"$work/java.log" &
pids+=($!)

cat > "$work/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 100000;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  types { application/feed+json json; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $work/feed;
    add_header Access-Control-Allow-Origin *;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" &
pids+=($!)

for port in "$JAVA_PORT" "$NGINX_PORT"; do
  for _ in $(seq 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/$FEED" 2>/dev/null && break
    sleep 0.2
  done
done

etag() { curl -fsSI "http://127.0.0.1:$1/$FEED" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}'; }

# run PORT [HEADER] -> "req/s errors" for one wrk run
run() {
  local url="http://127.0.0.1:$1/$FEED" out
  local args=(-t"$THREADS" -c"$CONNECTIONS" -d"$DURATION")
  [[ -n ${2:-} ]] && args+=(-H "$2")
  out=$(wrk "${args[@]}" "$url")
  echo "$out" >> "$work/wrk.txt"
  awk '/^Requests\/sec/{rps=$2}
       /Non-2xx or 3xx/{n+=$NF}
       /Socket errors/{gsub(",","");n+=$4+$6+$8+$10}
       END{print rps, n+0}' <<<"$out"
}

warm() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" ${2:+-H "$2"} "http://127.0.0.1:$1/$FEED" >/dev/null; }

java_etag=$(etag "$JAVA_PORT")
nginx_etag=$(etag "$NGINX_PORT")
warm "$JAVA_PORT"; warm "$JAVA_PORT" "If-None-Match: $java_etag"; warm "$NGINX_PORT"

# Rounds alternate the servers, so that load from elsewhere on the machine hits both alike.
declare -A best errs all
for round in $(seq "$ROUNDS"); do
  for c in java-200 nginx-200 java-304 nginx-304; do
    case $c in
      java-200) r=$(run "$JAVA_PORT") ;;
      nginx-200) r=$(run "$NGINX_PORT") ;;
      java-304) r=$(run "$JAVA_PORT" "If-None-Match: $java_etag") ;;
      nginx-304) r=$(run "$NGINX_PORT" "If-None-Match: $nginx_etag") ;;
    esac
    read -r rps e <<<"$r"
    all[$c]="${all[$c]:-}${all[$c]:+ }$rps"
    errs[$c]=$(( ${errs[$c]:-0} + e ))
    if [[ -z ${best[$c]:-} ]] || (( $(echo "$rps > ${best[$c]}" | bc) )); then best[$c]=$rps; fi
  done
done

echo
echo "feed: $size bytes; wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS alternating rounds after a $WARMUP warm-up; $(nproc) CPUs"
for c in java-200 nginx-200 java-304 nginx-304; do echo "  $c runs: ${all[$c]}"; done
printf '%-20s %14s %14s %8s %12s\n' case "cvefeed req/s" "nginx req/s" ratio "errors c/n"
row() {
  printf '%-20s %14s %14s %7.0f%% %12s\n' "$1" "${best[java-$2]}" "${best[nginx-$2]}" \
    "$(echo "100*${best[java-$2]}/${best[nginx-$2]}" | bc -l)" "${errs[java-$2]}/${errs[nginx-$2]}"
}
row "GET 200 (1 MB)" 200
row "If-None-Match 304" 304
