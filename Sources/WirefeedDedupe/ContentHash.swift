// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import WirefeedModel

/// SHA-256 of a story's normalized headline and body text: what tells an edit from a repeat, and
/// finds the same copy syndicated on several feeds.
public enum ContentHash {
    public static func of(_ story: Story) -> String {
        var hasher = SHA256()
        hasher.update(data: Data(story.headline.utf8))
        for paragraph in story.paragraphs {
            hasher.update(data: Data([0x0A]))
            hasher.update(data: Data(paragraph.utf8))
        }
        return hasher.finalize().hexString
    }
}
