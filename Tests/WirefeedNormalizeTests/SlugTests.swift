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
        ("新桥今天开通", "xin-qiao-jin-tian-kai-tong"),
        ("東京で新しい橋が開通", "dong-jing-de-xin-shii-qiao-ga-kai-tong"),
        ("서울에 새 다리 개통", "seoul-e-sae-dali-gaetong"),
        ("افتتاح جسر جديد في القاهرة", "afttah-jsr-jdyd-fy-alqahrt"),
        ("גשר חדש נפתח בתל אביב", "gsr-hds-npth-btl-byb"),
        ("เปิดสะพานใหม่ในกรุงเทพ", "peid-saphan-him-ni-krungtheph"),
        ("दिल्ली में नया पुल खुला", "dilli-mem-naya-pula-khula"),
        ("Élection 2024: 新桥", "election-2024-xin-qiao"),
        ("", "story"),
        ("   ", "story"),
    ])
    func slugs(headline: String, slug: String) {
        #expect(Slug.make(from: headline) == slug)
    }

    /// Where transliteration gives nothing, a short hash of the headline names the story: stable,
    /// and different for different headlines.
    @Test func headlinesWithNoLettersGetAStableHash() {
        let party = Slug.make(from: "🎉🎉🎉")
        #expect(party.hasPrefix("story-") && party.count == "story-".count + 8)
        #expect(party.dropFirst(6).allSatisfy { $0.isHexDigit })
        #expect(Slug.make(from: "🎉🎉🎉") == party)
        #expect(Slug.make(from: "!!!") != party)
    }

    @Test func aLongChineseHeadlineIsCutLikeAnyOther() {
        let slug = Slug.make(from: String(repeating: "新闻发布会今天举行", count: 20))
        #expect(slug.count <= Slug.maximumLength)
        #expect(slug.hasPrefix("xin-wen-fa-bu-hui-jin-tian-ju-xing"))
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
