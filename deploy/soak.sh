#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# Faults survived: `wirefeed run` (release) for SOAK_SECONDS (default 600) against the workshop's
# fault-injecting server (../shared/bench/serve.py --fault …: 5xx bursts, 503 and 429 with
# Retry-After, truncated bodies, dropped connections, slow drips, redirect chains, 410) over a farm
# of SOAK_FEEDS feeds (default 120, gen_feeds.py) that advances every SOAK_ADVANCE seconds (60),
# with SIGUSR1 and SIGHUP (a good configuration, or one with an out-of-range value that must be
# refused) at random moments. The last SOAK_SETTLE seconds (90) serve the last generation with
# only the structural faults (redirects, 410) and end on a SIGUSR1. Then it checks:
#   - the spool holds exactly the farm's ground truth: one file per (story, version) ever visible
#     in a feed that was not gone;
#   - the disabled feeds are exactly the gone ones;
#   - resident memory is flat (the last sample within SOAK_RSS_GROWTH percent, default 15, of the
#     sample at SOAK_ADVANCE seconds);
#   - the daemon never restarted (one process, one start in its log) and stops cleanly.
# Benchmark-style: it prints its figures and exits non-zero when a check fails. Needs ../shared
# (the workshop); skips with one line when it is absent. Everything stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH_DIR:-../shared/bench}
if [ ! -x "$bench/serve.py" ] || [ ! -x "$bench/gen_feeds.py" ]; then
    echo "soak: skipped: the workshop's $bench/serve.py and gen_feeds.py are missing"
    exit 0
fi
seconds=${SOAK_SECONDS:-600}
feeds=${SOAK_FEEDS:-120}
items=${SOAK_ITEMS:-30}
advance=${SOAK_ADVANCE:-60}
settle=${SOAK_SETTLE:-90}
growth=${SOAK_RSS_GROWTH:-15}
seed=${SOAK_SEED:-16}
work=${SOAK_WORK:-/tmp/wirefeed-soak}
[ "$seconds" -gt $((settle + advance)) ] || { echo "soak: SOAK_SECONDS must exceed SOAK_SETTLE + SOAK_ADVANCE"; exit 64; }

if [ -z "${WIREFEED_BIN:-}" ]; then
    swift build -c release --product wirefeed >/dev/null
    WIREFEED_BIN=$PWD/.build/release/wirefeed
fi
wirefeed=$WIREFEED_BIN

rm -rf "$work"
mkdir -p "$work"
farm=$work/farm
python3 "$bench/gen_feeds.py" init --farm "$farm" -n "$feeds" -m "$items" --seed "$seed" >/dev/null

# The faults: transient ones (probabilistic) on feeds 0-39 and 60-69, structural ones (every
# time) on 40-51. serve.py applies the first matching rule; delays add up.
structural=(
    '*/f0004[0-4].*=redirect:3:301'
    '*/f0004[5-9].*=redirect:2:302'
    '*/f0005[01].*=gone'
)
transient=(
    '*/f0000?.*=status:500,p=0.3'
    '*/f0001[0-4].*=status:503:5,p=0.3'
    '*/f0001[5-9].*=429:5,p=0.3'
    '*/f0002[0-4].*=truncate:0.5,p=0.3'
    '*/f0002[5-9].*=drop,p=0.3'
    '*/f0003[0-4].*=slow:2000,p=0.2'
    '*/f0003[5-9].*=status:502,p=0.5,times=3'
    '*/f0006?.*=delay:2,p=0.5'
)
gone_paths=$(python3 - "$farm" <<'PY'
import json, sys, fnmatch
meta = json.load(open(sys.argv[1] + "/farm.json"))
print("\n".join(f["path"] for f in meta["feeds"] if fnmatch.fnmatchcase("/" + f["path"], "*/f0005[01].*")))
PY
)

