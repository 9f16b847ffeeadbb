// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation

/// The readable slug of a headline: the story's stable name in the spool.
public enum Slug {
    /// The longest a slug gets before it is cut at a word boundary.
    public static let maximumLength = 60

    /// Lowercase ASCII words joined by `-`, transliterated (é→e, ß→ss, Cyrillic and Greek spelled
    /// out), at most ``maximumLength`` characters cut at a word boundary. Never empty: a headline
    /// with no transliterable letter gives `story`.
    public static func make(from headline: String) -> String {
        let words = headline.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(headline) : transliteratedWords(headline)
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.utf8.count > maximumLength {  // a slug is ASCII
                if slug.isEmpty { slug = String(word.prefix(maximumLength)) }
                break
            }
            slug = candidate
        }
        return slug.isEmpty ? "story" : slug
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

    /// The words of any headline, decomposed and transliterated.
    private static func transliteratedWords(_ headline: String) -> [String] {
        var words: [String] = []
        var word = ""
        for scalar in headline.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let ascii = transliterate(scalar) {
                word += ascii
            } else if !word.isEmpty {
                words.append(word)
                word = ""
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
