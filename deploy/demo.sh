#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The main job on the bundled sample feeds, offline: Config/samples is served on 127.0.0.1:8089 by
# a throw-away HTTP server, and the wirefeed daemon runs in the foreground, spooling into
# ./demo-output/spool, until Ctrl-C (or for DEMO_SECONDS seconds when that is set).
set -euo pipefail
cd "$(dirname "$0")/.."
wirefeed=$PWD/.build/release/wirefeed
out=demo-output
port=8089
mkdir -p "$out"

# A loopback-only static server for the samples, stopped when the demo ends.
(cd Config/samples && exec timeout 3600 python3 -m http.server "$port" --bind 127.0.0.1) > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/feeds.txt" && break; sleep 0.1; done

"$wirefeed" check --feeds-file Config/samples/feeds.txt
cat <<TEXT

wirefeed is starting on the bundled samples; stories land in $out/spool/new/.
In another terminal:
  $wirefeed tail --follow --spool $out/spool        # watch the stories arrive
  $wirefeed trigger --state $out/state              # poll every feed now (SIGUSR1)
  $wirefeed status --state $out/state               # per-feed health
Stop with Ctrl-C.

TEXT
run=("$wirefeed" run --feeds-file Config/samples/feeds.txt --state "$out/state" --spool "$out/spool")
if [ -n "${DEMO_SECONDS:-}" ]; then
    timeout --signal=INT "$DEMO_SECONDS" "${run[@]}" || true
else
    "${run[@]}" || true
fi
echo
"$wirefeed" status --state "$out/state"
echo "The spool:"
"$wirefeed" tail --spool "$out/spool"
