// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// Builds a line of text in which every run of white space (non-breaking spaces included) is one
/// space, with none at either end.
struct WhitespaceCollapser {
    private(set) var text = ""
    private var pendingSpace = false

    var isEmpty: Bool { text.isEmpty }

    mutating func append(_ fragment: String) {
        for scalar in fragment.unicodeScalars {
            if scalar.isCollapsibleSpace {
                pendingSpace = true
            } else {
                if pendingSpace && !text.isEmpty { text.unicodeScalars.append(" ") }
                pendingSpace = false
                text.unicodeScalars.append(scalar)
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
            text = ""
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
}

extension Unicode.Scalar {
    /// White space, the non-breaking spaces, and the zero-width characters that feeds sprinkle in.
    var isCollapsibleSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000, 0xFEFF, 0x200B:
            return true
        default:
            return false
        }
    }
}
