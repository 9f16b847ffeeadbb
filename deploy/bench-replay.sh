#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The raw archive and replay figures, on the workshop's farm (../shared/bench/gen_feeds.py, N =
# REPLAY_FEEDS, default 2000, 50 items a feed, seed 1, two generations), served without gzip by its
# serve.py as the workshop's hook serves it (one server on 127.0.0.1, every generation preloaded),
# or by one server on each of 127.0.0.1..127.0.0.H with REPLAY_HOSTS=H (nothing preloaded):
#   1. `wirefeed fetch` cold on generation 0, then again after the farm moved to generation 1, with
#      the archive on (its default retention): the wall time of both fetches together, and the bytes
#      fetched (the bodies of the 200 responses, from the servers' /__stats counters);
#   2. the archive's size (`du -sb` of the state's archive/), beside the bytes fetched (target:
#      at most 35 %);
#   3. `wirefeed replay` of that archive into a fresh state and spool: its wall time, beside the
#      fetches' (target: at most twice);
#   4. the replayed spool against the original: the same (uri, version, slugline) multiset, and the
#      same headlines, bodies and text file for each.
# Prints the figures; exits 1 when the spools differ. Skips with one line when ../shared is absent.
# The servers stop when the script ends (and after an hour at most).
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH_DIR:-../shared/bench}
if [ ! -f "$bench/serve.py" ] || [ ! -f "$bench/gen_feeds.py" ]; then
    echo "bench-replay: skipped: the workshop's $bench/serve.py and gen_feeds.py are missing"
    exit 0
fi
feeds=${REPLAY_FEEDS:-2000}
hosts=${REPLAY_HOSTS:-1}
work=${REPLAY_WORK:-/tmp/wirefeed-bench-replay}

swift build -c release --product wirefeed >/dev/null
wirefeed=$PWD/.build/release/wirefeed

mkdir -p "$work"
farm=$work/farm
# The farm is kept between runs (ensure rebuilds it only when its parameters differ).
python3 "$bench/gen_feeds.py" ensure --farm "$farm" -n "$feeds" -m 50 --seed 1 --gens 2 >/dev/null
python3 "$bench/gen_feeds.py" switch --farm "$farm" --gen 0 >/dev/null

server_pids=()
run=$work/run-$(date +%s)
cleanup() {
    if [ "${#server_pids[@]}" -gt 0 ]; then kill "${server_pids[@]}" 2>/dev/null || true; fi
    python3 "$bench/gen_feeds.py" switch --farm "$farm" --gen 0 >/dev/null 2>&1 || true
    rm -rf "$run"
}
trap cleanup EXIT
mkdir -p "$run"
preload=()
if [ "$hosts" -eq 1 ]; then preload=(--preload --preload-dir "$farm"); fi
for ((h = 1; h <= hosts; h++)); do
    python3 "$bench/serve.py" --root "$farm/current" --host "127.0.0.$h" --port 0 --port-file "$run/port-$h" \
        --max-seconds 3600 "${preload[@]}" >/dev/null 2>"$run/server-$h.log" &
    server_pids+=("$!")
done
bases=()
for ((h = 1; h <= hosts; h++)); do
    for _ in $(seq 1200); do [ -s "$run/port-$h" ] && break; sleep 0.1; done
    [ -s "$run/port-$h" ] || { echo "bench-replay: the server on 127.0.0.$h did not start"; cat "$run/server-$h.log"; exit 69; }
    bases+=("http://127.0.0.$h:$(cat "$run/port-$h")")
done
python3 - "$farm/farm.json" "${bases[@]}" >"$run/urls.txt" <<'PY'
import json, sys
bases = sys.argv[2:]
for i, feed in enumerate(json.load(open(sys.argv[1]))["feeds"]):
    print(f"{bases[i % len(bases)]}/{feed['path']}")
PY

