// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Two repairs for the encoding damage common in wire feeds, both on bytes before XML parsing.
enum MixedEncoding {
    /// `bytes` read per character: every valid UTF-8 sequence as UTF-8, every other byte as a
    /// character of the single-byte `charset` (a feed assembled from UTF-8 and windows-1252 parts).
    /// Nil when `charset` is not a single-byte charset.
    static func decodePerCharacter(_ bytes: [UInt8], fallback charset: String) -> [UInt8]? {
        guard let table = singleByteTable(charset) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        bytes.withUnsafeBufferPointer { input in
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte < 0x80 {
                    output.append(byte)
                    index += 1
                    continue
                }
                let length = validSequenceLength(input, at: index)
                if length > 0 {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[index..<(index + length)]))
                    index += length
                } else {
                    output.append(contentsOf: table[Int(byte - 0x80)])
                    index += 1
                }
            }
        }
        return output
    }

    /// How many valid multi-byte UTF-8 sequences the bytes hold, and how many bytes that are not
    /// valid UTF-8: legacy text forms a valid sequence now and then by chance, a mixed document
    /// has many.
    static func sequenceCounts(_ bytes: [UInt8]) -> (valid: Int, invalid: Int) {
        bytes.withUnsafeBufferPointer { input in
            var valid = 0
            var invalid = 0
            var index = 0
            while index < input.count {
                if input[index] < 0x80 {
                    index += 1
                    continue
                }
                let length = validSequenceLength(input, at: index)
                if length > 0 {
                    valid += 1
                    index += length
                } else {
                    invalid += 1
                    index += 1
                }
            }
            return (valid, invalid)
        }
    }

    /// UTF-8 text that was decoded as windows-1252 (or Latin-1) and encoded again (`Ã©` for `é`),
    /// repaired; nil unless the whole text is consistently so: every non-ASCII character maps back
    /// to one byte, the bytes are valid UTF-8, and at least one multi-byte sequence results.
    static func repairDoubleEncoding(_ utf8: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        let repaired = utf8.withUnsafeBufferPointer { input -> Bool in
            // How many continuation bytes the repaired text still owes its last lead byte: checked
            // as it goes, so that ordinary Latin-1 text ("é" then a space) is given up at once.
            var owed = 0
            var started = false
            var index = 0
            while index < input.count {
                let byte = input[index]
                if byte < 0x80 {
                    guard owed == 0 else { return false }
                    if started { output.append(byte) }
                    index += 1
                    continue
                }
                let length = validSequenceLength(input, at: index)
                guard length > 0, let single = windows1252Byte(for: decode(input, at: index, length: length)) else {
                    return false
                }
                switch single {
                case 0x80...0xBF:
                    guard owed > 0 else { return false }
                    owed -= 1
                case 0xC2...0xDF where owed == 0: owed = 1
                case 0xE0...0xEF where owed == 0: owed = 2
                case 0xF0...0xF4 where owed == 0: owed = 3
                default: return false
                }
                if !started {
                    started = true
                    output.reserveCapacity(input.count)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: input[0..<index]))
                }
                output.append(single)
                index += length
            }
            return started && owed == 0
        }
        guard repaired, String(validating: output, as: UTF8.self) != nil else { return nil }
        return output
    }

    /// The length of the valid UTF-8 sequence at `index` (2, 3 or 4), or 0.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<max(length, 2) where bytes[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, length: Int) -> UInt32 {
        var value = UInt32(bytes[index]) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return value
    }

    /// The windows-1252 byte of a character (Latin-1 for U+00A0–U+00FF; the C1 range as itself,
    /// which is how iconv-less systems double-encode 0x81, 0x8D, 0x8F, 0x90, 0x9D).
    private static func windows1252Byte(for scalar: UInt32) -> UInt8? {
        if scalar >= 0x80 && scalar <= 0xFF { return UInt8(scalar) }
        return windows1252High[scalar]
    }

    private static let windows1252High: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The UTF-8 of bytes 0x80–0xFF in a single-byte charset; nil for a multi-byte one. A byte the
    /// charset leaves undefined reads as the C1 control of the same number, as browsers read it.
    private static func singleByteTable(_ charset: String) -> [[UInt8]]? {
        let name = charset.uppercased()
        guard ["WINDOWS-125", "CP125", "ISO-8859-", "ISO8859-", "KOI8-", "MACINTOSH"].contains(where: name.hasPrefix)
        else { return nil }
        var table: [[UInt8]] = []
        table.reserveCapacity(128)
        for byte in UInt8(0x80)...UInt8(0xFF) {
            if let converted = LibXML2.transcodeToUTF8([byte], from: charset), !converted.isEmpty {
                guard String(validating: converted, as: UTF8.self)?.unicodeScalars.count == 1 else { return nil }
                table.append(converted)
            } else {
                table.append(byte < 0xC0 ? [0xC2, byte] : [0xC3, byte - 0x40])
            }
        }
        return table
    }
}
