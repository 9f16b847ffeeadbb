// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

extension String {
    /// Whether the text starts and ends with a printable ASCII character, so that no trimming of
    /// white space, whatever set it uses, can change it: the usual case, checked without decoding.
    @inlinable
    public var hasPrintableASCIIEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return first > 0x20 && first < 0x7F && last > 0x20 && last < 0x7F
    }
}
