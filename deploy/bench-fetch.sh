#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The fetch benchmark: a farm of N wire feeds (default 2000, ~100 KB and 50 items each) served by
# nginx on loopback addresses 127.0.0.1..127.0.0.H (default 20 hosts, so the per-host limit of 2
# leaves the global limit of 32 in charge); then, each under /usr/bin/time:
#   - wirefeed fetch, cold (empty state: every feed 200, parsed and normalized),
#   - wirefeed fetch, warm (every feed answers 304),
#   - curl --parallel --parallel-max 32 over the same URLs (the fetch-only limit),
#   - wirefeed-bench parse-dir over the same bytes (the parse-only time, all cores).
# Everything stays on 127.0.0.0/8; nginx stops when the script ends (and after 30 minutes at most).
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/nginx-farm.sh

count=${1:-2000}
hosts=${BENCH_HOSTS:-20}
port=${BENCH_PORT:-18089}
work=${BENCH_WORK:-/tmp/wirefeed-bench-fetch}

swift build -c release --product wirefeed >/dev/null
swift build -c release --product wirefeed-bench >/dev/null
wirefeed=.build/release/wirefeed
bench=.build/release/wirefeed-bench

mkdir -p "$work"
"$bench" farm "$count" "$work/farm"

start_farm_server "$work" "$work/farm" "$port" "$hosts"
trap 'kill $nginx_pid 2>/dev/null || true' EXIT

: > "$work/urls.txt"
: > "$work/curl.cfg"
for ((i = 0; i < count; i++)); do
    url=$(printf "http://127.0.0.%d:%d/feed-%05d.xml" $((i % hosts + 1)) "$port" "$i")
    echo "$url" >> "$work/urls.txt"
    printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >> "$work/curl.cfg"
done

measure() {  # NAME COMMAND...: prints wall s, CPU s, peak RSS MB
    local name=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time-$name.txt" "$@" > "$work/out-$name.txt" 2> "$work/err-$name.txt"
    read -r wall user system rss < "$work/time-$name.txt"
    printf "%-26s wall %6.2f s   CPU %6.2f s   peak RSS %6.1f MB\n" "$name" "$wall" "$(echo "$user + $system" | bc)" "$(echo "$rss / 1024" | bc -l)"
}

# A fresh state and spool per run, removed at the end. (Creating 200,000 files right after deleting
# as many is slow on ext4, whose inode allocator skips recently freed inodes: do not chain runs
# back to back, or give each its own BENCH_WORK.)
run=$work/run-$(date +%s)
mkdir -p "$run"
trap 'kill $nginx_pid 2>/dev/null || true; rm -rf "$run"' EXIT
echo "== $count feeds, $(du -sm "$work/farm" | cut -f1) MB, $hosts loopback hosts"
measure "wirefeed fetch (cold)" "$wirefeed" fetch --urls "$work/urls.txt" --state "$run/state" --spool "$run/spool"
spooled=$(find "$run/spool/new" -name '*.json' | wc -l)
measure "wirefeed fetch (warm)" "$wirefeed" fetch --urls "$work/urls.txt" --state "$run/state" --spool "$run/spool"
spooled_after_warm=$(find "$run/spool/new" -name '*.json' | wc -l)
measure "curl --parallel 32" curl -s --parallel --parallel-max 32 -K "$work/curl.cfg"
"$bench" parse-dir "$work/farm/"

cold_ok=$(grep -c ' 200 .* fetched$' "$work/out-wirefeed fetch (cold).txt" || true)
warm_ok=$(grep -c ' 304 .* not-modified$' "$work/out-wirefeed fetch (warm).txt" || true)
expected=$((count * 50))
echo "check: cold $cold_ok/$count fetched, warm $warm_ok/$count not modified; spool $spooled/$expected stories after cold, $spooled_after_warm after warm"
tail -n 2 "$work/out-wirefeed fetch (cold).txt"
tail -n 2 "$work/out-wirefeed fetch (warm).txt"
echo "ledger: $(du -k "$run/state" | tail -1 | cut -f1) KB for $spooled stories"
[ "$cold_ok" -eq "$count" ] && [ "$warm_ok" -eq "$count" ] && [ "$spooled" -eq "$expected" ] && [ "$spooled_after_warm" -eq "$expected" ]
