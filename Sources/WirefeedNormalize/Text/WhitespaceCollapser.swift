// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Builds a line of text in which every run of white space (non-breaking and other Unicode spaces,
/// and the zero-width characters feeds sprinkle in) is one space, with none at either end.
///
/// The line is also safe for a terminal: C0 and C1 control characters, DEL, and the bidirectional
/// overrides and isolates (U+202A–U+202E, U+2066–U+2069) are left out, wherever they came from.
///
/// Works on UTF-8 bytes: every space it folds and every character it drops is either ASCII or one
/// of a few multi-byte sequences.
struct WhitespaceCollapser {
    private var bytes: [UInt8] = []
    private var pendingSpace = false

    var isEmpty: Bool { bytes.isEmpty }

    /// The line built so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ fragment: String) {
        var fragment = fragment
        fragment.withUTF8 { utf8 in
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                let spaceLength: Int
                if byte < 0x80 {
                    spaceLength = (byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) ? 1 : 0
                    if spaceLength == 0 && (byte < 0x20 || byte == 0x7F) {
                        index += 1  // a control character: dropped
                        continue
                    }
                } else {
                    spaceLength = Self.multiByteSpaceLength(utf8, at: index)
                    if spaceLength == 0, let length = Self.unsafeLength(utf8, at: index) {
                        index += length
                        continue
                    }
                }
                if spaceLength > 0 {
                    pendingSpace = true
                    index += spaceLength
                    continue
                }
                if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
                pendingSpace = false
                // Copy the run up to the next possible space in one go.
                var end = index + 1
                while end < count {
                    let next = utf8[end]
                    // Printable ASCII and continuation bytes (the common case) start no space.
                    if next > 0x20 && next < 0xC2 && next != 0x7F {
                        end += 1
                        continue
                    }
                    // One space between two words is kept as it is: a sentence is copied at once.
                    if next == 0x20, end + 1 < count, utf8[end + 1] > 0x20, utf8[end + 1] < 0xC2, utf8[end + 1] != 0x7F
                    {
                        end += 2
                        continue
                    }
                    if next <= 0x20 || next == 0x7F || next == 0xC2 || next == 0xE1 || next == 0xE2 || next == 0xE3
                        || next == 0xEF
                    {
                        break
                    }
                    end += 1
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[index..<end]))
                index = end
            }
        }
    }

    /// A break between words that has no character of its own (`<br>`, a table cell).
    mutating func appendSpace() {
        pendingSpace = true
    }

    /// Returns the line built so far and starts a new one.
    mutating func take() -> String {
        defer {
            bytes.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        return text
    }

    /// `text` with its white space collapsed.
    static func collapse(_ text: String) -> String {
        var collapser = WhitespaceCollapser()
        collapser.append(text)
        return collapser.text
    }

    /// The length of the character starting at `index` when it is one that must not reach a
    /// terminal: a C1 control (U+0080–U+009F) or a bidirectional override or isolate.
    private static func unsafeLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = utf8[index]
        guard index + 1 < utf8.count else { return nil }
        let second = utf8[index + 1]
        if byte == 0xC2 { return second >= 0x80 && second <= 0x9F ? 2 : nil }
        guard byte == 0xE2, index + 2 < utf8.count else { return nil }
        let third = utf8[index + 2]
        switch second {
        case 0x80: return third >= 0xAA && third <= 0xAE ? 3 : nil
        case 0x81: return third >= 0xA6 && third <= 0xA9 ? 3 : nil
        default: return nil
        }
    }

    /// The length of the space character starting at `index`, or 0 when there is none: U+00A0,
    /// U+1680, U+2000–U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
    private static func multiByteSpaceLength(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = utf8[index]
        guard index + 1 < utf8.count else { return 0 }
        let second = utf8[index + 1]
        if byte == 0xC2 { return second == 0xA0 ? 2 : 0 }
        guard index + 2 < utf8.count else { return 0 }
        let third = utf8[index + 2]
        switch (byte, second) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80):
            return (third >= 0x80 && third <= 0x8B) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        case (0xEF, 0xBB): return third == 0xBF ? 3 : 0
        default: return 0
        }
    }
}

extension Unicode.Scalar {
    /// The characters ``WhitespaceCollapser`` folds into one space.
    var isCollapsibleSpace: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
