#!/usr/bin/env bash
# The open-data bundle at 100,000 cases: how long the first-start build takes and the server's peak RSS
# (VmHWM) while it runs. Release build, Production environment, SQLite.
#   1. the database of search.sh (a fresh one, or REUSE=<a folder kept by search.sh or api.sh>), copied,
#      with its stored bundles deleted so that the server builds one at start;
#   2. start_server waits for "Open-data bundle built" in the log; then VmHWM and VmRSS are read.
#
# Environment: SKIP_BUILD=1, CASES (100000), REUSE=<folder>, KEEP_TMP=1.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3

CASES="${CASES:-100000}"
SOURCE="$(case_bench_tmp npo-bench-opendata)"
TMP="$(mktemp -d -t npo-bench-opendata-run.XXXXXX)"
cleanup() {
    stop_server
    rm -rf "$TMP"
    if [[ -z "${REUSE:-}" && "${KEEP_TMP:-0}" != "1" ]]; then rm -rf "$SOURCE"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
NOTE="$(machine_note)"
export Search__IndexPath="$SOURCE/index"
case_database "$SOURCE" "$SOURCE/network.db" "$CASES"
cp "$SOURCE/network.db" "$TMP/network.db"
cp -r "$SOURCE/index" "$TMP/index"
export Search__IndexPath="$TMP/index"
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute("delete from OpenDataBundles"); c.commit()' "$TMP/network.db"
CASE_COUNT="$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from PolicyCases where IsPublished = 1").fetchone()[0])' "$TMP/network.db")"

start_server "$TMP/network.db" "$TMP/server.log"
PEAK_MB=$(( $(proc_status_kb VmHWM) / 1024 ))
RSS_MB=$(( $(proc_status_kb VmRSS) / 1024 ))

mkdir -p "$RESULTS_DIR"
RESULT="$RESULTS_DIR/opendata-$(date +%Y%m%d-%H%M%S).txt"
{
    echo "open-data bundle benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "$NOTE"
    echo "published cases: $CASE_COUNT"
    echo "first-start build: $OPEN_DATA_BUILD_MS"
    echo "server peak RSS (VmHWM) by the end of the build: ${PEAK_MB} MB; RSS after it: ${RSS_MB} MB"
} | tee "$RESULT"
log "Written to $RESULT"
