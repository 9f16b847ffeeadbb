# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors

SWIFT ?= swift
FUZZ_SECONDS ?= 60
BENCH_MEGABYTES ?= 60
BENCH_FEEDS ?= 2000

.PHONY: setup build release test lint format demo bench-parse bench-fetch bench-daemon bench-ledger bench-replay soak fuzz clean \
	compare-corpus bench-peers

## Install the Debian packages wirefeed needs (once per machine).
setup:
	@deploy/setup-debian.sh

build: setup
	$(SWIFT) build

release: setup
	$(SWIFT) build -c release --product wirefeed

## The test command: every unit, fixture, corpus, golden and schema test.
test: setup lint
	$(SWIFT) build --build-tests --explicit-target-dependency-import-check error
	$(SWIFT) test --skip-build

## The formatter's verdict (strict: any finding fails) and the C boundary: only the named files
## may see the C libraries.
lint:
	$(SWIFT) format lint --strict --parallel --recursive Package.swift Sources Tests
	@deploy/check-c-boundary.sh

## Formats every Swift file in place with the committed .swift-format.
format:
	$(SWIFT) format --in-place --parallel --recursive Package.swift Sources Tests

## The main job on the bundled sample feeds.
demo: release
	deploy/demo.sh

## Parse throughput against the raw libxml2 streaming limit (release build).
bench-parse: setup
	$(SWIFT) build -c release --product wirefeed-bench
	.build/release/wirefeed-bench parse $(BENCH_MEGABYTES)

## Poll a 2,000-feed farm served by nginx on loopback: cold, warm, and curl --parallel beside it.
bench-fetch: setup
	deploy/bench-fetch.sh $(BENCH_FEEDS)

## The ledger's commits alone: 100,000 stories cold (90,000 new, 10,000 syndicated copies), then again.
bench-ledger: setup
	$(SWIFT) build -c release --product wirefeed-bench
	.build/release/wirefeed-bench ledger 100000

## The daemon: SIGUSR1-to-story latency over 500 feeds, and memory over 1,000 cycles.
bench-daemon: setup
	deploy/bench-daemon.sh

## The raw archive and replay on the workshop's farm (../shared): archive size beside the bytes
## fetched over two generations, replay time beside the fetches', and the replayed spool checked.
bench-replay: setup
	deploy/bench-replay.sh

## Parse throughput beside fastfeedparser and feedparser-rs (installed from PyPI into .build/peers), one
## core each, with xmllint --stream as the limit: the farm's first generation, and the real-world corpus.
bench-peers: setup
	deploy/bench-peers.sh

## Faults survived: the daemon for SOAK_SECONDS (600) against the workshop's fault-injecting server
## over an advancing farm, with SIGUSR1/SIGHUP at random; checks the spool against the ground truth.
soak: setup
	deploy/soak.sh

## Per-field agreement (item count, id, link, title, date) of `wirefeed parse` with feedparser 6 on
## the real-world corpus beside the checkout; feedparser is installed from PyPI into .build/peers.
CORPUS ?= ../shared/corpus/real
FEEDPARSER_VERSION ?= 6.0.14
compare-corpus: release
	@test -d $(CORPUS) || { echo "compare-corpus: $(CORPUS) is missing"; exit 66; }
	@test -f .build/peers/feedparser/feedparser/__init__.py || \
		python3 -m pip install --quiet --target .build/peers/feedparser "feedparser==$(FEEDPARSER_VERSION)"
	PYTHONPATH=.build/peers/feedparser python3 deploy/compare-corpus.py .build/release/wirefeed $(CORPUS)

## A bounded libFuzzer run over parse and normalize, AddressSanitizer on Swift and the C shims.
fuzz: setup
	WIREFEED_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz --sanitize=fuzzer \
		-Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=address --product wirefeed-fuzz
	mkdir -p .build-fuzz/corpus
	cp Tests/Fixtures/feeds/* Tests/Fixtures/html/* .build-fuzz/corpus/
	SWIFT_BACKTRACE=enable=no .build-fuzz/debug/wirefeed-fuzz -max_total_time=$(FUZZ_SECONDS) \
		-max_len=65536 -timeout=10 -rss_limit_mb=4096 -dict=Tests/Fixtures/fuzz.dict \
		-artifact_prefix=.build-fuzz/ .build-fuzz/corpus

clean:
	rm -rf .build .build-fuzz
