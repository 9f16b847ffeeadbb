#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
#
# The C libraries stay in a small, audited corner: only files under WirefeedParse/XML may import
# the libxml2 shims, only files under WirefeedFetch/Curl may import libcurl, only the spool's
# Internal/ its system calls, only MemoryAllocator.swift jemalloc, only the archive's Internal/ libzstd
# (and no other archive file touches a pointer).
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
while IFS= read -r line; do
    echo "C boundary: $line"
    status=1
done < <(
    grep -rn --include='*.swift' -E '^\s*(internal |private |public |@_implementationOnly )?import (CLibXML2Shims|CLibXML2)\b' Sources Tests \
        | grep -v '^Sources/WirefeedParse/XML/' || true
    grep -rn --include='*.swift' -E '^\s*(internal |private |public |@_implementationOnly )?import CCurl\b' Sources Tests \
        | grep -v '^Sources/WirefeedFetch/Curl/' || true
    grep -rn --include='*.swift' -E '^\s*(internal |private |public |@_implementationOnly )?import CSpoolShims\b' Sources Tests \
        | grep -v '^Sources/WirefeedSpool/Internal/' || true
    grep -rn --include='*.swift' -E '^\s*(internal |private |public |@_implementationOnly )?import CJemalloc\b' Sources Tests \
        | grep -v '^Sources/wirefeed/MemoryAllocator.swift:' || true
    grep -rn --include='*.swift' -E '^\s*(internal |private |public |@_implementationOnly )?import CZstd\b' Sources Tests \
        | grep -v '^Sources/WirefeedArchive/Internal/' || true
    grep -rn --include='*.swift' -E '\bUnsafe[A-Za-z]*Pointer\b|withUnsafe|Unmanaged' Sources/WirefeedArchive \
        | grep -v '^Sources/WirefeedArchive/Internal/' || true
    grep -rln --include='*.c' --include='*.h' '#include <libxml/' Sources | grep -v '^Sources/CLibXML2Shims/xml_shims.c$' || true
    grep -rln --include='*.c' --include='*.h' '#include <zstd' Sources | grep -v '^Sources/CZstd/shim.h$' || true
)
exit $status
