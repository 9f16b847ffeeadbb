// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import WirefeedModel

/// SHA-256 of a story's normalized headline and body text: what tells an edit from a repeat, and
/// finds the same copy syndicated on several feeds.
public enum ContentHash {
    public static func of(_ story: Story) -> String {
        // One buffer, one update: the headline, then each paragraph after a line feed.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(story.headline.utf8.count + story.paragraphs.reduce(0) { $0 + $1.utf8.count + 1 })
        bytes.append(contentsOf: story.headline.utf8)
        for paragraph in story.paragraphs {
            bytes.append(0x0A)
            bytes.append(contentsOf: paragraph.utf8)
        }
        return SHA256.hash(data: bytes).hexString
    }
}