server_pid=
daemon=
sampler=
cleanup() {
    for pid in $sampler $daemon $server_pid; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start_server() { # $1: log name, then the fault rules
    local log=$1
    shift
    local args=()
    for rule in "$@"; do args+=(--fault "$rule"); done
    rm -f "$work/port"
    python3 "$bench/serve.py" --root "$farm/current" --port "${port:-0}" --port-file "$work/port" \
        --max-seconds $((seconds + 120)) --gzip --seed "$seed" --stats-file "$work/$log.stats.json" \
        "${args[@]}" >/dev/null 2>"$work/$log.log" &
    server_pid=$!
    for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
    port=$(cat "$work/port")
}
start_server faults "${structural[@]}" "${transient[@]}"

python3 - "$farm" "$port" > "$work/feeds.txt" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1] + "/farm.json"))
for f in meta["feeds"]:
    print(f"http://127.0.0.1:{sys.argv[2]}/{f['path']}")
PY
cat > "$work/good.yaml" <<YAML
state_directory: $work/state
spool_directory: $work/spool
poll:
  interval: 10s
  minimum_interval: 5s
  maximum_interval: 30s
  backoff_cap: 20s
  retry_after_cap: 10s
http:
  max_concurrency: 16
  max_per_host: 8
  timeout: 15s
  low_speed_time: 5s
feeds_files: [feeds.txt]
YAML
bad_values=('retention: 1e17s' 'poll:\n  interval: 999999999999999999s' 'http:\n  max_body_size: 99999999999999999999GiB')
cp "$work/good.yaml" "$work/wirefeed.yaml"

started=$(date +%s)
"$wirefeed" run --config "$work/wirefeed.yaml" 2> "$work/daemon.log" &
daemon=$!
for _ in $(seq 300); do grep -q "wirefeed running" "$work/daemon.log" && break; sleep 0.1; done

# Resident memory every 10 s.
(
    while kill -0 "$daemon" 2>/dev/null; do
        echo "$(($(date +%s) - started)) $(awk '/VmRSS/ {print $2}' "/proc/$daemon/status" 2>/dev/null)"
        sleep 10
    done
) > "$work/rss.txt" &
sampler=$!

# The schedule: advances every $advance s until the settle phase; signals at random moments.
RANDOM=$seed
usr1=0 hup=0 refused_sent=0 generations=0
settle_at=$((seconds - settle))
next_advance=$advance
next_signal=$((RANDOM % 20 + 5))
while :; do
    now=$(($(date +%s) - started))
    [ "$now" -ge "$settle_at" ] && break
    if [ "$now" -ge "$next_advance" ]; then
        python3 "$bench/gen_feeds.py" advance --farm "$farm" >/dev/null
        generations=$((generations + 1))
        next_advance=$((next_advance + advance))
    fi
    if [ "$now" -ge "$next_signal" ]; then
        case $((RANDOM % 3)) in
            0)
                kill -USR1 "$daemon"
                usr1=$((usr1 + 1))
                ;;
            1)
                cp "$work/good.yaml" "$work/wirefeed.yaml"
                kill -HUP "$daemon"
                hup=$((hup + 1))
                ;;
            2)
                { cat "$work/good.yaml"; printf '%b\n' "${bad_values[$((RANDOM % 3))]}"; } > "$work/wirefeed.yaml"
                kill -HUP "$daemon"
                hup=$((hup + 1))
                refused_sent=$((refused_sent + 1))
                ;;
        esac
        next_signal=$((now + RANDOM % 25 + 3))
    fi
    kill -0 "$daemon" 2>/dev/null || break
    sleep 1
done

# Settle: the same port, only the structural faults; the good configuration; one manual fetch.
cp "$work/good.yaml" "$work/wirefeed.yaml"
kill "$server_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
start_server settle "${structural[@]}"
kill -HUP "$daemon" 2>/dev/null || true
hup=$((hup + 1))
sleep 5
kill -USR1 "$daemon" 2>/dev/null || true
usr1=$((usr1 + 1))
while [ $(($(date +%s) - started)) -lt "$seconds" ]; do sleep 1; done

alive=no
kill -0 "$daemon" 2>/dev/null && alive=yes
rss_end=$(awk '/VmRSS/ {print $2}' "/proc/$daemon/status" 2>/dev/null || echo 0)
"$wirefeed" status --state "$work/state" --json > "$work/status.json" 2>/dev/null || true
kill -TERM "$daemon" 2>/dev/null || true
stop_status=0
wait "$daemon" || stop_status=$?
daemon=
kill "$sampler" 2>/dev/null || true

