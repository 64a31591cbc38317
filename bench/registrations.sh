#!/usr/bin/env bash
# Forum registration under a burst: REGISTRATIONS (500) people submit the registration form at the
# same moment for a forum with CAPACITY (300) places, against the Release build (Production
# environment, fresh SQLite database in a temp folder). Then CANCELS (50) of the confirmed cancel at
# the same moment. Checks, from the database itself:
#   - none lost: every POST answered 200 and there is exactly one row per person;
#   - none overbooked: exactly CAPACITY confirmed after the burst and after the cancellations;
#   - waitlist exact: every confirmed registration came before every waitlisted one (sequence order),
#     sequences are 1..N without gaps or repeats, and the cancellations promoted exactly the
#     CANCELS earliest waitlisted;
#   - one mail per registration and one per promotion.
# Reports registrations per second (first POST sent to last answer) and latency percentiles.
#
# Each simulated person first GETs the form (their own antiforgery cookie and token), all before
# the burst; then all POSTs are released together by a barrier, CLIENTS (500) threads at once.
# The per-IP registration limit is lifted for the run (Forums__RegistrationsPerMinutePerIp).
#
# Environment: SKIP_BUILD=1, REGISTRATIONS (500), CAPACITY (300), CANCELS (50), CLIENTS (=REGISTRATIONS), KEEP_TMP=1.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require dotnet curl python3

REGISTRATIONS="${REGISTRATIONS:-500}"
CAPACITY="${CAPACITY:-300}"
CANCELS="${CANCELS:-50}"
CLIENTS="${CLIENTS:-$REGISTRATIONS}"
EDITION=100

TMP="$(mktemp -d -t npo-bench-registrations.XXXXXX)"
cleanup() {
    stop_server
    if [[ "${KEEP_TMP:-0}" == "1" ]]; then log "Temp folder kept: $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

build_release
NOTE="$(machine_note)"
export Forums__RegistrationsPerMinutePerIp=1000000
export Mail__PickupFolder="$TMP/mail"
export DataProtection__KeysFolder="$TMP/keys"
DB="$TMP/network.db"

# First start runs the setup recipe; the benchmark forum is then added with the Forums recipe step.
start_server "$DB" "$TMP/server-setup.log"
stop_server
cat >"$TMP/forum.recipe.json" <<JSON
{ "name": "bench-forum", "steps": [ { "name": "Forums", "forums": [ {
  "edition": $EDITION, "fiscalYear": 2030, "title": "【見本】負荷試験用フォーラム", "status": "registrationOpen", "sample": true,
  "capacity": $CAPACITY, "registrationClosesOn": "2099-03-31", "hosts": [ { "code": "060003" } ] } ] } ] }
JSON
run_app "$DB" recipe apply "$TMP/forum.recipe.json" >"$TMP/recipe.log" 2>&1 || { cat "$TMP/recipe.log" >&2; die "recipe apply failed"; }
start_server "$DB" "$TMP/server.log"

REPORT="$(python3 - "http://127.0.0.1:$SERVER_PORT" "$DB" "$EDITION" "$REGISTRATIONS" "$CAPACITY" "$CANCELS" "$CLIENTS" "$TMP/mail" <<'PY'
import glob, http.cookiejar, re, sqlite3, statistics, sys, threading, time, urllib.parse, urllib.request
from concurrent.futures import ThreadPoolExecutor

base, db_path, edition = sys.argv[1], sys.argv[2], int(sys.argv[3])
n, capacity, cancels, clients, mail_dir = (int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8])
form_url = f"{base}/forums/{edition}/register"
token_re = re.compile(r'name="__RequestVerificationToken" value="([^"]+)"')

def browser():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

def prepare(url):
    """GET a form like a browser: its own cookie jar and antiforgery token."""
    opener = browser()
    html = opener.open(url, timeout=60).read().decode()
    return opener, token_re.search(html).group(1)

def burst(jobs):
    """jobs: (opener, url, body). All POSTs wait at a barrier and go together; returns (status, seconds) and the wall time."""
    barrier = threading.Barrier(len(jobs) + 1)
    results = [None] * len(jobs)
    def post(i):
        opener, url, body = jobs[i]
        barrier.wait()
        t0 = time.perf_counter()
        try:
            status = opener.open(url, data=body, timeout=120).status
        except urllib.error.HTTPError as e:
            status = e.code
        except Exception as e:
            status = f"error {type(e).__name__}"
        results[i] = (status, time.perf_counter() - t0)
    with ThreadPoolExecutor(max_workers=min(clients, len(jobs))) as pool:
        futures = [pool.submit(post, i) for i in range(len(jobs))]
        barrier.wait()
        start = time.perf_counter()
        for f in futures: f.result()
        wall = time.perf_counter() - start
    return results, wall

def rows():
    con = sqlite3.connect(db_path)
    forum = con.execute("select Id from Forums where Edition = ?", (edition,)).fetchone()[0]
    r = con.execute("select NormalizedEmail, Status, Sequence, CancelToken from Registrations where ForumId = ? order by Sequence", (forum,)).fetchall()
    con.close()
    return r

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

