// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The bound on attributes per element, applied to the bytes before libxml2 sees them: libxml2
/// 2.9 checks an element's attributes for duplicates in quadratic time, so an element with 200,000
/// attributes would cost it minutes. The attributes after the first ``maximum`` are dropped.
///
/// Every scan stops at the next `<`, so the work over a document is linear whatever it holds.
enum AttributeLimit {
    /// Far more than any real feed writes on one element (a few dozen at most).
    static let maximum = 128

    /// Whether the tag starting with the `<` at `start` may hold more than ``maximum``
    /// attributes: more `=` than that before the next `<` or `>`. Cheap, and never wrong when it
    /// says no.
    static func mayExceed(_ bytes: UnsafeBufferPointer<UInt8>, tagAt start: Int) -> Bool {
        var index = start + 1
        var equals = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Ascii.greaterThan || byte == Ascii.lessThan { return false }
            if byte == UInt8(ascii: "=") {
                equals += 1
                if equals > maximum { return true }
            }
            index += 1
        }
        return false
    }

    /// For a start tag (at `start`, its `<`) with more than ``maximum`` attributes: where the
    /// kept attributes end, and where the tag's end (`/>` or `>`) starts. Nil when the tag has no
    /// more, or ends before any `>` (at a `<` or the end of the bytes).
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, tagAt start: Int) -> (keptEnd: Int, tagEnd: Int)? {
        var index = start + 1
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        func isNameEnd(_ byte: UInt8) -> Bool {
            isBlank(byte) || byte == Ascii.greaterThan || byte == Ascii.lessThan || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=")
        }
        while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }  // the element's name
        var attributes = 0
        var keptEnd: Int?
        while index < bytes.count {
            while index < bytes.count, isBlank(bytes[index]) { index += 1 }
            guard index < bytes.count, bytes[index] != Ascii.lessThan else { return nil }
            let byte = bytes[index]
            if byte == Ascii.greaterThan
                || (byte == UInt8(ascii: "/") && index + 1 < bytes.count
                    && bytes[index + 1] == Ascii.greaterThan)
            {
                guard let keptEnd else { return nil }
                return (keptEnd, index)
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            // One attribute: a name, then `=` and a quoted or bare value.
            while index < bytes.count, !isNameEnd(bytes[index]) { index += 1 }
            var look = index
            while look < bytes.count, isBlank(bytes[look]) { look += 1 }
            if look < bytes.count, bytes[look] == UInt8(ascii: "=") {
                index = look + 1
                while index < bytes.count, isBlank(bytes[index]) { index += 1 }
                if index < bytes.count, bytes[index] == Ascii.doubleQuote || bytes[index] == Ascii.singleQuote {
                    let quote = bytes[index]
                    index += 1
                    while index < bytes.count, bytes[index] != quote {
                        if bytes[index] == Ascii.lessThan { return nil }
                        index += 1
                    }
                    index += 1
                } else {
                    while index < bytes.count, !isBlank(bytes[index]), bytes[index] != Ascii.greaterThan,
                        bytes[index] != Ascii.lessThan
                    {
                        index += 1
                    }
                }
            } else if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1  // a stray `=` with no name
            }
            attributes += 1
            if attributes == maximum { keptEnd = min(index, bytes.count) }
        }
        return nil
    }

    /// `bytes` with the excess attributes of every element dropped, and how many elements lost
    /// some; nil when no element has too many (the usual case: nothing is copied).
    static func bounded(_ bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], elements: Int)? {
        var output: [UInt8] = []
        var copied = 0
        var elements = 0
        var index = 0
        while let open = bytes[index...].firstIndex(of: Ascii.lessThan) {
            index = open + 1
            guard mayExceed(bytes, tagAt: open), let cut = cut(bytes, tagAt: open) else { continue }
            if output.isEmpty { output.reserveCapacity(bytes.count) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<cut.keptEnd]))
            copied = cut.tagEnd
            index = cut.tagEnd
            elements += 1
        }
        guard elements > 0 else { return nil }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
        return (output, elements)
    }
}
