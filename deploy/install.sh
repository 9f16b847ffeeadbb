#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# Installs wirefeed as a systemd service (as root):
#   deploy/install.sh                       build the release binary and install everything
#   deploy/install.sh --binary PATH         install a binary built already
#   deploy/install.sh --uninstall           remove what it installed (state and spool stay)
# What it installs: /usr/local/bin/wirefeed, /etc/systemd/system/wirefeed.service and
# wirefeed-tail@.service, /etc/sysusers.d/wirefeed.conf, /etc/tmpfiles.d/wirefeed.conf, and a default
# /etc/wirefeed/ configuration (never overwriting an existing one).
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
binary=""
uninstall=false
while (($#)); do
    case $1 in
        --binary) binary=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        --uninstall) uninstall=true; shift ;;
        -h|--help) sed -n '4,11p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option '$1'" >&2; exit 64 ;;
    esac
done
if [ "$(id -u)" -ne 0 ]; then echo "install.sh: run as root" >&2; exit 77; fi
systemd_running=false
[ -d /run/systemd/system ] && systemd_running=true

if $uninstall; then
    if $systemd_running; then systemctl disable --now wirefeed.service 2>/dev/null || true; fi
    rm -f "$prefix/bin/wirefeed" /etc/systemd/system/wirefeed.service /etc/systemd/system/wirefeed-tail@.service \
        /etc/sysusers.d/wirefeed.conf /etc/tmpfiles.d/wirefeed.conf
    rm -rf "$prefix/share/doc/wirefeed"
    if $systemd_running; then systemctl daemon-reload; fi
    echo "wirefeed removed; /etc/wirefeed, /var/lib/wirefeed and /var/spool/wirefeed are left in place."
    exit 0
fi

if [ -z "$binary" ]; then
    deploy/setup-debian.sh
    swift build -c release --product wirefeed --static-swift-stdlib
    binary=.build/release/wirefeed
fi
install -D -m 0755 "$binary" "$prefix/bin/wirefeed"
install -D -m 0644 systemd/wirefeed.service /etc/systemd/system/wirefeed.service
install -D -m 0644 systemd/wirefeed-tail@.service /etc/systemd/system/wirefeed-tail@.service
install -D -m 0644 systemd/wirefeed.sysusers /etc/sysusers.d/wirefeed.conf
install -D -m 0644 systemd/wirefeed.tmpfiles /etc/tmpfiles.d/wirefeed.conf
install -D -m 0644 README.md "$prefix/share/doc/wirefeed/README.md"
install -D -m 0644 Config/wirefeed.example.yaml "$prefix/share/doc/wirefeed/wirefeed.example.yaml"
for document in $(cd docs && find . -name '*.md'); do
    install -D -m 0644 "docs/$document" "$prefix/share/doc/wirefeed/$document"
done
if [ "$prefix" != /usr/local ]; then
    sed -i "s|/usr/local/bin/wirefeed|$prefix/bin/wirefeed|g" /etc/systemd/system/wirefeed.service /etc/systemd/system/wirefeed-tail@.service
fi
install -d -m 0755 /etc/wirefeed /etc/wirefeed/consumers
if [ ! -e /etc/wirefeed/wirefeed.yaml ]; then
    cat > /etc/wirefeed/wirefeed.yaml <<'YAML'
# wirefeed configuration: every key and its default is documented in
# /usr/local/share/doc/wirefeed/configuration.md and, commented, in wirefeed.example.yaml beside it.
state_directory: /var/lib/wirefeed
spool_directory: /var/spool/wirefeed
feeds_files:
  - feeds.txt
YAML
fi
if [ ! -e /etc/wirefeed/feeds.txt ]; then
    printf '# One feed per line: URL [id=NAME] [interval=5m] [header=Name:Value] …\n' > /etc/wirefeed/feeds.txt
fi
systemd-sysusers /etc/sysusers.d/wirefeed.conf
systemd-tmpfiles --create /etc/tmpfiles.d/wirefeed.conf
if $systemd_running; then systemctl daemon-reload; fi
echo "wirefeed installed: edit /etc/wirefeed/feeds.txt, then: systemctl enable --now wirefeed"