python3 - "$work" "$farm" "$alive" "$stop_status" "$rss_end" "$growth" "$advance" "$usr1" "$hup" \
    "$refused_sent" "$generations" "$gone_paths" <<'PY'
import glob, gzip, json, os, re, sys
work, farm, alive, stop_status, rss_end, growth, advance, usr1, hup, refused_sent, gens, gone = sys.argv[1:13]
gone = set(p for p in gone.split("\n") if p)
expected = set()
last = json.load(open(os.path.join(farm, "farm.json")))
for path in sorted(glob.glob(os.path.join(farm, "truth", "items-g*.tsv.gz"))):
    with gzip.open(path, "rt") as f:
        next(f)
        for line in f:
            p, _guid, sid, v = line.split("\t")[:4]
            if p not in gone:
                expected.add((sid, int(v)))
spool = glob.glob(os.path.join(work, "spool", "new", "*.json"))
log = open(os.path.join(work, "daemon.log"), errors="replace").read()
starts = log.count("wirefeed running")
refusals = log.count("configuration reload refused")
reloads = log.count("configuration reloaded")
cycles = log.count("cycle done")
status = json.load(open(os.path.join(work, "status.json")))
disabled = sorted(f["id"] for f in status["feeds"] if f.get("disabledReason"))
# Feed ids are derived from the URLs: host, port and path, non-alphanumerics as '-'.
gone_ids = sorted(re.sub("[^a-z0-9]+", "-", p.lower()).strip("-") for p in gone)
wrongly_disabled = [d for d in disabled if not any(d.endswith(g) for g in gone_ids)]
samples = [tuple(map(int, l.split())) for l in open(os.path.join(work, "rss.txt")) if len(l.split()) == 2]
base = next((kb for t, kb in samples if t >= int(advance)), samples[0][1] if samples else 0)
peak = max((kb for _, kb in samples), default=0)
end = int(rss_end) or (samples[-1][1] if samples else 0)
stats = json.load(open(os.path.join(work, "faults.stats.json"))) if os.path.exists(os.path.join(work, "faults.stats.json")) else {}
print(f"== soak: {len(last['feeds'])} feeds, {int(gens) + 1} generations, {cycles} cycles, "
      f"{usr1} SIGUSR1, {hup} SIGHUP ({refused_sent} with an out-of-range value)")
print(f"   server (fault phase): {stats.get('requests', 0)} requests, status {stats.get('status', {})}, "
      f"faults {stats.get('faults', {})}")
print(f"   spool: {len(spool)} files; ground truth {len(expected)} (story, version) pairs outside the "
      f"{len(gone)} gone feeds")
print(f"   disabled: {len(disabled)} ({len(wrongly_disabled)} not gone); gone: {sorted(gone)}")
print(f"   reloads: {reloads} applied, {refusals} refused; daemon starts: {starts}; alive at the end: {alive}; "
      f"stop status {stop_status}")
print(f"   RSS: {base} KB at {advance} s, peak {peak} KB, {end} KB at the end "
      f"({(end - base) * 100 / max(base, 1):+.1f}%)")
failures = []
if len(spool) != len(expected):
    failures.append(f"spool has {len(spool)} files, the ground truth {len(expected)}")
if wrongly_disabled or len(disabled) != len(gone):
    failures.append(f"disabled {disabled}, gone {sorted(gone)}")
# SIGHUPs that arrive during one cycle are one reload (of the file as it is then).
if int(refused_sent) and not 1 <= refusals <= int(refused_sent):
    failures.append(f"{refused_sent} bad reloads sent, {refusals} refused")
if starts != 1 or alive != "yes" or stop_status != "0":
    failures.append("the daemon restarted, died or did not stop cleanly")
if base and (end - base) * 100 / base > float(growth):
    failures.append(f"memory grew more than {growth}%")
for failure in failures:
    print("FAIL: " + failure)
print("== soak: " + ("passed" if not failures else "FAILED"))
sys.exit(1 if failures else 0)
PY
