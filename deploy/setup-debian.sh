#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# Installs what wirefeed builds and tests with, when anything is missing: Debian's -dev packages
# for libcurl, libxml2, SQLite, jemalloc and zstd (the raw archive), xmllint (the parse benchmark's
# reference), curl, python3, and Python's jsonschema (the ninjs schema test). Needs root (or sudo)
# only to install.
set -euo pipefail

packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev libjemalloc-dev libzstd-dev pkg-config libxml2-utils curl python3)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ((${#missing[@]} > 0)); then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! python3 -c "import jsonschema" 2>/dev/null; then
    echo "setup: installing Python's jsonschema"
    python3 -m pip install --quiet jsonschema 2>/dev/null \
        || $sudo apt-get install -y -qq --no-install-recommends python3-jsonschema >/dev/null
fi
