#!/usr/bin/env bash
# The API's case list at 100,000 cases: Release build, Production environment, fresh SQLite
# database in a temp folder (the same generated data as search.sh). Steps:
#   1. setup recipe, one member site per government, CASES generated cases, `search rebuild`;
#   2. the server (the API is never output-cached), then wrk on a filtered page
#      /api/v1/cases?q=<term>&field=<x>&type=<y> (a text query and two facets; 20 items with facet counts),
#      cycling through 5 Japanese terms × 3 field/type pairs (bench/latency.lua):
#      - latency: 1 connection, DURATION seconds: p50 / p95 / p99;
#      - throughput: CONNECTIONS connections: requests/s (and its latency percentiles);
#   3. the same with a cursor (the second page of each URL), since a later page re-runs the search.
#
# Environment: SKIP_BUILD=1, CASES (100000), DURATION (20), CONNECTIONS (16), THREADS (2),
#   WARMUP_SECONDS (10), KEEP_TMP=1, REUSE=<folder kept by an earlier search.sh or api.sh run> (skips building the database).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3 awk wrk

CASES="${CASES:-100000}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"

TMP="$(case_bench_tmp npo-bench-api)"
[[ -n "${REUSE:-}" ]] && KEEP_TMP=1
cleanup() {
    stop_server
    if [[ "${KEEP_TMP:-0}" == "1" ]]; then log "Temp folder kept: $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
NOTE="$(machine_note)"
DB="$TMP/network.db"
export Search__IndexPath="$TMP/index"

case_database "$TMP" "$DB" "$CASES"
start_server "$DB" "$TMP/server.log"
BASE="http://127.0.0.1:$SERVER_PORT"

python3 - "$TMP/paths.txt" <<'PY'
import sys, urllib.parse
terms = ["協働", "福祉", "子育て", "まちづくり", "NPO法人"]
pairs = [("welfare", "collaboration"), ("childcare", "support"), ("community", "outsourcing")]
with open(sys.argv[1], "w") as f:
    for t in terms:
        for field, typ in pairs:
            f.write(f"/api/v1/cases?q={urllib.parse.quote(t)}&field={field}&type={typ}\n")
PY
request_all "$TMP/paths.txt" "API URLs"
FIRST="$(head -1 "$TMP/paths.txt")"
EXAMPLE=$(curl -s "$BASE$FIRST" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("total %d, %d items, next cursor %s" % (d["total"], len(d["items"]), "yes" if d["next"] else "no"))')
log "$FIRST → $EXAMPLE"

# Second pages: each URL with the cursor its first page returned.
while read -r path; do
    next=$(curl -s "$BASE$path" | python3 -c 'import json,sys; print(json.load(sys.stdin)["next"] or "")')
    [[ -n "$next" ]] && echo "$path&cursor=$next"
done <"$TMP/paths.txt" >"$TMP/paths-page2.txt"
request_all "$TMP/paths-page2.txt" "second pages"

measure() { # <paths-file> <label>
    export SEARCH_PATHS="$1"
    log "Warming up $2 ($WARMUP_SECONDS s)..."
    wrk -t1 -c4 -d"${WARMUP_SECONDS}s" -s "$BENCH_DIR/latency.lua" "$BASE" >/dev/null
    log "Latency of $2: 1 connection, $DURATION s..."
    wrk -t1 -c1 -d"${DURATION}s" -s "$BENCH_DIR/latency.lua" "$BASE" | tee "$TMP/latency-$2.txt" >&2
    log "Throughput of $2: $CONNECTIONS connections, $DURATION s..."
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$BENCH_DIR/latency.lua" "$BASE" | tee "$TMP/throughput-$2.txt" >&2
}
measure "$TMP/paths.txt" first
measure "$TMP/paths-page2.txt" second
RSS_MB=$(( $(proc_status_kb VmRSS) / 1024 ))

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
line() { # <label>
    echo "$1 page, latency at 1 connection: p50 $(value p50_ms "$TMP/latency-$1.txt") ms, p95 $(value p95_ms "$TMP/latency-$1.txt") ms, p99 $(value p99_ms "$TMP/latency-$1.txt") ms, $(value rps "$TMP/latency-$1.txt") req/s"
    echo "$1 page, throughput at $CONNECTIONS connections: $(value rps "$TMP/throughput-$1.txt") req/s (p50 $(value p50_ms "$TMP/throughput-$1.txt") ms, p95 $(value p95_ms "$TMP/throughput-$1.txt") ms), errors $(value errors "$TMP/throughput-$1.txt")"
}
mkdir -p "$RESULTS_DIR"
RESULT="$RESULTS_DIR/api-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "API case list benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "$NOTE"
    echo "cases: $CASES; index rebuilt in ${REBUILD_SECONDS} s"
    echo "example: $FIRST → $EXAMPLE"
    line first
    line second
    echo "server RSS after the runs: ${RSS_MB} MB"
} | tee "$RESULT"
log "Written to $RESULT"
