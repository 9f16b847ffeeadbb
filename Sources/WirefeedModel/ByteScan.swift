// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

extension UnsafeBufferPointer where Element == UInt8 {
    /// The index of the first byte at or after `start` that is below `limit` or equal to one of
    /// `first`…`fourth`, or `count` when there is none.
    ///
    /// Text is scanned eight bytes at a time (a word in which no byte is of interest costs a few
    /// arithmetic instructions), then byte by byte in the word that has one. Escaping and reading
    /// scan every byte of every story several times, and almost every byte is of no interest.
    /// - Parameter limit: at most 0x80 (0 for none).
    @inlinable
    public func firstIndex(
        from start: Int,
        below limit: UInt8,
        orEqualTo first: UInt8,
        _ second: UInt8,
        _ third: UInt8,
        _ fourth: UInt8
    ) -> Int {
        precondition(limit <= 0x80)
        // A byte of a word is below n (n <= 0x80) when (word - n·ones) & ~word has its high bit;
        // it is zero — the byte equals b once the word is xored with b·ones — likewise with n = 1.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below = ones &* UInt64(limit)
        let (a, b, c, d) = (
            ones &* UInt64(first), ones &* UInt64(second), ones &* UInt64(third), ones &* UInt64(fourth)
        )
        var index = start
        if let base = baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let (wa, wb, wc, wd) = (word ^ a, word ^ b, word ^ c, word ^ d)
                let flagged =
                    ((word &- below) & ~word) | ((wa &- ones) & ~wa) | ((wb &- ones) & ~wb) | ((wc &- ones) & ~wc)
                    | ((wd &- ones) & ~wd)
                if flagged & highs != 0 { break }
                index += 8
            }
        }
        while index < count {
            let byte = self[index]
            if byte < limit || byte == first || byte == second || byte == third || byte == fourth { return index }
            index += 1
        }
        return index
    }
}
