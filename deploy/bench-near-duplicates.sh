#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The near-duplicate tier's cost on the whole job: `wirefeed fetch` of a farm's feeds from an empty
# state into an empty spool, cold, with near_duplicate_window 0 (the tier off: the code path before
# it) and 72h (the default), alternated PAIRS times (default 3). Prints wall, CPU (user and
# system), peak memory and the spool's file count of every run. No run's files are deleted before
# the last run ends (ext4 makes creating files slow for minutes after many were deleted:
# docs/benchmarks.md, "The ext4 recently-deleted-inode trap"), so the runs need about 1.1 GB of
# disk each; as root, the page cache is dropped before each run.
#   deploy/bench-near-duplicates.sh FEEDS_DIR     e.g. the farm's gen-0000/feeds made by
#                                                 ../shared/bench/gen_feeds.py init -n 2000 -m 50 --seed 1
set -euo pipefail
cd "$(dirname "$0")/.."
. deploy/lib/nginx-farm.sh
feeds_dir=$(cd "${1:?usage: $0 FEEDS_DIR}" && pwd)
pairs=${PAIRS:-3}
port=${BENCH_PORT:-18191}
work=${BENCH_WORK:-/tmp/wirefeed-bench-near}

swift build -c release --product wirefeed >/dev/null
wirefeed=$PWD/.build/release/wirefeed
rm -rf "$work"
mkdir -p "$work"
start_farm_server "$work" "$feeds_dir" "$port" 1
trap 'kill $nginx_pid 2>/dev/null || true; rm -rf "$work"/run-*' EXIT
(cd "$feeds_dir" && find . -type f | sort | sed "s|^\./|http://127.0.0.1:$port/|") > "$work/urls.txt"

run() {
    local window=$1
    local run=$work/run-$2-$window
    if [ -w /proc/sys/vm/drop_caches ]; then sync && echo 3 > /proc/sys/vm/drop_caches; fi
    mkdir -p "$run"
    printf 'near_duplicate_window: %s\n' "$window" > "$run/wirefeed.yaml"
    /usr/bin/time -f "%e %U %S %M" -o "$run/time" "$wirefeed" fetch --config "$run/wirefeed.yaml" \
        --urls "$work/urls.txt" --state "$run/state" --spool "$run/spool" >/dev/null 2>"$run/log"
    read -r wall user system kilobytes < "$run/time"
    printf '%-4s wall %6.2f s  CPU %6.2f s (user %6.2f, system %6.2f)  peak %4d MB  files %d\n' "$window" \
        "$wall" "$(awk "BEGIN { print $user + $system }")" "$user" "$system" $((kilobytes / 1024)) "$(find "$run/spool/new" -name '*.json' | wc -l)"
}
echo "== $(wc -l < "$work/urls.txt") feeds, cold, near_duplicate_window 0 then 72h, $pairs pairs"
for ((i = 0; i < pairs; i++)); do run 0 "$i"; run 72h "$i"; done
