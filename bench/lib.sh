# Shared helpers for the benchmark scripts; sourced, not run.
# Expects the caller to have `set -euo pipefail`.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$BENCH_DIR/.." && pwd)"
WEB_PROJECT="$REPO_ROOT/src/NpoMunicipalNetwork.Web"
BIN_DIR="$WEB_PROJECT/bin/Release/net10.0"
WEB_DLL="$BIN_DIR/NpoMunicipalNetwork.Web.dll"
RESULTS_DIR="$BENCH_DIR/results"

SERVER_PID=""
SERVER_PORT=""
SERVER_LOG=""

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

require() {
    local cmd
    for cmd in "$@"; do
        command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' is required but not installed."
    done
}

# Release build of the web project, unless SKIP_BUILD=1 (then the dll must already exist).
build_release() {
    if [[ "${SKIP_BUILD:-0}" == "1" ]]; then
        log "SKIP_BUILD=1: using the existing Release build"
    else
        log "Building Release (dotnet build -c Release)..."
        dotnet build "$WEB_PROJECT" -c Release -nologo -v q >&2 || die "Release build failed."
    fi
    [[ -f "$WEB_DLL" ]] || die "$WEB_DLL not found; build it with: dotnet build -c Release"
}

# A TCP port that is free right now (the kernel picks it; a race with another process is possible but unlikely).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Runs the built app with the benchmark's environment. The working directory is the build output,
# so the content root holds appsettings.json; themes/ and recipes/ are found by walking up to the
# repository root (or taken from Themes__Path / Recipes__Path when the caller exports them).
# Usage: run_app <db-file> [args...]   (foreground; used for `recipe apply`)
run_app() {
    local db="$1"; shift
    (
        cd "$BIN_DIR"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            DOTNET_NOLOGO=1 \
            ConnectionStrings__Default="Data Source=$db" \
            dotnet "$WEB_DLL" "$@"
    )
}

# Usage: start_server <db-file> <log-file>; sets SERVER_PID and SERVER_PORT, waits until / answers.
# On a database without an open-data bundle, the server builds one at start (OpenData:DailyAt); it then
# also waits for that build, so it never runs during a measurement, and sets OPEN_DATA_BUILD_MS.
start_server() {
    local db="$1"
    SERVER_LOG="$2"
    SERVER_PORT="$(free_port)"
    local bundles
    bundles="$(python3 -c 'import sqlite3, sys
try: print(sqlite3.connect(sys.argv[1]).execute("select count(*) from OpenDataBundles").fetchone()[0])
except Exception: print(0)' "$db")"
    (
        cd "$BIN_DIR"
        exec env ASPNETCORE_ENVIRONMENT=Production \
            ASPNETCORE_URLS="http://127.0.0.1:$SERVER_PORT" \
            DOTNET_NOLOGO=1 \
            ConnectionStrings__Default="Data Source=$db" \
            dotnet "$WEB_DLL"
    ) >"$SERVER_LOG" 2>&1 &
    SERVER_PID=$!
    log "Server starting: pid $SERVER_PID, port $SERVER_PORT, database $db"

    local deadline=$((SECONDS + ${STARTUP_TIMEOUT:-120}))
    until curl -s -o /dev/null --max-time 5 "http://127.0.0.1:$SERVER_PORT/"; do
        if ! kill -0 "$SERVER_PID" 2>/dev/null; then
            cat "$SERVER_LOG" >&2
            SERVER_PID=""
            die "the server exited during start-up (log above)."
        fi
        ((SECONDS < deadline)) || { cat "$SERVER_LOG" >&2; die "the server did not answer within ${STARTUP_TIMEOUT:-120}s."; }
        sleep 0.5
    done
    log "Server ready on http://127.0.0.1:$SERVER_PORT/"
    OPEN_DATA_BUILD_MS=""
    if [[ "$bundles" == "0" ]]; then
        log "Waiting for the first open-data bundle build..."
        local open_data_deadline=$((SECONDS + ${OPEN_DATA_TIMEOUT:-900}))
        until grep -qE "Open-data bundle (built|build failed)" "$SERVER_LOG"; do
            ((SECONDS < open_data_deadline)) || die "the open-data bundle was not built within ${OPEN_DATA_TIMEOUT:-900}s."
            sleep 1
        done
        grep -q "Open-data bundle build failed" "$SERVER_LOG" && { cat "$SERVER_LOG" >&2; die "the open-data bundle build failed (log above)."; }
        OPEN_DATA_BUILD_MS="$(grep -A1 "Open-data bundle built" "$SERVER_LOG" | grep -o 'built: [0-9]* bytes in [0-9]* ms[^.]*' | head -1)"
        log "Open-data bundle $OPEN_DATA_BUILD_MS"
    fi
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        local i
        for i in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}

