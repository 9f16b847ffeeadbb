// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// Debian's libzstd (libzstd-dev), seen only by WirefeedArchive/Internal/Native.swift. zstd.h has no
// variadic functions and no callbacks: the whole stable API imports as it is.

#ifndef WIREFEED_CZSTD_SHIM_H
#define WIREFEED_CZSTD_SHIM_H

#include <zstd.h>

#if !defined(ZSTD_VERSION_NUMBER) || ZSTD_VERSION_NUMBER < 10400
#error "wirefeed needs libzstd 1.4 or later (ZSTD_compress2 and the advanced parameters)"
#endif

#endif
