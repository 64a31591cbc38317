#!/usr/bin/env bash
# Memory cost of tenants: process RSS (VmRSS) of the app, Release build, Production environment,
#   (a) with the setup data only (hub + 6 sample tenants; the setup recipe is applied by a first
#       start, then the server is restarted for the measurement), after a warm-up of
#       WARMUP_REQUESTS (200) requests each to the hub home and a sample tenant's home;
#   (b) after adding one tenant per government in the registry (1,963, via `recipe apply`
#       with the server stopped), restarting, and requesting every tenant's home once plus the hub.
# Prints both figures, the increase and the increase per tenant; writes them to bench/results/.
# Target: (b) ≤ 300 MB.
#
# RSS moves by several MB between identical runs (GC heap sizing), so each state is measured
# RUNS times (3), each on a fresh process start, and the median is reported.
#
# Environment: SKIP_BUILD=1 (use the existing Release build), WARMUP_REQUESTS (200), RUNS (3),
#   SETTLE_SECONDS (3, pause before reading RSS), KEEP_TMP=1 (keep the temp folder),
#   ALLOW_NON_200=1 (measure even if some warm-up responses are not 200),
#   TARGET_MB (300).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3 awk

WARMUP_REQUESTS="${WARMUP_REQUESTS:-200}"
RUNS="${RUNS:-3}"
SETTLE_SECONDS="${SETTLE_SECONDS:-3}"
TARGET_MB="${TARGET_MB:-300}"
SAMPLE_TENANT="${SAMPLE_TENANT:-chiba}"

TMP="$(mktemp -d -t npo-bench-memory.XXXXXX)"
cleanup() {
    stop_server
    if [[ "${KEEP_TMP:-0}" == "1" ]]; then log "Temp folder kept: $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
DB="$TMP/network.db"
NOTE="$(machine_note)"

read_rss() {
    sleep "$SETTLE_SECONDS"
    RSS_KB="$(proc_status_kb VmRSS)"
    HWM_KB="$(proc_status_kb VmHWM)"
}

declare -A HUB_BYTES

count_tenants() {
    python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from Tenants").fetchone()[0])' "$DB"
}

# Starts the server, runs the warm-up in $2, reads RSS, stops; appends "rss hwm" to the file $3.
measure() {
    local label="$1" warmup="$2" out="$3" run
    for run in $(seq 1 "$RUNS"); do
        start_server "$DB" "$TMP/server-$label-$run.log"
        request_all "$warmup" "warm-up ($label) run $run/$RUNS"
        HUB_BYTES[$label]="$(curl -s -o /dev/null -w '%{size_download}' "http://127.0.0.1:$SERVER_PORT/")"
        read_rss
        log "($label) run $run/$RUNS: VmRSS $RSS_KB kB (peak VmHWM $HWM_KB kB)"
        echo "$RSS_KB $HWM_KB" >>"$out"
        stop_server
    done
}

# --- (a) setup data only -------------------------------------------------------------------
# The first start applies the setup recipe in-process (registry import, change tracking), which
# leaves a larger heap behind; the measured starts are plain restarts, as in (b).
start_server "$DB" "$TMP/server-setup.log"
log "Setup recipe applied by the first start; restarting for the measurements"
stop_server
A_TENANTS="$(count_tenants)"
{
    for _ in $(seq 1 "$WARMUP_REQUESTS"); do echo /; echo "/$SAMPLE_TENANT/"; done
} >"$TMP/warmup-a.txt"
measure a "$TMP/warmup-a.txt" "$TMP/rss-a.txt"

# --- (b) one tenant per government ------------------------------------------------------------
GOV_COUNT="$(python3 "$BENCH_DIR/make_tenants_recipe.py" "$WEB_PROJECT/Members/Data" "$TMP/bench-tenants.recipe.json" "$TMP/tenant-homes.txt")"
log "Generated a recipe with $GOV_COUNT tenants; applying it (server stopped)..."
apply_start=$SECONDS
run_app "$DB" recipe apply "$TMP/bench-tenants.recipe.json" >"$TMP/recipe-apply.log" 2>&1 \
    || { cat "$TMP/recipe-apply.log" >&2; die "recipe apply failed (output above)."; }
APPLY_SECONDS=$((SECONDS - apply_start))
log "recipe apply took ${APPLY_SECONDS}s: $(tail -n 1 "$TMP/recipe-apply.log")"
B_TENANTS="$(count_tenants)"
{ echo /; cat "$TMP/tenant-homes.txt"; } >"$TMP/warmup-b.txt"
measure b "$TMP/warmup-b.txt" "$TMP/rss-b.txt"

# --- report ----------------------------------------------------------------------------------------
ADDED=$((B_TENANTS - A_TENANTS))
REPORT="$(python3 - "$TMP/rss-a.txt" "$TMP/rss-b.txt" "$A_TENANTS" "$B_TENANTS" "$TARGET_MB" <<'PY'
import statistics, sys
def load(path):
    rows = [tuple(map(int, line.split())) for line in open(path) if line.strip()]
    return [r[0] for r in rows], [r[1] for r in rows]
(ra, ha), (rb, hb) = load(sys.argv[1]), load(sys.argv[2])
at, bt, target = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
added = bt - at
mb = lambda kb: kb / 1024
a, b = statistics.median(ra), statistics.median(rb)
inc = b - a
runs = lambda xs: ", ".join(f"{mb(x):.1f}" for x in xs)
print(f"(a) setup data only, {at} tenants: VmRSS median {a:.0f} kB = {mb(a):.1f} MB  (runs: {runs(ra)} MB; peak VmHWM max {mb(max(ha)):.1f} MB)")
print(f"(b) + {added} registry tenants, {bt} tenants: VmRSS median {b:.0f} kB = {mb(b):.1f} MB  (runs: {runs(rb)} MB; peak VmHWM max {mb(max(hb)):.1f} MB)")
print(f"increase (b) - (a): {inc:.0f} kB = {mb(inc):.1f} MB; per added tenant: {inc / added:.1f} kB")
print(f"target (b) <= {target} MB: {'MET' if mb(b) <= target else 'MISSED'}")
PY
)"

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/tenants-memory-$STAMP.txt"
{
    echo "tenants-memory.sh — $(date -Iseconds)"
    echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_ROOT" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
    echo "$NOTE"
    echo "runs per state: $RUNS (fresh process each; median reported)"
    echo "warm-up (a): $WARMUP_REQUESTS × / and $WARMUP_REQUESTS × /$SAMPLE_TENANT/; (b): / + $GOV_COUNT tenant homes; RSS read ${SETTLE_SECONDS}s after warm-up"
    echo "recipe apply of $GOV_COUNT tenants: ${APPLY_SECONDS}s"
    echo "hub home size: (a) ${HUB_BYTES[a]} bytes, (b) ${HUB_BYTES[b]} bytes (it links every member site)"
    echo
    echo "$REPORT"
} >"$OUT"
echo
echo "$REPORT"
echo "raw figures: $OUT"
