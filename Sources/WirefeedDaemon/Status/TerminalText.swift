// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Text made safe for a terminal: what could drive it (C0 controls but newline and tab, DEL, C1
/// such as the CSI introducer U+009B, bidirectional overrides and isolates) is shown as `<U+XXXX>`
/// instead of being written raw.
public enum TerminalText {
    /// Whether `scalar` is one of the characters ``escaped(_:keepingNewlines:)`` shows as `<U+XXXX>`.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepingNewlines: Bool = true) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return !keepingNewlines
        case 0x00..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// JSON text with every unsafe character but newline and tab as a `\uXXXX` escape: the same
    /// JSON value (in valid JSON such characters appear only inside strings), safe to print.
    public static func escapedForJSON(_ text: String) -> String {
        replacing(text, keepingNewlines: true) { hex in "\\u\(hex)" }
    }

    /// `text` with every unsafe character as `<U+XXXX>`; newline and tab are kept unless
    /// `keepingNewlines` is false (for one-line messages).
    public static func escaped(_ text: String, keepingNewlines: Bool = true) -> String {
        replacing(text, keepingNewlines: keepingNewlines) { hex in "<U+\(hex)>" }
    }

    private static func replacing(_ text: String, keepingNewlines: Bool, _ form: (String) -> String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingNewlines: keepingNewlines) }) else {
            return text
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar, keepingNewlines: keepingNewlines) else {
                result.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result.append(contentsOf: form(String(repeating: "0", count: max(0, 4 - hex.count)) + hex).unicodeScalars)
        }
        return String(result)
    }
}
