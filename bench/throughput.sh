#!/usr/bin/env bash
# Throughput of rendered pages against static files of the same size, served by the same
# Kestrel process: Release build, Production environment, fresh SQLite database in a temp folder
# (the setup recipe runs on start). Measures with wrk:
#   hub home              /                         vs  a static copy of its HTML
#   member profile        /members/120006           vs  a static copy of its HTML
# The static copies are written into a temp copy of themes/ (the app is pointed at it with
# Themes__Path), under Public/assets/, so the app's own static file middleware serves them at
# /themes/Public/assets/bench-*.html; the repository's themes/ folder is never written to.
# Prints requests/sec for each and the ratio page/static. Target: ratio >= 0.5.
#
# wrk runs on the same machine as the server, and other work may share it, so the four URLs are
# measured in ROUNDS (3) interleaved rounds: each figure is the median over the rounds, and each
# ratio the median of the per-round ratios (a page and its static copy are measured back to back).
#
# With NEWS_PER_SITE=20, the database first gets one member site per registry government (1,963,
# make_tenants_recipe.py, applied with `recipe apply`) and that many published news items per site
# (make_news.py), so the hub home aggregates news from every member (issue 8's benchmark).
#
# Environment: NEWS_PER_SITE (unset: the setup recipe's sites only), SKIP_BUILD=1, DURATION (15, seconds per wrk run), ROUNDS (3), THREADS (2),
#   CONNECTIONS (32), WARMUP_SECONDS (10, per URL: lets tiered JIT settle), TARGET_RATIO (0.5),
#   KEEP_TMP=1, PROFILE_CODE (120006).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3 awk wrk

DURATION="${DURATION:-15}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
ROUNDS="${ROUNDS:-3}"
TARGET_RATIO="${TARGET_RATIO:-0.5}"
PROFILE_CODE="${PROFILE_CODE:-120006}"

TMP="$(mktemp -d -t npo-bench-throughput.XXXXXX)"
cleanup() {
    stop_server
    if [[ "${KEEP_TMP:-0}" == "1" ]]; then log "Temp folder kept: $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
NOTE="$(machine_note)"

cp -r "$REPO_ROOT/themes" "$TMP/themes"
export Themes__Path="$TMP/themes"
ASSETS="$TMP/themes/Public/assets"

if [[ -n "${NEWS_PER_SITE:-}" ]]; then
    log "One member site per government, $NEWS_PER_SITE news items each..."
    python3 "$BENCH_DIR/make_tenants_recipe.py" "$WEB_PROJECT/Members/Data" "$TMP/tenants.recipe.json" "$TMP/tenant-paths.txt" >/dev/null
    run_app "$TMP/network.db" recipe apply "$TMP/tenants.recipe.json" >"$TMP/recipe.log" 2>&1 || { cat "$TMP/recipe.log" >&2; die "recipe apply failed"; }
    SETUP_NOTE="$(python3 "$BENCH_DIR/make_news.py" "$TMP/network.db" "$NEWS_PER_SITE")"
    log "$SETUP_NOTE"
fi

start_server "$TMP/network.db" "$TMP/server.log"
BASE="http://127.0.0.1:$SERVER_PORT"

# name | page path | static copy file name
PAIRS=(
    "hub home|/|bench-hub-home.html"
    "member profile|/members/$PROFILE_CODE|bench-member-profile.html"
)

URLS=()
for pair in "${PAIRS[@]}"; do
    IFS='|' read -r name page file <<<"$pair"
    status="$(curl -s -o "$ASSETS/$file" -w '%{http_code}' "$BASE$page")"
    [[ "$status" == "200" ]] || die "$page answered $status"
    page_bytes="$(stat -c %s "$ASSETS/$file")"
    static_bytes="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$BASE/themes/Public/assets/$file")"
    [[ "$static_bytes" == "200 $page_bytes" ]] || die "static copy of $page: expected '200 $page_bytes', got '$static_bytes'"
    log "$name: $page is $page_bytes bytes; static copy at /themes/Public/assets/$file"
    URLS+=("$page" "/themes/Public/assets/$file")
done

for url in "${URLS[@]}"; do
    log "warm-up: wrk ${WARMUP_SECONDS}s $url"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP_SECONDS}s" "$BASE$url" >/dev/null
done

WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency"
: >"$TMP/wrk.txt"
: >"$TMP/rps.txt"
for round in $(seq 1 "$ROUNDS"); do
    for url in "${URLS[@]}"; do
        log "round $round/$ROUNDS: $WRK_CMD $BASE$url"
        out="$($WRK_CMD "$BASE$url")"
        { echo "### round $round: $WRK_CMD $url"; echo "$out"; echo; } >>"$TMP/wrk.txt"
        if grep -q 'Non-2xx or 3xx responses' <<<"$out"; then
            echo "$out" >&2
            die "$url: some responses were not 2xx/3xx"
        fi
        rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
        [[ -n "$rps" ]] || { echo "$out" >&2; die "could not read Requests/sec for $url"; }
        echo "$round $url $rps" >>"$TMP/rps.txt"
        log "  $rps requests/sec (load average $(cut -d' ' -f1 /proc/loadavg))"
    done
done

PAIR_ARGS=()
for pair in "${PAIRS[@]}"; do
    IFS='|' read -r name page file <<<"$pair"
    PAIR_ARGS+=("$name" "$page" "/themes/Public/assets/$file" "$(stat -c %s "$ASSETS/$file")")
done
REPORT="$(python3 - "$TMP/rps.txt" "$TARGET_RATIO" "${PAIR_ARGS[@]}" <<'PY'
import collections, statistics, sys
rps = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    rnd, url, value = line.split()
    rps[url][int(rnd)] = float(value)
target = float(sys.argv[2])
args = sys.argv[3:]
for i in range(0, len(args), 4):
    name, page, static, size = args[i], args[i + 1], args[i + 2], int(args[i + 3])
    rounds = sorted(rps[page])
    ratios = [rps[page][r] / rps[static][r] for r in rounds]
    ratio = statistics.median(ratios)
    print(f"{name:<15} {page:<16} {size:>6} B: page {statistics.median(rps[page].values()):>8.0f} req/s, "
          f"static copy {statistics.median(rps[static].values()):>8.0f} req/s, ratio {ratio:.2f} "
          f"(target >= {target}: {'MET' if ratio >= target else 'MISSED'})")
    print(f"{'':<15} rounds: page {', '.join(f'{rps[page][r]:.0f}' for r in rounds)}; "
          f"static {', '.join(f'{rps[static][r]:.0f}' for r in rounds)}; ratio {', '.join(f'{x:.2f}' for x in ratios)}")
PY
)"

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/throughput-$STAMP.txt"
{
    echo "throughput.sh — $(date -Iseconds)"
    echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_ROOT" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
    echo "$NOTE"
    [[ -n "${SETUP_NOTE:-}" ]] && echo "data: $SETUP_NOTE"
    echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "command: $WRK_CMD <url>  ($ROUNDS interleaved rounds, medians; after ${WARMUP_SECONDS}s warm-up per URL; wrk runs on the same machine as the server)"
    echo
    echo "$REPORT"
    echo
    cat "$TMP/wrk.txt"
} >"$OUT"
echo
echo "$REPORT"
echo "raw figures: $OUT"