problems = []
t0 = time.perf_counter()
with ThreadPoolExecutor(max_workers=16) as pool:
    prepared = list(pool.map(lambda _: prepare(form_url), range(n)))
prep = time.perf_counter() - t0

jobs = []
for i, (opener, token) in enumerate(prepared):
    body = urllib.parse.urlencode([("__RequestVerificationToken", token), ("name", f"負荷試験 {i:03d}"), ("organization", "負荷試験市"),
                                   ("kind", "Government"), ("email", f"bench{i:03d}@example.jp"), ("accessibility", "")]).encode()
    jobs.append((opener, form_url, body))
results, wall = burst(jobs)
statuses = [s for s, _ in results]
latencies = [t for _, t in results]
if statuses.count(200) != n:
    problems.append(f"{n - statuses.count(200)} registrations did not answer 200: {sorted(set(map(str, statuses)))}")

r = rows()
confirmed = [x for x in r if x[1] == "Confirmed"]
waitlisted = [x for x in r if x[1] == "Waitlisted"]
if len(r) != n: problems.append(f"rows: {len(r)}, expected {n} (lost or duplicated)")
if len({x[0] for x in r}) != len(r): problems.append("duplicate e-mail rows")
if len(confirmed) != min(n, capacity): problems.append(f"confirmed: {len(confirmed)}, expected {min(n, capacity)}")
if len(waitlisted) != max(0, n - capacity): problems.append(f"waitlisted: {len(waitlisted)}, expected {max(0, n - capacity)}")
if sorted(x[2] for x in r) != list(range(1, n + 1)): problems.append("sequences are not exactly 1..N")
if confirmed and waitlisted and max(x[2] for x in confirmed) > min(x[2] for x in waitlisted):
    problems.append("a waitlisted registration came before a confirmed one")

# Cancellations at the same moment: the earliest `cancels` waitlisted must be promoted, no more, no fewer.
cancelled = confirmed[:cancels]
expected_promoted = {x[0] for x in waitlisted[:cancels]}
cjobs = []
with ThreadPoolExecutor(max_workers=16) as pool:
    pre = list(pool.map(lambda x: (prepare(f"{base}/forums/registration/cancel/{x[3]}"), x[3]), cancelled))
for (opener, token), cancel_token in pre:
    cjobs.append((opener, f"{base}/forums/registration/cancel/{cancel_token}", urllib.parse.urlencode([("__RequestVerificationToken", token)]).encode()))
cresults, cwall = burst(cjobs)
if [s for s, _ in cresults].count(200) != len(cjobs): problems.append(f"cancellations not all 200: {sorted(set(str(s) for s, _ in cresults))}")
r2 = rows()
confirmed2 = {x[0] for x in r2 if x[1] == "Confirmed"}
promoted = {x[0] for x in r2 if x[1] == "Confirmed"} - {x[0] for x in confirmed}
if len(confirmed2) != min(n, capacity): problems.append(f"after cancellations: {len(confirmed2)} confirmed, expected {min(n, capacity)}")
if promoted != expected_promoted: problems.append(f"promoted {len(promoted)}, of which {len(promoted & expected_promoted)} were the earliest waitlisted")
if sum(1 for x in r2 if x[1] == "Cancelled") != len(cancelled): problems.append("cancelled count differs")

mails = len(glob.glob(f"{mail_dir}/*.eml"))
if mails != n + len(expected_promoted): problems.append(f"mails: {mails}, expected {n + len(expected_promoted)}")

print(f"registrations   {n} submitted at once for {capacity} places by {min(clients, n)} client threads (forms fetched beforehand in {prep:.1f} s)")
print(f"                all answered in {wall:.2f} s: {n / wall:.0f} registrations/s; latency p50 {pct(latencies, 50) * 1000:.0f} ms, "
      f"p95 {pct(latencies, 95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
print(f"                {statuses.count(200)} × 200; rows {len(r)}; confirmed {len(confirmed)}; waitlisted {len(waitlisted)}; sequences 1..{n}")
print(f"cancellations   {len(cjobs)} at once in {cwall:.2f} s ({len(cjobs) / cwall:.0f}/s); promoted {len(promoted)} = the {len(expected_promoted)} earliest waitlisted: "
      f"{'yes' if promoted == expected_promoted else 'NO'}; confirmed after: {len(confirmed2)}")
print(f"mails           {mails} (one per registration, one per promotion)")
print("verdict         " + ("PASS: none lost, none overbooked, waitlist exact" if not problems else "FAIL: " + "; ".join(problems)))
sys.exit(1 if problems else 0)
PY
)" || { echo "$REPORT"; die "registration benchmark found problems (above)"; }

STAMP="$(date +%Y%m%d-%H%M%S)"
mkdir -p "$RESULTS_DIR"
OUT="$RESULTS_DIR/registrations-$STAMP.txt"
{
    echo "registrations.sh — $(date -Iseconds)"
    echo "commit: $(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO_ROOT" diff --quiet 2>/dev/null || echo ' (+ uncommitted changes)')"
    echo "$NOTE"
    echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "$REPORT"
} >"$OUT"
echo
echo "$REPORT"
echo "raw figures: $OUT"
