// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// One word of normalized text.
struct TextToken: Sendable, Equatable {
    /// Lowercased letters and digits; a number keeps its inner separators ("2-1", "1,234.5").
    var text: String
    /// A number, or a word written with a capital letter that does not open a sentence.
    var isAnchor: Bool
}

/// Unicode-aware word splitting for fingerprints: letters and digits make words, quotes and
/// apostrophes inside a word vanish, everything else separates; each Han, kana or Hangul
/// character is a word of its own.
enum TextTokenizer {
    static let wirePrefixes = ["UPDATE", "CORRECTED", "CORRECTION", "REFILE", "RPT", "WRAPUP"]

    /// The headline without leading wire markers such as "UPDATE 1-", "CORRECTED-", "REFILE-".
    static func strippingWirePrefixes(_ headline: String) -> String {
        var rest = Substring(headline).drop(while: \.isWhitespace)
        while let prefix = wirePrefixes.first(where: { rest.hasPrefix($0) }) {
            var after = rest.dropFirst(prefix.count).drop(while: { $0 == " " })
            after = after.drop(while: \.isNumber).drop(while: { $0 == " " })
            guard after.first == "-" || after.first == ":" else { break }
            rest = after.dropFirst().drop(while: \.isWhitespace)
        }
        return String(rest)
    }

    /// The tokens of any text, character by character: the rule, which ``TextWords`` follows
    /// without making strings.
    static func tokens(of text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var current = ""
        var isNumber = false
        var isCapitalized = false
        var sentenceStart = true
        let characters = Array(text)

        func flush() {
            guard !current.isEmpty else { return }
            tokens.append(TextToken(text: current, isAnchor: isNumber || (isCapitalized && !sentenceStart)))
            sentenceStart = false
            current = ""
        }

        for (index, character) in characters.enumerated() {
            if isIdeographic(character) {
                flush()
                tokens.append(TextToken(text: String(character), isAnchor: false))
                sentenceStart = false
            } else if character.isLetter || character.isNumber {
                if current.isEmpty {
                    isNumber = character.isNumber
                    isCapitalized = character.isUppercase
                }
                current += character.lowercased()
            } else if !current.isEmpty, isInnerMark(character, number: isNumber),
                index + 1 < characters.count,
                isNumber ? characters[index + 1].isNumber : characters[index + 1].isLetter
            {
                // Keep "2-1" and "1,234.5" whole; drop the apostrophe of "don't" / "don’t".
                if isNumber { current.append(character == "," ? "," : character) }
            } else {
                flush()
                if ".!?。！？".contains(character) { sentenceStart = true }
            }
        }
        flush()
        return tokens
    }

    private static func isInnerMark(_ character: Character, number: Bool) -> Bool {
        number ? ".,:-/".contains(character) : "'’`".contains(character)
    }

    private static func isIdeographic(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF:
            return true
        default:
            return false
        }
    }
}
