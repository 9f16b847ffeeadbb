// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The words of a text as the fingerprint needs them: each word's lowercased UTF-8, in order, in
/// one buffer, and the hashes of its anchors. Text whose every character is one Unicode scalar
/// (ASCII, Latin letters, general punctuation such as dashes and curly quotes: most wire copy) is
/// read straight from its UTF-8 with the rules of ``TextTokenizer/tokens(of:)``, which a test
/// holds it to; other text goes through the tokenizer.
struct TextWords {
    /// Every word's bytes, one after the other.
    private(set) var bytes: [UInt8] = []
    /// Where each word ends in ``bytes``.
    private(set) var ends: [Int] = []
    private(set) var anchors: [UInt64] = []

    init() {
        bytes.reserveCapacity(4096)
        ends.reserveCapacity(512)
    }

    var count: Int { ends.count }

    /// The bytes of word `index`.
    func word(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// The hash of every run of `width` words (of all the words when there are fewer): FNV-1a
    /// over the run, a unit separator between words, finished with ``mix(_:)``.
    func shingles(width: Int) -> [UInt64] {
        bytes.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                func hash(_ words: Range<Int>) -> UInt64 {
                    var value = Self.fnvBasis
                    for index in words {
                        if index > words.lowerBound { value = (value ^ 0x1F) &* Self.fnvPrime }
                        for position in (index == 0 ? 0 : ends[index - 1])..<ends[index] {
                            value = (value ^ UInt64(bytes[position])) &* Self.fnvPrime
                        }
                    }
                    return Self.mix(value)
                }
                guard ends.count > width else { return [hash(0..<ends.count)] }
                return (0...(ends.count - width)).map { hash($0..<($0 + width)) }
            }
        }
    }

    /// Appends the words of `text`; returns whether they were read straight from its UTF-8.
    @discardableResult
    mutating func append(_ text: String) -> Bool {
        var text = text
        let (byteCount, wordCount, anchorCount) = (bytes.count, ends.count, anchors.count)
        if text.withUTF8({ read($0) }) { return true }
        bytes.removeLast(bytes.count - byteCount)
        ends.removeLast(ends.count - wordCount)
        anchors.removeLast(anchors.count - anchorCount)
        for token in TextTokenizer.tokens(of: text) {
            bytes.append(contentsOf: token.text.utf8)
            ends.append(bytes.count)
            if token.isAnchor { anchors.append(Self.hash(token.text.utf8)) }
        }
        return false
    }

    /// A word's hash: FNV-1a over its lowercased UTF-8, finished with a 64-bit mixer.
    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var value = fnvBasis
        for byte in bytes { value = (value ^ UInt64(byte)) &* fnvPrime }
        return mix(value)
    }

    static let fnvBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// MurmurHash3's 64-bit finalizer.
    static func mix(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xff51_afd7_ed55_8ccd
        value ^= value >> 33
        value &*= 0xc4ce_b9fe_1a85_ec53
        value ^= value >> 33
        return value
    }

    /// Reads UTF-8 text; false (with words possibly appended) when a character is not one scalar.
    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var hash = Self.fnvBasis
        var start = self.bytes.count
        var isNumber = false
        var isCapitalized = false
        var sentenceStart = true
        var position = 0

        func flush() {
            guard self.bytes.count > start else { return }
            ends.append(self.bytes.count)
            if isNumber || (isCapitalized && !sentenceStart) { anchors.append(Self.mix(hash)) }
            sentenceStart = false
            hash = Self.fnvBasis
            start = self.bytes.count
        }

        func add(_ byte: UInt8) {
            self.bytes.append(byte)
            hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
        }

        while position < bytes.count {
            let (scalar, length) = Self.decode(bytes, at: position)
            guard Self.isWholeCharacter(scalar) else { return false }
            position += length
            let letter = Self.isLetter(scalar)
            if letter || Self.isNumber(scalar) {
                if self.bytes.count == start {
                    isNumber = !letter
                    isCapitalized = Self.isUppercase(scalar)
                }
                if scalar < 0x80 {
                    let byte = UInt8(scalar)
                    add(letter ? byte | 0x20 : byte)
                } else {
                    for byte in Unicode.Scalar(scalar)!.properties.lowercaseMapping.utf8 { add(byte) }
                }
            } else if self.bytes.count > start, Self.isInnerMark(scalar, number: isNumber), position < bytes.count,
                case let next = Self.decode(bytes, at: position).scalar, Self.isWholeCharacter(next),
                isNumber ? Self.isNumber(next) : Self.isLetter(next)
            {
                // Keep "2-1" and "1,234.5" whole; drop the apostrophe of "don't" / "don’t".
                if isNumber { add(UInt8(scalar)) }  // a number's marks are ASCII
            } else {
                flush()
                if scalar == 0x2E || scalar == 0x21 || scalar == 0x3F { sentenceStart = true }  // . ! ?
            }
        }
        flush()
        return true
    }

    /// The scalar at `position` of valid UTF-8 (a `String`'s), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (scalar: UInt32, length: Int) {
        let lead = UInt32(bytes[position])
        if lead < 0x80 { return (lead, 1) }
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[position + offset]) & 0x3F }
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | continuation(1), 2) }
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3) }
        return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
    }

    /// A scalar that is a character of its own whatever surrounds it (no combining mark, joiner
    /// or ideograph), so that reading scalars is reading characters.
    private static func isWholeCharacter(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E: true
        default: false
        }
    }

    /// `Character.isLetter` of a whole-character scalar.
    private static func isLetter(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return (scalar | 0x20) &- 0x61 < 26 }
        return Unicode.Scalar(scalar)!.properties.isAlphabetic
    }

    /// `Character.isNumber` of a whole-character scalar.
    private static func isNumber(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x30 < 10 }
        return Unicode.Scalar(scalar)!.properties.numericType != nil
    }

    /// `Character.isUppercase` of a whole-character scalar.
    private static func isUppercase(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 { return scalar &- 0x41 < 26 }
        return Character(Unicode.Scalar(scalar)!).isUppercase
    }

    private static func isInnerMark(_ scalar: UInt32, number: Bool) -> Bool {
        switch scalar {
        case 0x2E, 0x2C, 0x3A, 0x2D, 0x2F: number  // . , : - /
        case 0x27, 0x2019, 0x60: !number  // ' ’ `
        default: false
        }
    }
}
