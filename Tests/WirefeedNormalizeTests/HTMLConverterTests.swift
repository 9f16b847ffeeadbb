// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Testing
import WirefeedModel
import WirefeedNormalize

struct HTMLConverterTests {
    @Test func blockElementsEndParagraphs() {
        let body = HTMLConverter.convert(
            html: "<p>One.</p><div>Two.</div><h2>Three</h2><ul><li>Four</li><li>Five</li></ul>"
        )
        #expect(body.paragraphs == ["One.", "Two.", "Three", "Four", "Five"])
    }

    @Test func twoLineBreaksEndAParagraphAndOneDoesNot() {
        let body = HTMLConverter.convert(html: "First line<br>same paragraph<br/><br />Second paragraph")
        #expect(body.paragraphs == ["First line same paragraph", "Second paragraph"])
    }

    @Test func activeAndInvisibleContentIsDropped() {
        let body = HTMLConverter.convert(
            html: """
                <p>Kept</p><script>alert(1)</script><style>p{}</style><iframe src="x">frame</iframe>
                <form><input value="v">form text</form><noscript>no</noscript><p>Also kept</p>
                """
        )
        #expect(body.paragraphs == ["Kept", "Also kept"])
        #expect(!body.html.contains("script"))
        #expect(!body.html.contains("iframe"))
        #expect(!body.html.contains("form"))
    }

    @Test func trackingPixelsAreDroppedAndRealImagesKept() {
        let body = HTMLConverter.convert(
            html:
                #"<p>Text<img src="https://t.example.com/p.gif" width="1" height="1"><img src="https://img.example.com/a.jpg" alt="A" width="600"></p>"#
        )
        #expect(!body.html.contains("t.example.com"))
        #expect(body.html.contains(#"<img src="https://img.example.com/a.jpg" alt="A" width="600">"#))
    }

    @Test func entitiesAreDecodedAndWhiteSpaceCollapsed() {
        let body = HTMLConverter.convert(
            html: "<p>  Caf&eacute;&nbsp;&amp;\n\t cr&egrave;me &#8212; &ldquo;ok&rdquo;  </p>"
        )
        #expect(body.paragraphs == ["Café & crème — “ok”"])
    }

    @Test func noEmptyParagraphs() {
        let body = HTMLConverter.convert(html: "<p> </p><p>&nbsp;</p><div><p>Real</p></div><p></p>")
        #expect(body.paragraphs == ["Real"])
    }

    @Test func sanitizedHTMLKeepsAnAllowlist() {
        let body = HTMLConverter.convert(
            html:
                #"<p class="x" style="color:red" onclick="evil()">Hi <a href="/about" onmouseover="evil()">about</a> <a href="javascript:alert(1)">js</a> <font>old</font> <a href="mailto:desk@example.com">mail</a> <img src="data:image/png;base64,AAAA"></p>"#,
            baseURL: "https://news.example.com/world/story"
        )
        #expect(
            body.html
                == #"<p>Hi <a href="https://news.example.com/about">about</a> <a>js</a> old <a href="mailto:desk@example.com">mail</a> </p>"#
        )
    }

    @Test func plainTextKeepsItsParagraphs() {
        let body = HTMLConverter.convert(plainText: "First  line\nstill first.\n\n  Second <b>literal</b>.\n")
        #expect(body.paragraphs == ["First line still first.", "Second <b>literal</b>."])
        #expect(body.html == "<p>First line still first.</p>\n<p>Second &lt;b&gt;literal&lt;/b&gt;.</p>")
    }

    @Test func headlinesBecomeOneLineOfPlainText() {
        #expect(
            HTMLConverter.plainLine(html: "Markets <b>rally</b>&nbsp;on <i>good</i>\n news")
                == "Markets rally on good news"
        )
        #expect(HTMLConverter.plainLine(html: "Q&A: Fish & Chips < 5 pounds") == "Q&A: Fish & Chips < 5 pounds")
        #expect(HTMLConverter.plainLine(html: "No markup at all") == "No markup at all")
    }
}
