#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# End-to-end test of the service under a real systemd (PID 1 of throw-away namespaces, through
# ../shared/tools/systemd-sandbox): install with deploy/install.sh, serve feeds on loopback inside
# the sandbox, start wirefeed (Type=notify), check the spool, change a feed and `systemctl kill -s
# USR1` (the new story within a second), `systemctl reload` with an added feed, let the watchdog run,
# stop, read the journal. Bounded in time; always tears the sandbox down. Skips (exit 0, saying so)
# when the tool is missing or this is not root.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
tool=${SYSTEMD_SANDBOX:-$repo/../shared/tools/systemd-sandbox}
if [ ! -x "$tool" ]; then echo "systemd e2e: SKIPPED ($tool not found)"; exit 0; fi
if [ "$(id -u)" -ne 0 ]; then echo "systemd e2e: SKIPPED (needs root)"; exit 0; fi

export SANDBOX_ID=wirefeed-e2e SANDBOX_EXEC_TIMEOUT=60
T() { "$tool" "$@"; }
passed=0 failed=0
check() {  # NAME COMMAND…
    local name=$1; shift
    if "$@"; then echo "ok: $name"; passed=$((passed + 1)); else echo "FAILED: $name"; failed=$((failed + 1)); fi
}
cleanup() { T down >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== build (release, static Swift runtime)"
swift build -c release --product wirefeed --static-swift-stdlib 2>&1 | tail -1
binary=$repo/.build/release/wirefeed

echo "== boot the sandbox"
T down >/dev/null 2>&1 || true
T up >/dev/null
# The sandbox has its own /tmp and /run, and the checkout may live there: copy in what install.sh
# needs rather than rely on the host path.
inside=/root/wirefeed-e2e
T exec mkdir -p "$inside"
tar -C "$repo" -cf - deploy systemd README.md docs Config | T exec tar -C "$inside" -xf -
T exec tee "$inside/wirefeed" < "$binary" >/dev/null
T exec chmod 0755 "$inside/wirefeed"
T exec "$inside/deploy/install.sh" --binary "$inside/wirefeed"

# Feeds on loopback inside the sandbox (its own network namespace: only lo).
T exec mkdir -p /srv/feeds
for feed in world.xml business.atom sport.xml; do T exec tee "/srv/feeds/$feed" < "Config/samples/$feed" >/dev/null; done
sed 's/127.0.0.1:8089/127.0.0.1:8089/' Config/samples/world.xml > /tmp/wirefeed-e2e-world.xml
T exec systemd-run --unit=feedserver --property=RuntimeMaxSec=300 /usr/bin/python3 -m http.server 8089 --bind 127.0.0.1 --directory /srv/feeds >/dev/null
for _ in $(seq 50); do T exec curl -s -o /dev/null http://127.0.0.1:8089/world.xml && break; sleep 0.1; done

T exec tee /etc/wirefeed/wirefeed.yaml >/dev/null <<'YAML'
state_directory: /var/lib/wirefeed
spool_directory: /var/spool/wirefeed
poll:
  interval: 1h
metrics_file: /var/lib/wirefeed/wirefeed.prom
feeds_files:
  - feeds.txt
YAML
printf 'http://127.0.0.1:8089/world.xml id=world\nhttp://127.0.0.1:8089/business.atom id=business\n' | T exec tee /etc/wirefeed/feeds.txt >/dev/null
# A short watchdog for the test, so that it has to be fed several times.
T exec mkdir -p /etc/systemd/system/wirefeed.service.d
printf '[Service]\nWatchdogSec=4\n' | T exec tee /etc/systemd/system/wirefeed.service.d/test.conf >/dev/null
T exec systemctl daemon-reload

echo "== start"
check "systemctl start returns once READY=1 is sent" T exec systemctl start wirefeed
check "the service is active" T exec systemctl is-active --quiet wirefeed
stories() { T exec sh -c 'ls /var/spool/wirefeed/new/*.json 2>/dev/null | wc -l'; }
for _ in $(seq 50); do [ "$(stories)" -ge 4 ] && break; sleep 0.1; done
check "the first cycle spooled the 4 stories of 2 feeds" test "$(stories)" -eq 4
check "spool files belong to wirefeed-readers" T exec sh -c 'stat -c %G /var/spool/wirefeed/new/*.json | sort -u | grep -qx wirefeed-readers'

echo "== SIGUSR1 after a feed changed"
sed 's|<item>|<item><title>Breaking: harbour reopens</title><link>http://127.0.0.1:8089/world/breaking</link><guid isPermaLink="false">sample-world-0003</guid><description>Ships are moving again.</description></item>\n    <item>|' \
    Config/samples/world.xml > /tmp/wirefeed-e2e-world.xml
T exec tee /srv/feeds/world.xml < /tmp/wirefeed-e2e-world.xml >/dev/null
# The feed server's Last-Modified has one-second resolution: a change within the second of the
# first cycle's fetch would be answered 304. Date the new version two seconds later.
T exec touch -d "@$(( $(date +%s) + 2 ))" /srv/feeds/world.xml
start=$(date +%s%N)
T exec systemctl kill -s USR1 wirefeed
for _ in $(seq 100); do [ "$(stories)" -ge 5 ] && break; sleep 0.01; done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
echo "   new story after ${elapsed} ms (including sandbox exec overhead)"
check "the new story is in new/ within a second" test "$(stories)" -eq 5 -a "$elapsed" -lt 1000

echo "== reload with an added feed"
printf 'http://127.0.0.1:8089/sport.xml id=sport\n' | T exec tee -a /etc/wirefeed/feeds.txt >/dev/null
check "systemctl reload succeeds" T exec systemctl reload wirefeed
for _ in $(seq 50); do [ "$(stories)" -ge 6 ] && break; sleep 0.1; done
check "the added feed was polled" test "$(stories)" -eq 6
echo "bad: [" | T exec tee /etc/wirefeed/broken.yaml >/dev/null
T exec sh -c 'cp /etc/wirefeed/wirefeed.yaml /etc/wirefeed/good.yaml && printf "poll:\n  interval: soon\n" >> /etc/wirefeed/wirefeed.yaml'
T exec systemctl reload wirefeed || true
sleep 0.5
check "an invalid configuration is refused and the service keeps running" T exec systemctl is-active --quiet wirefeed
T exec cp /etc/wirefeed/good.yaml /etc/wirefeed/wirefeed.yaml

echo "== watchdog"
sleep 9
check "the watchdog was fed (no restart after 9 s with WatchdogSec=4)" test "$(T exec systemctl show -p NRestarts --value wirefeed)" = 0
check "still active" T exec systemctl is-active --quiet wirefeed
check "status and metrics" T exec sh -c 'grep -q "^wirefeed_feeds 3" /var/lib/wirefeed/wirefeed.prom'

echo "== security exposure"
T exec systemd-analyze security --no-pager wirefeed.service | tail -1 || true

echo "== stop"
check "systemctl stop" T exec systemctl stop wirefeed
check "clean exit (status 0)" test "$(T exec systemctl show -p ExecMainStatus --value wirefeed)" = 0
journal=$(T exec journalctl --no-pager -u wirefeed -o cat)
for event in "wirefeed running" "manual fetch requested" "configuration reloaded" "configuration reload refused" "stopped cleanly"; do
    check "journal: $event" grep -q "$event" <<<"$journal"
done
check "journal lines carry key=value metadata" grep -q "feed.id=\|spool.path=" <<<"$journal"

echo "== uninstall"
check "deploy/install.sh --uninstall" T exec "$inside/deploy/install.sh" --uninstall
check "state and spool are left in place" T exec test -d /var/spool/wirefeed/new -a -d /var/lib/wirefeed

echo "systemd e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