# VmRSS (or another /proc/PID/status field) of the server, in kB.
proc_status_kb() {
    local field="${1:-VmRSS}"
    awk -v f="$field:" '$1 == f { print $2 }' "/proc/$SERVER_PID/status"
}

# Requests every URL in a file (one path per line, relative to the server) over one kept-alive
# connection per curl batch; prints "<count> <status>" lines. Fails if any status is not 200.
request_all() {
    local paths_file="$1" label="$2"
    local cfg codes
    cfg="$(mktemp)"
    codes="$(mktemp)"
    awk -v base="http://127.0.0.1:$SERVER_PORT" 'NF { printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", base, $0 }' "$paths_file" >"$cfg"
    curl -s --config "$cfg" -w '%{http_code}\n' >"$codes" || true
    local total ok
    total=$(wc -l <"$codes")
    ok=$(grep -c '^200$' "$codes" || true)
    log "$label: $total requests, $ok answered 200 ($(sort "$codes" | uniq -c | awk '{printf "%s×%s ", $2, $1}'))"
    rm -f "$cfg" "$codes"
    if [[ "$ok" != "$total" ]]; then
        if [[ "${ALLOW_NON_200:-0}" == "1" ]]; then
            log "WARNING: $label: $((total - ok)) responses were not 200 (ALLOW_NON_200=1, continuing)"
        else
            die "$label: $((total - ok)) responses were not 200 (set ALLOW_NON_200=1 to measure anyway)."
        fi
    fi
}

# One line describing the machine and what else is running, for the results file.
machine_note() {
    echo "host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "dotnet: $(dotnet --version)"
    echo "busiest processes at start (%CPU, command):"
    ps -eo pcpu=,comm= --sort=-pcpu | head -5 | sed 's/^/  /'
    echo "other dotnet processes at start: $(pgrep -c -x dotnet || true)"
}

# The 100,000-case database of the search and API benchmarks: the setup recipe, one member site per
# registry government (make_tenants_recipe.py), CASES generated cases (make_cases.py), then
# `search rebuild` into $Search__IndexPath. Sets REBUILD_SECONDS.
# Usage: prepare_case_database <tmp-dir> <db-file> <cases>
prepare_case_database() {
    local tmp="$1" db="$2" cases="$3" start
    log "Creating the database and one member site per government..."
    python3 "$BENCH_DIR/make_tenants_recipe.py" "$WEB_PROJECT/Members/Data" "$tmp/tenants.recipe.json" "$tmp/tenant-paths.txt" >/dev/null
    run_app "$db" recipe apply "$tmp/tenants.recipe.json" >"$tmp/recipe.log" 2>&1 || { cat "$tmp/recipe.log" >&2; die "recipe apply failed"; }
    log "Inserting $cases cases..."
    python3 "$BENCH_DIR/make_cases.py" "$db" "$cases" >&2
    log "Rebuilding the search index (search rebuild)..."
    start=$(date +%s.%N)
    run_app "$db" search rebuild | tee "$tmp/rebuild.log" >&2
    REBUILD_SECONDS=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
}

# The temp folder of a case benchmark (search.sh, api.sh). With REUSE=<a folder kept by an earlier KEEP_TMP=1 run>
# it is that folder, so its database and index are measured again (after a change that keeps the index format);
# the caller must then keep it (KEEP_TMP=1). Usage: TMP="$(case_bench_tmp npo-bench-search)"
case_bench_tmp() {
    if [[ -n "${REUSE:-}" ]]; then
        [[ -f "$REUSE/network.db" && -d "$REUSE/index" ]] || die "REUSE=$REUSE holds no network.db and index/"
        echo "$REUSE"
    else
        mktemp -d -t "$1.XXXXXX"
    fi
}

# prepare_case_database, unless REUSE names a folder that already holds one; sets REBUILD_SECONDS either way.
# Usage: case_database <tmp-dir> <db-file> <cases>
case_database() {
    if [[ -z "${REUSE:-}" ]]; then
        prepare_case_database "$@"
        echo "$REBUILD_SECONDS" >"$1/rebuild-seconds.txt"
    else
        log "Reusing $1 (database and index of an earlier run)"
        REBUILD_SECONDS="$(cat "$1/rebuild-seconds.txt" 2>/dev/null || echo '?')"
    fi
}
