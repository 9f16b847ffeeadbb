// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import Synchronization
import WirefeedModel

/// The readable slug of a headline: the story's stable name in the spool.
public enum Slug {
    /// The longest a slug gets before it is cut at a word boundary.
    public static let maximumLength = 60

    /// Lowercase ASCII words joined by `-`, transliterated, at most ``maximumLength`` characters cut
    /// at a word boundary. Latin, Cyrillic and Greek are spelled out by the tables below; any other
    /// script goes through ICU's `Any-Latin; Latin-ASCII` (Chinese characters one at a time, each
    /// remembered). A headline that gives no ASCII letter at all (only emoji or punctuation) gives
    /// `story-` and 8 hex digits of its SHA-256; an empty one gives `story`.
    public static func make(from headline: String) -> String {
        var words: [String]
        if headline.utf8.allSatisfy({ $0 < 0x80 }) {
            words = asciiWords(headline)
        } else {
            var untransliterated = false
            words = transliteratedWords(headline, untransliterated: &untransliterated)
            if untransliterated {
                var ignored = false
                words = transliteratedWords(Transliteration.latin(headline), untransliterated: &ignored)
            }
        }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.utf8.count > maximumLength {  // a slug is ASCII
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        if !slug.isEmpty { return slug }
        let trimmed = headline.trimmingWhitespace()
        guard !trimmed.isEmpty else { return "story" }
        return "story-" + SHA256.hash(data: Data(trimmed.utf8)).prefix(4).hexString
    }

    /// The words of an ASCII headline: the common case, without Unicode decomposition.
    private static func asciiWords(_ headline: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in headline.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: word.append(byte)
            case 0x41...0x5A: word.append(byte + 32)
            case 0x27: continue  // apostrophes join: "don't" → "dont"
            default:
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }

    /// The words of any headline, decomposed and transliterated; `untransliterated` is set when a
    /// letter or digit had no spelling in the tables.
    private static func transliteratedWords(_ headline: String, untransliterated: inout Bool) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in headline.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let ascii = transliterate(scalar) {
                word += ascii
            } else {
                if scalar.value >= 0x80, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    untransliterated = true
                }
                if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// The lowercase ASCII letters or digits for a scalar, or nil for a word separator.
    private static func transliterate(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x30...0x39, 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(scalar.value + 32)!)
        case 0x27, 0x2019: return ""  // apostrophes join: "don't" → "dont"
        default: break
        }
        if scalar.value < 0x80 { return nil }
        if let special = latinSpecials[scalar] { return special }
        let lowered = scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
        if let cyrillic = cyrillic[lowered] { return cyrillic }
        if let greek = greek[lowered] { return greek }
        return nil
    }

    private static let latinSpecials: [Unicode.Scalar: String] = [
        "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "ı": "i", "ħ": "h", "Ħ": "h", "ŋ": "ng",
        "ĸ": "k", "ŀ": "l", "ſ": "s",
    ]

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    private static let greek: [Unicode.Scalar: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    ]
}

/// ICU transliteration to ASCII Latin, through Foundation's `StringTransform`.
enum Transliteration {
    /// How many scalars of a headline are transliterated: more than a slug can use.
    static let scalarLimit = 80

    /// `text` (its first ``scalarLimit`` scalars) in ASCII Latin. Chinese characters, the slowest
    /// for ICU, are transliterated one at a time and remembered; the rest of the
    /// text goes through `Any-Latin; Latin-ASCII` when anything non-ASCII is left.
    static func latin(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var hasOther = false
        for scalar in text.unicodeScalars.prefix(scalarLimit) {
            if isHan(scalar) {
                scalars.append(" ")
                scalars.append(contentsOf: han(scalar).unicodeScalars)
                scalars.append(" ")
            } else {
                if scalar.value >= 0x80 { hasOther = true }
                scalars.append(scalar)
            }
        }
        let prepared = String(scalars)
        guard hasOther else { return prepared }
        return prepared.applyingTransform(anyToASCII, reverse: false) ?? prepared
    }

    private static let anyToASCII = StringTransform("Any-Latin; Latin-ASCII")
    private static let hanToASCII = StringTransform("Han-Latin; Latin-ASCII")
    /// Chinese characters already transliterated; a newsroom's vocabulary is a few thousand.
    private static let hanCache = Mutex<[UInt32: String]>([:])

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }

    private static func han(_ scalar: Unicode.Scalar) -> String {
        if let known = hanCache.withLock({ $0[scalar.value] }) { return known }
        let latin = String(scalar).applyingTransform(hanToASCII, reverse: false) ?? ""
        hanCache.withLock { $0[scalar.value] = latin }
        return latin
    }
}
