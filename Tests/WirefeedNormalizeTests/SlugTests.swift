// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedNormalize

struct SlugTests {
    @Test(arguments: [
        (
            "Afghan Forces Step Up Anti-IS Offensive after Deadly Attack",
            "afghan-forces-step-up-anti-is-offensive-after-deadly-attack"
        ),
        ("Élection à Zürich: 45 % für Ändern", "election-a-zurich-45-fur-andern"),
        ("Große Straße", "grosse-strasse"),
        ("Ærø, Œuvre, Łódź", "aero-oeuvre-lodz"),
        ("Мэр открыл новый мост", "mer-otkryl-novyi-most"),
        ("Νέα γέφυρα", "nea-gefyra"),
        ("Don't panic — it's fine!", "dont-panic-its-fine"),
        ("  --Hello,   World--  ", "hello-world"),
        ("新桥今天开通", "story"),
        ("", "story"),
        ("!!!", "story"),
    ])
    func slugs(headline: String, slug: String) {
        #expect(Slug.make(from: headline) == slug)
    }

    @Test func longHeadlinesAreCutAtAWordBoundary() {
        let slug = Slug.make(
            from: "The quick brown fox jumps over the lazy dog while the newsroom watches the wire all night long"
        )
        #expect(slug == "the-quick-brown-fox-jumps-over-the-lazy-dog-while-the")
        #expect(slug.count <= Slug.maximumLength)
    }

    @Test func aSingleVeryLongWordIsCut() {
        let slug = Slug.make(from: String(repeating: "a", count: 100))
        #expect(slug.count == Slug.maximumLength)
    }
}
