#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The main job on the bundled sample feeds, offline: Config/samples is served on 127.0.0.1:8089 by
# a throw-away HTTP server, wirefeed polls it twice (the second poll is all 304 Not Modified), and
# each feed's stories are rendered as wire-story text and ninjs into ./demo-output.
set -euo pipefail
cd "$(dirname "$0")/.."
wirefeed=.build/release/wirefeed
out=demo-output
port=8089
mkdir -p "$out"
rm -rf "$out/state"

# A loopback-only static server that stops by itself after two minutes.
(cd Config/samples && exec timeout 120 python3 -m http.server "$port" --bind 127.0.0.1) > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/feeds.txt" && break; sleep 0.1; done

echo "== wirefeed check"
"$wirefeed" check --feeds-file Config/samples/feeds.txt
echo "== wirefeed fetch (first poll)"
"$wirefeed" fetch --feeds-file Config/samples/feeds.txt --state "$out/state"
echo "== wirefeed fetch (again: conditional GET, nothing to parse)"
"$wirefeed" fetch --feeds-file Config/samples/feeds.txt --state "$out/state"

echo "== the stories, as the spool will hold them"
for feed in world.xml business.atom sport.xml; do
    url="http://127.0.0.1:$port/$feed"
    curl -s "$url" -o "$out/$feed"
    "$wirefeed" parse --base-url "$url" "$out/$feed" > "$out/$feed.jsonfeed.json"
    "$wirefeed" render --format json --base-url "$url" "$out/$feed" > "$out/$feed.ninjs.jsonl"
    "$wirefeed" render --format txt --base-url "$url" "$out/$feed" | tee "$out/$feed.txt"
    echo
done
echo "demo: state in $out/state, JSON Feed, ninjs and text renderings in $out/"