timed() { # NAME COMMAND...: runs it under /usr/bin/time; prints the wall seconds
    local name=$1
    shift
    if ! /usr/bin/time -f "%e %U %S %M" -o "$run/time-$name.txt" "$@" >"$run/out-$name.txt" 2>"$run/err-$name.txt"; then
        echo "bench-replay: $name failed:" >&2
        tail -n 5 "$run/err-$name.txt" >&2
        return 1
    fi
    cut -d' ' -f1 "$run/time-$name.txt"
}
body_bytes() { # the bytes of the 200 bodies all servers sent since the last call
    local total=0 base bytes
    for base in "${bases[@]}"; do
        bytes=$(curl -s "$base/__stats?reset=1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["bytes_body"])')
        total=$((total + bytes))
    done
    echo "$total"
}

body_bytes >/dev/null
wall0=$(timed gen0 "$wirefeed" fetch --urls "$run/urls.txt" --state "$run/state" --spool "$run/spool")
bytes0=$(body_bytes)
python3 "$bench/gen_feeds.py" switch --farm "$farm" --gen 1 >/dev/null
wall1=$(timed gen1 "$wirefeed" fetch --urls "$run/urls.txt" --state "$run/state" --spool "$run/spool")
bytes1=$(body_bytes)
kill "${server_pids[@]}" 2>/dev/null || true
server_pids=()

archive_bytes=$(du -sb "$run/state/archive" | cut -f1)
archive_disk=$(du -s -B1 "$run/state/archive" | cut -f1)
archive_files=$(find "$run/state/archive" -type f | wc -l)
replay_wall=$(timed replay "$wirefeed" replay --from-state "$run/state" --state "$run/replay-state" \
    --spool "$run/replay-spool")

fetched=$((bytes0 + bytes1))
echo "== bench-replay: $feeds feeds on $hosts loopback hosts, two generations; $(uptime | sed 's/.*load/load/')"
grep -h '^total:\|^spool:' "$run/out-gen0.txt" "$run/out-gen1.txt" | sed 's/^/   fetch /'
echo "   $(tail -n 1 "$run/out-replay.txt")"
awk -v b="$fetched" -v b0="$bytes0" -v b1="$bytes1" -v a="$archive_bytes" -v d="$archive_disk" \
    -v n="$archive_files" -v w0="$wall0" -v w1="$wall1" -v r="$replay_wall" 'BEGIN {
    printf "bytes fetched:  %d (generation 0: %d, generation 1: %d)\n", b, b0, b1
    printf "archive size:   %d bytes in %d files (%d allocated on disk)\n", a, n, d
    printf "fetch wall:     %.2f s (generation 0: %.2f s, generation 1: %.2f s)\n", w0 + w1, w0, w1
    printf "replay wall:    %.2f s\n", r
    printf "archive/fetched: %.1f %% (target <= 35 %%): %s\n", 100 * a / b, (a <= 0.35 * b) ? "met" : "MISSED"
    printf "replay/fetches:  %.2fx (target <= 2x): %s\n", r / (w0 + w1), (r <= 2 * (w0 + w1)) ? "met" : "MISSED"
}'

python3 - "$run/spool/new" "$run/replay-spool/new" <<'PY'
import collections, glob, hashlib, json, os, sys

def stories(folder):
    """(uri, version, slugline) -> how many files carry it, and a hash of their headlines, bodies and text."""
    keys, texts = collections.Counter(), {}
    for path in glob.glob(os.path.join(folder, "*.json")):
        with open(path, "rb") as f:
            ninjs = json.load(f)
        key = (ninjs.get("uri"), ninjs.get("version"), ninjs.get("slugline"))
        digest = hashlib.sha256(json.dumps([ninjs.get("headlines"), ninjs.get("bodies")], sort_keys=True).encode())
        text = path[:-5] + ".txt"
        if os.path.exists(text):
            with open(text, "rb") as f:
                digest.update(f.read())
        keys[key] += 1
        texts[key] = digest.hexdigest()
    return keys, texts

(original, original_texts), (replayed, replayed_texts) = stories(sys.argv[1]), stories(sys.argv[2])
only_original = original - replayed
only_replayed = replayed - original
texts_differ = [key for key in original.keys() & replayed.keys() if original_texts[key] != replayed_texts[key]]
same = not only_original and not only_replayed and not texts_differ
print(f"stories identical: {'yes' if same else 'no'} ({sum(original.values())})")
print(f"   {sum(original.values())} story versions in the original spool, {sum(replayed.values())} replayed; "
      f"{sum(only_original.values())} only in the original, {sum(only_replayed.values())} only replayed, "
      f"{len(texts_differ)} with other headlines, bodies or text")
for key in sorted(only_original, key=str)[:3]:
    print(f"   only in the original: {key}")
for key in sorted(only_replayed, key=str)[:3]:
    print(f"   only replayed: {key}")
for key in sorted(texts_differ, key=str)[:3]:
    print(f"   other text: {key}")
sys.exit(0 if same else 1)
PY
