#!/usr/bin/env bash
# Boards benchmark: a topic page with 200 replies against a static file of the same size, served by the
# same Kestrel process, and posting throughput. Release build, Production environment, fresh SQLite
# database in a temp folder (the setup recipe runs on start).
#   1. Creates the first administrator through /setup (the one-time code is read from the server log),
#      a public category, a topic and 200 replies through the real HTTP endpoints (Markdown, sanitizer,
#      notifications, rate limiter: the limits are raised for the run).
#   2. Saves the topic page's HTML (Boards__PostsPerPage=250, so all 201 posts are on one page) as a static
#      file under a temp copy of themes/, and measures with wrk, in ROUNDS interleaved rounds:
#        anonymous   /boards/t/{id}   (what the public gets: the output cache serves it)
#        signed-in   /boards/t/{id}   (never cached: rendered from the database on every request)
#        static      the same bytes from /themes/Public/assets/
#      Target: page/static ratio >= 0.3.
#   3. Posting throughput: wrk POSTs replies (antiforgery token and cookies of the signed-in session) to a
#      second topic for DURATION seconds; every answer must be a 302 to the new post. Reports posts/s.
#
# Environment: SKIP_BUILD=1, DURATION (15), ROUNDS (3), THREADS (2), CONNECTIONS (32), POST_CONNECTIONS (4),
#   WARMUP_SECONDS (10), TARGET_RATIO (0.3), REPLIES (200), KEEP_TMP=1.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3 awk wrk

DURATION="${DURATION:-15}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-32}"
POST_CONNECTIONS="${POST_CONNECTIONS:-4}"
WARMUP_SECONDS="${WARMUP_SECONDS:-10}"
ROUNDS="${ROUNDS:-3}"
TARGET_RATIO="${TARGET_RATIO:-0.3}"
REPLIES="${REPLIES:-200}"

TMP="$(mktemp -d -t npo-bench-boards.XXXXXX)"
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
export Boards__PostsPerPage=250 Boards__PostsPerMinutePerUser=1000000 Boards__PostsPerMinutePerIp=1000000
export Boards__TrustedAfterDays=0 Boards__TrustedAfterPosts=0 Mail__PickupFolder="$TMP/mail"
ASSETS="$TMP/themes/Public/assets"
JAR="$TMP/cookies.txt"

start_server "$TMP/network.db" "$TMP/server.log"
BASE="http://127.0.0.1:$SERVER_PORT"

# The antiforgery token of a form page, for the session in the cookie jar.
token() { curl -s -b "$JAR" -c "$JAR" "$BASE$1" | python3 -c 'import re,sys; print(re.search(r"name=\"__RequestVerificationToken\" value=\"([^\"]+)\"", sys.stdin.read()).group(1))'; }
# POST form fields (already URL-encoded) with a token from $1; prints "status location".
post() {
    local from="$1" url="$2" data="$3" t
    t="$(token "$from")"
    curl -s -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}' --data "$data" --data-urlencode "__RequestVerificationToken=$t" "$BASE$url"
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }

CODE="$(grep -oE '初期設定コード（この起動の間だけ有効）: [A-Z0-9-]+' "$SERVER_LOG" | awk '{print $NF}')"
[[ -n "$CODE" ]] || die "no setup code in the server log"
read -r status _ <<<"$(post /setup /setup "code=$CODE&displayName=$(enc 事務局)&email=bench%40example.jp&password=bench-password-1&confirm=bench-password-1")"
[[ "$status" == "302" ]] || die "/setup answered $status"
read -r status _ <<<"$(post /admin/boards/new /admin/boards "name=$(enc 協働の進め方)&slug=kyodo&order=1&visibility=Public")"
[[ "$status" == "302" ]] || die "creating the category answered $status"

new_topic() {
    local title="$1" location
    read -r status location <<<"$(post /boards/kyodo /boards/kyodo/topics "title=$(enc "$title")&body=$(enc '各自治体の協働事業の進め方を共有しましょう。')")"
    [[ "$status" == "302" ]] || die "creating a topic answered $status"
    echo "${location##*/}"
}
TOPIC="$(new_topic 'NPOとの協働事業の評価方法')"
POST_TOPIC="$(new_topic '投稿速度の計測用')"

BODY='当市では**協働事業評価シート**を使い、年度末に NPO と担当課が一緒に振り返っています。

- 事業の目的と成果指標を最初に合意する
- 中間で一度、進み具合を確認する
- 結果は市民活動推進委員会に報告する

> 評価は点数付けではなく、次の協働を良くするための対話です。'
BODY_ENC="$(enc "$BODY")"
log "Posting $REPLIES replies to topic $TOPIC..."
T="$(token "/boards/t/$TOPIC")"
for i in $(seq 1 "$REPLIES"); do
    status="$(curl -s -b "$JAR" -o /dev/null -w '%{http_code}' --data "body=$BODY_ENC" --data-urlencode "__RequestVerificationToken=$T" "$BASE/boards/t/$TOPIC/replies")"
    [[ "$status" == "302" ]] || die "reply $i answered $status"
done

