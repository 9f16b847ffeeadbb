#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# wirefeed beside its peers, one core each, over the same files (`make bench-peers`):
#   - xmllint --stream --noout (the limit: well-formedness only),
#   - wirefeed render --format json FILE... (the whole process: parse, normalize, sanitize, render),
#   - fastfeedparser 0.6.5 and feedparser-rs 0.7.1 (their parse calls), installed from PyPI into
#     .build/peers (never committed).
# The sets: generation 0 of the workshop's 2,000-feed farm (made with ../shared/bench/gen_feeds.py),
# and the real-world corpus ../shared/corpus/real when it is beside the checkout.
# deploy/bench-peers.py does the measuring and prints the table.
set -euo pipefail
cd "$(dirname "$0")/.."

peers=${PEERS:-.build/peers}
workshop=${BENCH_WORKSHOP:-../shared/bench}
corpus=${CORPUS:-../shared/corpus/real}
feeds=${BENCH_FEEDS:-2000}
farm=$peers/farm-n$feeds-m50-s1

for tool in xmllint taskset; do
    command -v "$tool" >/dev/null || { echo "bench-peers: $tool is missing (apt-get install libxml2-utils util-linux)"; exit 69; }
done
[ -f "$workshop/gen_feeds.py" ] || { echo "bench-peers: $workshop/gen_feeds.py is missing (the workshop's farm generator)"; exit 66; }

mkdir -p "$peers"
install_peer() {  # NAME VERSION MODULE
    [ -d "$peers/$1/$3" ] && return 0
    python3 -m pip install --quiet --disable-pip-version-check --target "$peers/$1" "$1==$2"
}
install_peer fastfeedparser 0.6.5 fastfeedparser
install_peer feedparser-rs 0.7.1 feedparser_rs

swift build -c release --product wirefeed >/dev/null

[ -f "$farm/farm.json" ] || python3 "$workshop/gen_feeds.py" init --farm "$farm" -n "$feeds" -m 50 --seed 1 >/dev/null

sets=("farm=$farm/gen-0000/feeds")
if [ -d "$corpus" ]; then
    sets+=("corpus=$corpus")
else
    echo "bench-peers: $corpus is not beside the checkout: the real-world corpus is skipped."
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); $(uname -sr)"
echo "xmllint: $(xmllint --version 2>&1 | head -1); python: $(python3 --version 2>&1)"
PEERS=$peers python3 deploy/bench-peers.py table .build/release/wirefeed "${sets[@]}"
