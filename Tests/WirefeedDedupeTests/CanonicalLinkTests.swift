// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedModel

struct CanonicalLinkTests {
    @Test(arguments: [
        (
            "https://News.Example.COM/World/Story?utm_source=rss&utm_medium=feed&id=7#comments",
            "https://news.example.com/World/Story?id=7#comments"
        ),
        ("http://example.com/a?fbclid=abc", "http://example.com/a"),
        ("https://example.com/a?gclid=1&page=2&utm_campaign=x", "https://example.com/a?page=2"),
        ("https://example.com/a?mc_cid=1&mc_eid=2", "https://example.com/a"),
        ("https://example.com/a#top", "https://example.com/a#top"),
        ("https://example.com/26.html#a080605", "https://example.com/26.html#a080605"),
        ("https://example.com/s.php?cid=12&rss=1&partner=x", "https://example.com/s.php?cid=12&rss=1&partner=x"),
        ("HTTPS://Example.com/Path?Q=1", "https://example.com/Path?Q=1"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("urn:uuid:1234", "urn:uuid:1234"),
        ("mailto:desk@example.com", "mailto:desk@example.com"),
    ])
    func canonicalForms(link: String, canonical: String) {
        #expect(CanonicalLink.canonicalize(link) == canonical)
    }
}
