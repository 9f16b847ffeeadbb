// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// The ASCII bytes the parsers look for.
enum Ascii {
    static let lessThan = UInt8(ascii: "<")
    static let greaterThan = UInt8(ascii: ">")
    static let ampersand = UInt8(ascii: "&")
    static let exclamation = UInt8(ascii: "!")
    static let question = UInt8(ascii: "?")
    static let hash = UInt8(ascii: "#")
    static let semicolon = UInt8(ascii: ";")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let openBracket = UInt8(ascii: "[")
    static let closeBracket = UInt8(ascii: "]")
}

extension UInt8 {
    var isASCIILetter: Bool { (self >= 0x41 && self <= 0x5A) || (self >= 0x61 && self <= 0x7A) }
    var isASCIIDigit: Bool { self >= 0x30 && self <= 0x39 }

    /// What entity and element names are made of here.
    var isASCIILetterOrDigit: Bool { isASCIILetter || isASCIIDigit }

    /// The value of a decimal digit or, with `hex`, a hexadecimal one.
    func digitValue(hex: Bool) -> UInt32? {
        if isASCIIDigit { return UInt32(self - 0x30) }
        guard hex else { return nil }
        if self >= 0x61 && self <= 0x66 { return UInt32(self - 0x61 + 10) }
        if self >= 0x41 && self <= 0x46 { return UInt32(self - 0x41 + 10) }
        return nil
    }
}

extension UInt32 {
    /// XML's Char production: what a character reference may name.
    var isXMLCharacter: Bool {
        self == 0x9 || self == 0xA || self == 0xD || (self >= 0x20 && self <= 0xD7FF)
            || (self >= 0xE000 && self <= 0xFFFD) || (self >= 0x10000 && self <= 0x10FFFF)
    }
}
