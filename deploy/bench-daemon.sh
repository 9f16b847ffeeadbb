#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The daemon's figures, on loopback (nginx serves the feeds on 127.0.0.1):
#   1. SIGUSR1 → first new story in new/: `wirefeed run` with FEEDS feeds (default 500, ~100 KB each,
#      on 20 loopback hosts), one of which changes before each of TRIGGERS triggers (default 100);
#      p50 and p99.
#   2. Memory over time: `wirefeed run` polling SOAK_FEEDS feeds (default 50) every 50 ms until
#      CYCLES cycles (default 1000); resident memory after 10 cycles and at the end.
# Everything stops by itself; nginx and the daemons are killed when the script ends.
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/nginx-farm.sh
feeds=${FEEDS:-500}
triggers=${TRIGGERS:-100}
soak_feeds=${SOAK_FEEDS:-50}
cycles=${CYCLES:-1000}
port=${BENCH_PORT:-18189}
work=${BENCH_WORK:-/tmp/wirefeed-bench-daemon}
hosts=${BENCH_HOSTS:-20}

swift build -c release --product wirefeed >/dev/null
swift build -c release --product wirefeed-bench >/dev/null
wirefeed=$PWD/.build/release/wirefeed
bench=$PWD/.build/release/wirefeed-bench

rm -rf "$work"
mkdir -p "$work/farm"
"$bench" farm "$feeds" "$work/farm" >/dev/null
start_farm_server "$work" "$work/farm" "$port" "$hosts"
pids=()
trap 'kill $nginx_pid "${pids[@]}" 2>/dev/null || true' EXIT

# 1. Trigger latency.
for ((i = 0; i < feeds - 1; i++)); do printf "http://127.0.0.%d:%d/feed-%05d.xml\n" $((i % hosts + 1)) "$port" "$i"; done > "$work/urls.txt"
echo "http://127.0.0.1:$port/changing.xml id=changing" >> "$work/urls.txt"
cp "$work/farm/feed-00000.xml" "$work/farm/changing.xml"
cat > "$work/trigger.yaml" <<YAML
state_directory: $work/trigger-state
spool_directory: $work/trigger-spool
poll:
  interval: 6h
feeds_files: [$work/urls.txt]
YAML
"$wirefeed" run --config "$work/trigger.yaml" 2> "$work/trigger.log" &
daemon=$!
pids+=("$daemon")
for _ in $(seq 600); do grep -q "cycle done" "$work/trigger.log" && break; sleep 0.1; done
echo "== $feeds feeds, first cycle: $(grep -m1 'cycle done' "$work/trigger.log" | grep -o 'cycle.duration=[0-9]*ms')"
"$bench" trigger "$daemon" "$work/trigger-spool" "$work/farm/changing.xml" "$triggers"
kill -TERM "$daemon"; wait "$daemon" || true

# 2. Memory over 1,000 cycles.
head -n "$soak_feeds" "$work/urls.txt" > "$work/soak-urls.txt"
cat > "$work/soak.yaml" <<YAML
state_directory: $work/soak-state
spool_directory: $work/soak-spool
poll:
  interval: 50ms
  minimum_interval: 50ms
  jitter: 0
feeds_files: [$work/soak-urls.txt]
YAML
"$wirefeed" run --config "$work/soak.yaml" 2> "$work/soak.log" &
soak=$!
pids+=("$soak")
rss() { awk '/VmRSS/ {print $2}' "/proc/$soak/status"; }
cycles_done() { grep -c "cycle done" "$work/soak.log" || true; }
while [ "$(cycles_done)" -lt 10 ]; do sleep 0.05; done
rss10=$(rss)
start=$(date +%s)
while [ "$(cycles_done)" -lt "$cycles" ] && [ $(( $(date +%s) - start )) -lt 1500 ]; do sleep 1; done
rss_end=$(rss)
done_cycles=$(cycles_done)
kill -TERM "$soak"; wait "$soak" || true
echo "== memory: $soak_feeds feeds every 50 ms: RSS after 10 cycles ${rss10} KB, after $done_cycles cycles ${rss_end} KB ($(( (rss_end - rss10) * 100 / rss10 ))%)"
