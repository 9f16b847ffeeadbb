#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The main job on the bundled sample feeds (Config/samples), offline: each feed parsed to JSON Feed
# and rendered as wire-story text and as ninjs, into ./demo-output.
set -euo pipefail
cd "$(dirname "$0")/.."
wirefeed=.build/release/wirefeed
out=demo-output
mkdir -p "$out"
for feed in Config/samples/*; do
    name=$(basename "$feed")
    url="http://127.0.0.1:8089/$name"
    "$wirefeed" parse --base-url "$url" "$feed" > "$out/$name.jsonfeed.json"
    "$wirefeed" render --format json --base-url "$url" "$feed" > "$out/$name.ninjs.jsonl"
    "$wirefeed" render --format txt --base-url "$url" "$feed" | tee "$out/$name.txt"
    echo
done
echo "demo: JSON Feed, ninjs and text renderings written to $out/"