PAGE="/boards/t/$TOPIC"
FILE="bench-board-topic.html"
status="$(curl -s -o "$ASSETS/$FILE" -w '%{http_code}' "$BASE$PAGE")"
[[ "$status" == "200" ]] || die "$PAGE answered $status"
POSTS_ON_PAGE="$(grep -o 'class="board-post[ "]' "$ASSETS/$FILE" | wc -l)"
[[ "$POSTS_ON_PAGE" -ge "$((REPLIES + 1))" ]] || die "the page shows $POSTS_ON_PAGE posts, expected $((REPLIES + 1))"
PAGE_BYTES="$(stat -c %s "$ASSETS/$FILE")"
[[ "$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$BASE/themes/Public/assets/$FILE")" == "200 $PAGE_BYTES" ]] || die "static copy differs"
log "topic page: $POSTS_ON_PAGE posts, $PAGE_BYTES bytes"

COOKIE="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JAR")"
cat >"$TMP/signed-in.lua" <<LUA
wrk.headers["Cookie"] = "$COOKIE"
LUA
STATIC="/themes/Public/assets/$FILE"
# label | url | wrk script (empty: anonymous)
RUNS=("anonymous|$PAGE|" "signed-in|$PAGE|$TMP/signed-in.lua" "static|$STATIC|")
wrk_run() { local url="$1" script="$2" secs="$3"; shift 3; if [[ -n "$script" ]]; then wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" -s "$script" "$@" "$BASE$url"; else wrk -t"$THREADS" -c"$CONNECTIONS" -d"${secs}s" "$@" "$BASE$url"; fi; }
for run in "${RUNS[@]}"; do
    IFS='|' read -r label url script <<<"$run"
    log "warm-up: $label ${WARMUP_SECONDS}s"
    wrk_run "$url" "$script" "$WARMUP_SECONDS" >/dev/null
done
: >"$TMP/rps.txt"
: >"$TMP/wrk.txt"
for round in $(seq 1 "$ROUNDS"); do
    for run in "${RUNS[@]}"; do
        IFS='|' read -r label url script <<<"$run"
        out="$(wrk_run "$url" "$script" "$DURATION" --latency)"
        { echo "### round $round: $label $url"; echo "$out"; echo; } >>"$TMP/wrk.txt"
        grep -q 'Non-2xx or 3xx responses' <<<"$out" && { echo "$out" >&2; die "$label: some responses were not 2xx"; }
        rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
        echo "$round $label $rps" >>"$TMP/rps.txt"
        log "round $round/$ROUNDS $label: $rps requests/sec"
    done
done

# Posting throughput: the same reply, again and again, by the signed-in administrator.
BEFORE="$(curl -s -b "$JAR" "$BASE/boards/kyodo" | grep -c 'board-topics' || true)"
T="$(token "/boards/t/$POST_TOPIC")"
cat >"$TMP/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Cookie"] = "$COOKIE"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "body=$BODY_ENC&__RequestVerificationToken=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$T")"
LUA
log "posting: wrk -t$THREADS -c$POST_CONNECTIONS -d${DURATION}s POST /boards/t/$POST_TOPIC/replies"
POST_OUT="$(wrk -t"$THREADS" -c"$POST_CONNECTIONS" -d"${DURATION}s" --latency -s "$TMP/post.lua" "$BASE/boards/t/$POST_TOPIC/replies")"
grep -q 'Non-2xx or 3xx responses' <<<"$POST_OUT" && { echo "$POST_OUT" >&2; die "posting: some responses were not 302"; }
POST_RPS="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$POST_OUT")"
POST_P50="$(awk '$1 == "50%" { print $2 }' <<<"$POST_OUT")"
POST_P99="$(awk '$1 == "99%" { print $2 }' <<<"$POST_OUT")"
STORED="$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from Posts where TopicId = ?", (int(sys.argv[2]),)).fetchone()[0])' "$TMP/network.db" "$POST_TOPIC")"

REPORT="$(python3 - "$TMP/rps.txt" "$TARGET_RATIO" "$PAGE_BYTES" "$POSTS_ON_PAGE" <<'PY'
import collections, statistics, sys
rps = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    rnd, label, value = line.split()
    rps[label][int(rnd)] = float(value)
target, size, posts = float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rounds = sorted(rps["static"])
print(f"topic page with {posts} posts, {size:,} bytes; static copy {statistics.median(rps['static'].values()):.0f} req/s")
for label in ("anonymous", "signed-in"):
    ratios = [rps[label][r] / rps["static"][r] for r in rounds]
    ratio = statistics.median(ratios)
    print(f"  {label:<10} {statistics.median(rps[label].values()):>8.0f} req/s, ratio {ratio:.2f} (target >= {target}: {'MET' if ratio >= target else 'MISSED'}); "
          f"rounds {', '.join(f'{rps[label][r]:.0f}' for r in rounds)}")
PY
)"
REPORT="$REPORT
posting: $POST_RPS replies/s with $POST_CONNECTIONS connections (latency p50 $POST_P50, p99 $POST_P99); $STORED posts stored in the topic"

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/boards-$STAMP.txt"
{
    echo "boards.sh — $(date -Iseconds)"
    echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
    echo "$NOTE"
    echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "$REPORT"
    echo
    cat "$TMP/wrk.txt"
    echo "### posting"
    echo "$POST_OUT"
} >"$OUT"
echo
echo "$REPORT"
echo "raw figures: $OUT"
