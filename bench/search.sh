#!/usr/bin/env bash
# Case search at 100,000 cases: Release build, Production environment, fresh SQLite database in a
# temp folder. Steps:
#   1. first start (setup recipe) and one member site per registry government (make_tenants_recipe.py);
#   2. CASES (100,000) generated cases bulk-inserted by make_cases.py;
#   3. `search rebuild` (the CLI command, with its progress bar): full reindex time, index size on disk;
#   4. the server with OutputCache__Seconds=0 (so every request really searches), then wrk:
#      - latency: 1 connection, DURATION seconds: p50 / p95 / p99 of /cases?q=<term>&field=<x>&type=<y>,
#        cycling through 5 Japanese terms × 3 field/type pairs (bench/latency.lua);
#      - throughput: CONNECTIONS connections, same URLs: requests/s (and its latency percentiles).
#   5. the latency run again on a server started with Search__TextMatchCacheEntries=0, so every
#      request reads and position-checks the postings (what the first request for a text costs).
# Target: p95 <= 20 ms at 1 connection on a 2-core machine.
#
# REUSE=<temp folder kept by an earlier KEEP_TMP=1 run> skips steps 1-3 and measures that database and
# index again (after a change that does not touch the index format).
#
# Environment: SKIP_BUILD=1, CASES (100000), DURATION (20), CONNECTIONS (16), THREADS (2),
#   WARMUP_SECONDS (10), KEEP_TMP=1.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3 awk wrk du

CASES="${CASES:-100000}"
DURATION="${DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"

TMP="$(case_bench_tmp npo-bench-search)"
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
export OutputCache__Seconds=0

case_database "$TMP" "$DB" "$CASES"
INDEX_SIZE=$(du -sh "$TMP/index" | cut -f1)
INDEX_BYTES=$(du -sb "$TMP/index" | cut -f1)
DB_SIZE=$(du -sh "$DB" | cut -f1)

start_server "$DB" "$TMP/server.log"
OPEN_DATA="${OPEN_DATA_BUILD_MS:-already built by an earlier run}"
BASE="http://127.0.0.1:$SERVER_PORT"

python3 - "$TMP/paths.txt" <<'PY'
import sys, urllib.parse
terms = ["協働", "福祉", "子育て", "まちづくり", "NPO法人"]
pairs = [("welfare", "collaboration"), ("childcare", "support"), ("community", "outsourcing")]
with open(sys.argv[1], "w") as f:
    for t in terms:
        for field, typ in pairs:
            f.write(f"/cases?q={urllib.parse.quote(t)}&field={field}&type={typ}\n")
PY
export SEARCH_PATHS="$TMP/paths.txt"
request_all "$TMP/paths.txt" "search URLs"
FIRST="$(head -1 "$TMP/paths.txt")"
HITS=$(curl -s "$BASE$FIRST" | grep -o '[0-9,]* 件の事例' | head -1)
log "$FIRST → $HITS"

log "Warming up ($WARMUP_SECONDS s)..."
wrk -t1 -c4 -d"${WARMUP_SECONDS}s" -s "$BENCH_DIR/latency.lua" "$BASE" >/dev/null

log "Latency: 1 connection, $DURATION s..."
wrk -t1 -c1 -d"${DURATION}s" -s "$BENCH_DIR/latency.lua" "$BASE" | tee "$TMP/latency.txt" >&2
log "Throughput: $CONNECTIONS connections, $DURATION s..."
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" -s "$BENCH_DIR/latency.lua" "$BASE" | tee "$TMP/throughput.txt" >&2
RSS_MB=$(( $(proc_status_kb VmRSS) / 1024 ))

# The same latency run with the text-match cache off: every request reads the postings again, as
# the first request for a text does (and every request after a publish, which starts a new cache).
stop_server
export Search__TextMatchCacheEntries=0
start_server "$DB" "$TMP/server-nocache.log"
BASE="http://127.0.0.1:$SERVER_PORT"
request_all "$TMP/paths.txt" "search URLs (no text-match cache)"
log "Warming up without the text-match cache ($WARMUP_SECONDS s)..."
wrk -t1 -c4 -d"${WARMUP_SECONDS}s" -s "$BENCH_DIR/latency.lua" "$BASE" >/dev/null
log "Latency without the text-match cache: 1 connection, $DURATION s..."
wrk -t1 -c1 -d"${DURATION}s" -s "$BENCH_DIR/latency.lua" "$BASE" | tee "$TMP/latency-nocache.txt" >&2
unset Search__TextMatchCacheEntries

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
mkdir -p "$RESULTS_DIR"
RESULT="$RESULTS_DIR/search-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "case search benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "$NOTE"
    echo "cases: $CASES (database $DB_SIZE); output cache off (OutputCache__Seconds=0)"
    echo "full reindex (search rebuild, whole command incl. start-up): ${REBUILD_SECONDS} s; $(grep -o '検索索引を再構築しました.*' "$TMP/rebuild.log")"
    echo "index size on disk: $INDEX_SIZE ($INDEX_BYTES bytes)"
    echo "open-data bundle at first start (waited for before measuring): $OPEN_DATA"
    echo "example: $FIRST → $HITS"
    echo "latency, 1 connection: p50 $(value p50_ms "$TMP/latency.txt") ms, p95 $(value p95_ms "$TMP/latency.txt") ms, p99 $(value p99_ms "$TMP/latency.txt") ms, $(value rps "$TMP/latency.txt") req/s"
    echo "latency, 1 connection, text-match cache off (Search__TextMatchCacheEntries=0): p50 $(value p50_ms "$TMP/latency-nocache.txt") ms, p95 $(value p95_ms "$TMP/latency-nocache.txt") ms, p99 $(value p99_ms "$TMP/latency-nocache.txt") ms, $(value rps "$TMP/latency-nocache.txt") req/s"
    echo "throughput, $CONNECTIONS connections: $(value rps "$TMP/throughput.txt") req/s (p50 $(value p50_ms "$TMP/throughput.txt") ms, p95 $(value p95_ms "$TMP/throughput.txt") ms), errors $(value errors "$TMP/throughput.txt")"
    echo "server RSS after the runs: ${RSS_MB} MB"
} | tee "$RESULT"
log "Written to $RESULT"
