#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
"""Writes the parser fixtures in Tests/Fixtures/feeds. The stories are invented for the tests.

Most fixtures are plain text and could be edited by hand; the encoding fixtures are bytes in a
given charset, which is why they are generated. Run it again after changing a fixture here:
    python3 Tests/Fixtures/generate.py
"""
import codecs
import gzip
import os

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "feeds")


# The bytes windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) read as the C1 control of
# the same number, as double-encoding software does.
codecs.register_error("c1", lambda error: ("".join(chr(b) for b in error.object[error.start:error.end]), error.end))


def write(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


RSS20_FULL = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="style.xsl"?>
<rss version="2.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
     xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
     xmlns:georss="http://www.georss.org/georss">
  <channel>
    <title>Harbour Wire &amp; Co. &#8212; World</title>
    <link>https://wire.example.com/world/</link>
    <atom:link href="https://wire.example.com/world/rss.xml" rel="self" type="application/rss+xml"/>
    <description>World news from the &lt;b&gt;Harbour&lt;/b&gt; desk</description>
    <language>en-gb</language>
    <lastBuildDate>Tue, 26 Jul 2016 10:15:00 +0100</lastBuildDate>
    <ttl>15</ttl>
    <sy:updatePeriod>hourly</sy:updatePeriod>
    <sy:updateFrequency>4</sy:updateFrequency>
    <skipHours><hour>1</hour><hour>2</hour></skipHours>
    <skipDays><day>Sunday</day></skipDays>
    <image>
      <url>/img/logo.png</url>
      <title>Harbour Wire</title>
      <link>https://wire.example.com/</link>
      <width>88</width><height>31</height>
    </image>
    <item>
      <title>Port strike &lt;em&gt;enters&lt;/em&gt; third day</title>
      <link>https://wire.example.com/world/port-strike?utm_source=rss&amp;utm_medium=feed&amp;id=7#comments</link>
      <guid isPermaLink="false">harbour-2016-07-26-0001</guid>
      <pubDate>Tue, 26 Jul 2016 09:05:00 GMT</pubDate>
      <dc:creator>Ana Ferreira</dc:creator>
      <dc:creator>Tom Okafor</dc:creator>
      <category domain="https://wire.example.com/topics">Labour</category>
      <category>Shipping</category>
      <description>Dock workers stayed out for a third day.</description>
      <content:encoded><![CDATA[<p>Dock workers stayed out for a <strong>third</strong> day on Tuesday, leaving&nbsp;ships idle.</p>
<script>track("story")</script>
<p>Union leaders said talks would resume on <a href="/world/talks" onclick="evil()">Thursday</a>.<br><br>Employers declined to comment.</p>
<img src="https://pixel.example.com/t.gif" width="1" height="1">
<iframe src="https://ads.example.com/"></iframe>
<p><a href="javascript:alert(1)">Click</a> for more.</p>]]></content:encoded>
      <slash:comments>12</slash:comments>
      <georss:point>38.7223 -9.1393</georss:point>
      <media:group>
        <media:content url="https://img.example.com/port.jpg" type="image/jpeg" medium="image" width="1200" height="800" fileSize="204800">
          <media:description>Idle cranes at the container terminal.</media:description>
          <media:credit>Photo: R. Lima</media:credit>
        </media:content>
        <media:thumbnail url="https://img.example.com/port-thumb.jpg" width="120" height="80"/>
      </media:group>
    </item>
    <item>
      <title>Grain exports resume</title>
      <link>https://wire.example.com/world/grain</link>
      <guid>https://wire.example.com/world/grain</guid>
      <pubDate>Tue, 26 Jul 2016 08:00:00 EST</pubDate>
      <author>desk@wire.example.com (Night Desk)</author>
      <description><![CDATA[<p>First paragraph.</p><p>Second paragraph with &amp; ampersand.</p>]]></description>
      <enclosure url="https://media.example.com/grain.mp3" length="123456" type="audio/mpeg"/>
    </item>
  </channel>
</rss>
"""

RSS091 = """<?xml version="1.0" encoding="ISO-8859-1"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91">
  <channel>
    <title>Old Town Gazette</title>
    <link>http://gazette.example.org/</link>
    <description>News since 1999</description>
    <language>en-us</language>
    <item>
      <title>Council approves new bridge</title>
      <link>http://gazette.example.org/bridge.html</link>
      <description>The vote was 7 to 2.</description>
    </item>
    <item>
      <title>Library extends hours</title>
      <link>http://gazette.example.org/library.html</link>
      <description>Open until nine on weekdays.</description>
    </item>
  </channel>
</rss>
"""

RSS092 = """<?xml version="1.0"?>
<rss version="0.92">
  <channel>
    <title>Radio Notes</title>
    <link>http://radio.example.org/</link>
    <description>Audio diary</description>
    <item>
      <description>Morning show &lt;i&gt;recording&lt;/i&gt;</description>
      <enclosure url="http://radio.example.org/morning.mp3" length="5588242" type="audio/mpeg"/>
    </item>
  </channel>
</rss>
"""

RSS10 = """<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:content="http://purl.org/rss/1.0/modules/content/"
         xmlns:sy="http://purl.org/rss/1.0/modules/syndication/">
  <channel rdf:about="https://science.example.net/rss">
    <title>Science Desk</title>
    <link>https://science.example.net/</link>
    <description>Research news</description>
    <dc:language>fr</dc:language>
    <sy:updatePeriod>daily</sy:updatePeriod>
    <sy:updateFrequency>2</sy:updateFrequency>
    <items><rdf:Seq><rdf:li rdf:resource="https://science.example.net/comet"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://science.example.net/comet">
    <title>Comète observée depuis l'Observatoire</title>
    <link>https://science.example.net/comet</link>
    <dc:date>2016-07-25T22:30:00+02:00</dc:date>
    <dc:creator>Claire Dubois</dc:creator>
    <dc:subject>Astronomie</dc:subject>
    <dc:identifier>doi:10.5555/comet.2016.07</dc:identifier>
    <description>Une comète brillante.</description>
    <content:encoded>&lt;p&gt;Une comète brillante a été observée.&lt;/p&gt;&lt;p&gt;Elle sera visible jusqu'à dimanche.&lt;/p&gt;</content:encoded>
  </item>
  <item rdf:about="https://science.example.net/probe">
    <title>Probe reaches orbit</title>
    <link>relative/probe</link>
    <dc:date>2016-07-24</dc:date>
  </item>
</rdf:RDF>
"""

RSS090 = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
  <channel>
    <title>Early Web News</title>
    <link>http://early.example.com/</link>
    <description>The first feeds</description>
  </channel>
  <item>
    <title>Browser released</title>
    <link>http://early.example.com/browser</link>
  </item>
  <item>
    <title>Search engine opens</title>
    <link>http://early.example.com/search</link>
  </item>
</rdf:RDF>
"""

ATOM10 = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example.com/news/" xml:lang="en">
  <title type="text">Atom &amp; Eve News</title>
  <subtitle type="html">&lt;p&gt;Stories, &lt;b&gt;fast&lt;/b&gt;&lt;/p&gt;</subtitle>
  <link rel="alternate" href="/"/>
  <link rel="self" href="feed.atom"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2016-07-26T09:30:00Z</updated>
  <author><name>Newsroom</name><uri>/about</uri></author>
  <logo>logo.png</logo>
  <entry>
    <title type="html">Markets &lt;b&gt;rally&lt;/b&gt; on &amp;quot;good&amp;quot; news</title>
    <link rel="alternate" type="text/html" href="2016/07/markets"/>
    <link rel="enclosure" type="video/mp4" length="987654" href="https://video.example.com/markets.mp4"/>
    <id>tag:atom.example.com,2016:markets</id>
    <published>2016-07-26T08:00:00+01:00</published>
    <updated>2016-07-26T09:00:00Z</updated>
    <author><name>Lena Fischer</name><email>lena@example.com</email></author>
    <category term="markets" label="Markets"/>
    <category term="europe"/>
    <summary>Shares rose across Europe.</summary>
    <content type="xhtml" xml:base="/desk/">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>Shares rose across <em>Europe</em> on Tuesday.</p>
        <p>See the <a href="charts">charts</a>.</p>
      </div>
    </content>
  </entry>
  <entry xml:base="https://other.example.org/base/" xml:lang="de">
    <title>Wetter: Sonne satt</title>
    <link href="weather"/>
    <id>tag:atom.example.com,2016:weather</id>
    <updated>2016-07-26T07:00:00Z</updated>
    <content type="text">Sonnig und warm.

Morgen Gewitter.</content>
  </entry>
  <entry>
    <title>No content, only a summary</title>
    <link href="summary-only"/>
    <id>tag:atom.example.com,2016:summary</id>
    <updated>2016-07-25T23:59:59Z</updated>
    <summary type="html">&lt;p&gt;Just &lt;i&gt;this&lt;/i&gt;.&lt;/p&gt;</summary>
    <source><title>Partner Feed</title><id>urn:partner</id></source>
  </entry>
</feed>
"""

ATOM03 = """<?xml version="1.0" encoding="utf-8"?>
<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:lang="en">
  <title>Legacy Atom</title>
  <tagline>Still publishing 0.3</tagline>
  <link rel="alternate" type="text/html" href="http://legacy.example.com/"/>
  <modified>2005-03-01T12:00:00Z</modified>
  <entry>
    <title>Old format, new story</title>
    <link rel="alternate" type="text/html" href="http://legacy.example.com/story"/>
    <id>tag:legacy.example.com,2005:1</id>
    <issued>2005-03-01T11:00:00-05:00</issued>
    <modified>2005-03-01T12:00:00Z</modified>
    <author><name>Sam Reed</name></author>
    <content type="text/html" mode="escaped">&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; body.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Base64 body</title>
    <link rel="alternate" type="text/html" href="http://legacy.example.com/b64"/>
    <id>tag:legacy.example.com,2005:2</id>
    <issued>2005-02-28T10:00:00Z</issued>
    <content type="text/html" mode="base64">PHA+RGVjb2RlZCBmcm9tIGJhc2U2NC48L3A+</content>
  </entry>
</feed>
"""


# Links as the publisher wrote them: fragments and page-naming parameters tell items apart, host
# case is the publisher's, relative links resolve against xml:base; only tracking parameters are
# left out of the canonical form used for identity.
LINKS_AS_PUBLISHED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">
  <channel>
    <title>Anchored Notes</title>
    <link>https://Notes.Example.COM/</link>
    <description>One page, many anchors</description>
    <item>
      <title>Morning note</title>
      <link>https://Notes.Example.COM/2008/06/26.html#a080605</link>
      <description>First note of the day.</description>
    </item>
    <item>
      <title>Evening note</title>
      <link>https://Notes.Example.COM/2008/06/26.html#a030658</link>
      <description>Last note of the day.</description>
    </item>
    <item>
      <title>Page named by a parameter</title>
      <link>https://news.example.com/story.php?cid=1234&amp;rss=1&amp;partner=wire&amp;utm_source=rss</link>
      <description>The cid names the page.</description>
    </item>
    <item>
      <title>FeedBurner original</title>
      <link>https://feeds.example.com/~r/wire/~3/abc/</link>
      <feedburner:origLink>https://wire.example.com/originals/42?ref=feed#top</feedburner:origLink>
      <description>origLink names the publisher's page.</description>
    </item>
  </channel>
</rss>
"""

LINKS_XML_BASE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.org/news/">
  <title>Based</title>
  <id>urn:based</id>
  <updated>2016-07-26T09:30:00Z</updated>
  <entry xml:base="2016/">
    <title>Relative link</title>
    <link href="07/story.html?Page=2#Part-3"/>
    <id>urn:based:1</id>
    <updated>2016-07-26T09:00:00Z</updated>
  </entry>
  <entry>
    <title>Root-relative link</title>
    <link href="/Archive/Story"/>
    <id>urn:based:2</id>
    <updated>2016-07-26T08:00:00Z</updated>
  </entry>
</feed>
"""

# Ids that are no URLs: never resolved against xml:base, never the item's link. An entry whose
# only link is its `self` link (an Atom Publishing Protocol entry) has no page to link to.
IDS_NOT_LINKS_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://localhost:8080/desk/feed/">
  <title>Desk</title>
  <id>urn:uuid:9f547ffc-0b31-4794-bcb2-c00f79771738</id>
  <updated>2016-07-26T09:30:00Z</updated>
  <entry xml:base="entries/">
    <title>Self link only</title>
    <link rel="self" href="urn-uuid-d5ffaea2"/>
    <link rel="edit" href="urn-uuid-d5ffaea2/edit"/>
    <id>urn:uuid:d5ffaea2-0a9a-4f38-98fc-5c364177b6b4</id>
    <updated>2016-07-26T09:00:00Z</updated>
  </entry>
  <entry>
    <title>A tag id and an alternate link</title>
    <link rel="alternate" href="2016/07/26/harbour"/>
    <id>tag:desk.example.com,2016:harbour</id>
    <updated>2016-07-26T08:00:00Z</updated>
  </entry>
</feed>
"""

# The same in RSS: a guid without isPermaLink that is no URL, under an xml:base; and an <rss> root
# in Atom's namespace (seen in the wild), whose items carry Atom's id, updated and summary.
IDS_NOT_LINKS_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xml:base="https://rss.example.com/desk/">
  <channel>
    <title>Desk</title>
    <link>https://rss.example.com/desk/</link>
    <description>Ids that are no links</description>
    <item xml:base="items/">
      <title>A urn guid</title>
      <guid>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</guid>
    </item>
    <item>
      <title>A tag guid beside its link</title>
      <link>2016/harbour.html</link>
      <guid>tag:rss.example.com,2016:harbour</guid>
    </item>
  </channel>
</rss>
"""

RSS_IN_ATOM_NAMESPACE = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns="http://www.w3.org/2005/Atom">
  <channel>
    <title>Earthquakes</title>
    <link href="https://quakes.example.org/"/>
    <item>
      <title>M 3.2, Mona Passage</title>
      <link href="https://quakes.example.org/2005/09/09/atom01"/>
      <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
      <updated>2005-08-17T07:02:32Z</updated>
      <summary>We just had a big one.</summary>
    </item>
  </channel>
</rss>
"""


# Titles that mention markup. An RSS title is untyped: it reads as HTML only when it looks like HTML
# (an end tag or a character reference, and only HTML element names), else its angle brackets are
# text. An Atom title says its type.
TITLES_RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Markup &amp;lt;in&amp;gt; titles</title>
    <link>https://titles.example.com/</link>
    <description>Headlines about markup</description>
    <item>
      <title>Test &amp;lt;pre&amp;gt; in &amp;lt;description&amp;gt; and &amp;lt;b&amp;gt;bold&amp;lt;/b&amp;gt; in title</title>
      <guid isPermaLink="false">title-1</guid>
    </item>
    <item>
      <title>Use the &lt;description&gt; element</title>
      <guid isPermaLink="false">title-2</guid>
    </item>
    <item>
      <title>Port &lt;em&gt;strike&lt;/em&gt; ends</title>
      <guid isPermaLink="false">title-3</guid>
    </item>
    <item>
      <title><![CDATA[Why <pre> beats <div>]]></title>
      <guid isPermaLink="false">title-4</guid>
    </item>
    <item>
      <title><![CDATA[Bridge reopens<br>]]></title>
      <guid isPermaLink="false">title-5</guid>
    </item>
  </channel>
</rss>
"""

TITLES_ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">About &lt;b&gt;</title>
  <id>urn:titles</id>
  <updated>2016-07-26T09:30:00Z</updated>
  <entry>
    <title type="text">Escaped &lt;b&gt;bold&lt;/b&gt; is text</title>
    <id>urn:titles:1</id>
    <updated>2016-07-26T09:00:00Z</updated>
  </entry>
  <entry>
    <title type="html">Escaped &lt;b&gt;bold&lt;/b&gt; is markup</title>
    <id>urn:titles:2</id>
    <updated>2016-07-26T09:00:00Z</updated>
  </entry>
  <entry>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>bold</b> &lt;b&gt;</div></title>
    <id>urn:titles:3</id>
    <updated>2016-07-26T09:00:00Z</updated>
  </entry>
</feed>
"""


# Links a CMS must never be handed: every one is dropped, with a warning, and the item kept.
HOSTILE_UNSAFE_LINKS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Unsafe links</title>
    <link>javascript:alert('feed')</link>
    <atom:link rel="alternate" href="https://safe.example.com/"/>
    <description>Every scheme but http and https is dropped</description>
    <item>
      <title>Script link</title>
      <link>javascript:alert(document.cookie)</link>
      <guid isPermaLink="false">unsafe-1</guid>
      <enclosure url="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" type="text/html" length="10"/>
      <media:content url="vbscript:msgbox(1)" type="image/jpeg"/>
      <media:thumbnail url="file:///etc/passwd"/>
    </item>
    <item>
      <title>Hidden scheme</title>
      <link>  java&#x09;script:alert(2)</link>
      <guid isPermaLink="false">unsafe-2</guid>
      <media:content url="https://img.example.com/ok.jpg" type="image/jpeg"/>
    </item>
    <item>
      <title>Relative and safe</title>
      <link>/stories/safe</link>
      <guid isPermaLink="false">unsafe-3</guid>
      <enclosure url="HTTPS://media.example.com/a.mp3" type="audio/mpeg" length="1000"/>
    </item>
  </channel>
</rss>
"""

# Text that would drive a terminal: C1 controls (raw and as references), DEL, bidi overrides and
# isolates. Plain text loses them; nothing else changes.
QUIRK_TERMINAL_CONTROLS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Terminal31m Wire</title>
    <link>https://term.example.com/</link>
    <description>Controls</description>
    <item>
      <title>Flash&#x9B;2J&#x9D;: markets &#x202E;tfel&#x202C; open</title>
      <guid>term-1</guid>
      <description>&lt;p&gt;Raw next line ⁦isolated⁩ text&amp;#x1B;[0m.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Arabic stays السوق and Hebrew שוק</title>
      <guid>term-2</guid>
      <description>Right-to-left text is kept; only the controls go.</description>
    </item>
  </channel>
</rss>
"""

# One headline in each script a wire desk meets: every one gives a readable ASCII slug.
SLUG_SCRIPTS = [
    ("zh", "新桥今天开通"),
    ("ja", "東京で新しい橋が開通"),
    ("ko", "서울에 새 다리 개통"),
    ("ar", "افتتاح جسر جديد في القاهرة"),
    ("he", "גשר חדש נפתח בתל אביב"),
    ("th", "เปิดสะพานใหม่ในกรุงเทพ"),
    ("hi", "दिल्ली में नया पुल खुला"),
    ("emoji", "🎉🎉🎉"),
]


def slug_scripts():
    items = "".join(f"""
    <item>
      <title>{title}</title>
      <guid isPermaLink="false">script-{code}</guid>
      <description>A headline in {code}.</description>
    </item>""" for code, title in SLUG_SCRIPTS)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
  <channel>
    <title>Every script</title>
    <link>https://scripts.example.com/</link>
    <description>Slugs</description>{items}
  </channel>
</rss>
"""


# Well-formedness slips a lenient reader forgives: a comment holding "--" (before the root and
# inside an item), adjacent CDATA sections that are one text.
QUIRK_COMMENT_DASHES = """<?xml version="1.0" encoding="utf-8"?>
<!-- generated by CMS -- do not edit -- v2 -->
<rss version="2.0">
  <channel>
    <title>Dashes</title>
    <link>https://dash.example.com/</link>
    <description>Comments with -- inside</description>
    <item>
      <title>First</title>
      <!-- old title -- kept for reference --->
      <guid>dash-1</guid>
      <description><![CDATA[<p>Part one, ]]><![CDATA[part two.</p>]]></description>
    </item>
    <item>
      <title><![CDATA[Split ]]><![CDATA[headline]]></title>
      <guid>dash-2</guid>
    </item>
  </channel>
</rss>
"""


def simple_rss(title, item_title, description, encoding_decl):
    decl = f'<?xml version="1.0" encoding="{encoding_decl}"?>\n' if encoding_decl else ""
    return (decl + f"""<rss version="2.0"><channel><title>{title}</title><link>https://enc.example.com/</link>
<description>Encoding test</description>
<item><title>{item_title}</title><link>https://enc.example.com/1</link><guid>enc-1</guid>
<description>{description}</description></item>
</channel></rss>
""")


# The same accented story in several encodings.
LATIN = simple_rss("Café Société", "Élection à Zürich: 45 % für Ändern", "Über große Straßen — naïve façade", None)


def main():
    os.makedirs(HERE, exist_ok=True)
    write("rss20-full.xml", RSS20_FULL)
    write("rss091.xml", RSS091.encode("iso-8859-1"))
    write("rss092.xml", RSS092)
    write("rss10.rdf", RSS10)
    write("rss090.rdf", RSS090)
    write("atom10.xml", ATOM10)
    write("atom03.xml", ATOM03)

    write("links-as-published.xml", LINKS_AS_PUBLISHED)
    write("links-xml-base.xml", LINKS_XML_BASE)
    write("ids-not-links-atom.xml", IDS_NOT_LINKS_ATOM)
    write("ids-not-links-rss.xml", IDS_NOT_LINKS_RSS)
    write("rss-in-atom-namespace.xml", RSS_IN_ATOM_NAMESPACE)
    write("titles-rss.xml", TITLES_RSS)
    write("titles-atom.xml", TITLES_ATOM)
    write("hostile-unsafe-links.xml", HOSTILE_UNSAFE_LINKS)
    write("quirk-terminal-controls.xml", QUIRK_TERMINAL_CONTROLS)
    write("slug-scripts.xml", slug_scripts())

    write("quirk-comment-dashes.xml", QUIRK_COMMENT_DASHES)
    # A feed assembled from UTF-8 and windows-1252 parts: each character read as it was written.
    mixed = simple_rss("Mixed", "UTF-8 part: Zürich", "LEGACY", "UTF-8").encode("utf-8")
    write("enc-mixed-utf8-cp1252.xml", mixed.replace(b"LEGACY", "cp1252 part: café – naïve".encode("cp1252")))
    # UTF-8 read as windows-1252 and written out as UTF-8 again, consistently.
    write("enc-double-encoded-utf8.xml", simple_rss("Doppelt", "Élection à Zürich – “für” Ändern",
                                                     "Über große Straßen", "UTF-8").encode("utf-8").decode("cp1252", "c1").encode("utf-8"))

    # Encodings. The text is the same in each: "Café Société" etc.
    write("enc-iso-8859-1.xml", ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + LATIN.replace(" — ", " - ")).encode("iso-8859-1"))
    write("enc-windows-1252.xml", ('<?xml version="1.0" encoding="windows-1252"?>\n' + LATIN).encode("cp1252"))
    write("enc-utf8-bom.xml", b"\xef\xbb\xbf" + ('<?xml version="1.0" encoding="UTF-8"?>\n' + LATIN).encode("utf-8"))
    write("enc-utf16le-bom.xml", b"\xff\xfe" + ('<?xml version="1.0" encoding="UTF-16"?>\n' + LATIN).encode("utf-16-le"))
    write("enc-utf16be-nobom.xml", ('<?xml version="1.0" encoding="UTF-16"?>\n' + LATIN).encode("utf-16-be"))
    write("enc-utf8-declared-but-cp1252.xml", ('<?xml version="1.0" encoding="UTF-8"?>\n' + LATIN).encode("cp1252"))
    write("enc-latin1-declared-but-utf8.xml", ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + LATIN).encode("utf-8"))
    write("enc-undeclared-cp1252.xml", LATIN.encode("cp1252"))
    write("enc-utf16-declared-but-utf8.xml", ('<?xml version="1.0" encoding="utf-16"?>\n' + LATIN).encode("utf-8"))
    write("enc-koi8-r.xml", ('<?xml version="1.0" encoding="KOI8-R"?>\n'
                              + simple_rss("Новости", "Мэр открыл новый мост", "Движение начнётся завтра", None)).encode("koi8-r"))
    write("enc-gb2312.xml", ('<?xml version="1.0" encoding="GB2312"?>\n'
                              + simple_rss("新闻", "新桥今天开通", "交通将于明天开始", None)).encode("gb2312"))
    write("enc-iso-8859-7.xml", ('<?xml version="1.0" encoding="ISO-8859-7"?>\n'
                                  + simple_rss("Ειδήσεις", "Νέα γέφυρα στην Αθήνα", "Άνοιξε σήμερα", None)).encode("iso-8859-7"))
    write("enc-windows-1251.xml", ('<?xml version="1.0" encoding="windows-1251"?>\n'
                                    + simple_rss("Новини", "Київ: нова лінія метро", "Відкриття у грудні", None)).encode("cp1251"))

    # Quirks that a reader should survive.
    write("quirk-junk-before-prolog.xml", "\n\n  \ufeff" + RSS092)
    write("quirk-php-warning-before-prolog.xml", "<br />\n<b>Warning</b>: something broke in <b>theme.php</b><br />\n" + RSS092)
    write("quirk-html-entities.xml", simple_rss("Entities&nbsp;Test", "Caf&eacute; &mdash; cr&egrave;me&nbsp;br&ucirc;l&eacute;e",
                                                "&ldquo;Quoted&rdquo; &hellip; &copy; 2016 &unknownentity; x", "UTF-8"))
    write("quirk-bare-ampersand.xml", simple_rss("AT&T News", "Q&A: Fish & Chips < 5 pounds", "Tom & Jerry &#0; &#xD800; ok", "UTF-8"))
    write("quirk-truncated.xml", RSS20_FULL[: RSS20_FULL.index("<title>Grain exports resume") + 20])
    write("quirk-junk-after-root.xml", RSS092 + "\n<script>var tracking = 1;</script>\n<b>trailing junk</b>")
    write("quirk-control-characters.xml", simple_rss("Control\x0fChars", "Bell\x07 and \x1bescape", "Form\x0cfeed", "UTF-8"))
    write("quirk-broken-dates.xml", """<rss version="2.0"><channel><title>Dates</title><link>https://d.example.com/</link>
<item><title>two-digit year</title><guid>d1</guid><pubDate>Tue, 26 Jul 16 09:05:00 GMT</pubDate></item>
<item><title>no weekday</title><guid>d2</guid><pubDate>26 Jul 2016 09:05:00 +0000</pubDate></item>
<item><title>wrong weekday</title><guid>d3</guid><pubDate>Fri, 26 Jul 2016 09:05:00 GMT</pubDate></item>
<item><title>extra spaces</title><guid>d4</guid><pubDate>  Tue,  26   Jul  2016  09:05:00   GMT </pubDate></item>
<item><title>unparseable</title><guid>d5</guid><pubDate>sometime last week</pubDate></item>
</channel></rss>""")

    # Date shapes seen in real feeds beyond RFC 822 and ISO 8601, each with the instant it names.
    dates = [("2020/1/10 14:33:00", "slashes, one-digit month"), ("2020-1-5 3:04:05", "dashes, one-digit day and hour"),
             ("2020/01/10 02:33 PM +0800", "slashes, 12-hour clock, zone"), ("Wed 24 May 2006 14:04:24 -800", "three-digit zone"),
             ("Sun, 20 Apr 2014 8:19 pm CEST", "12-hour clock, zone name"), ("Sat, Dec 16 2023 02:02:33 PM", "month before day, PM"),
             ("mer, 16 nov 2022 00:38:15 +0100", "Italian weekday"), ("Friday, January 29, 2021 04:42 PM", "long names"),
             ("Fri, 17 May 2019 06:00:00 BST", "British Summer Time"), ("10/01/2020", "day and month in unknown order"),
             ("Fri, 11 Mar 2016 01:15:00 +3000", "an offset no zone has")]
    write("dates-real-world.xml", '<rss version="2.0"><channel><title>Dates</title><link>https://d.example.com/</link>\n'
          + "".join(f"<item><title>{title}</title><guid>date-{n}</guid><pubDate>{date}</pubDate></item>\n"
                    for n, (date, title) in enumerate(dates, 1))
          + "</channel></rss>\n")

    # Hostile documents: each must be refused or neutralized, never expanded or followed.
    write("hostile-billion-laughs.xml", """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title><link>https://x.example.com/</link>
<item><title>&lol9;</title><guid>laugh</guid></item></channel></rss>
""")
    write("hostile-external-entity.xml", """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY secret SYSTEM "file:///etc/passwd"> <!ENTITY remote SYSTEM "http://127.0.0.1:9/evil"> ]>
<rss version="2.0"><channel><title>XXE</title><link>https://x.example.com/</link>
<item><title>Secret: &secret;</title><description>Remote: &remote;</description><guid>xxe</guid></item></channel></rss>
""")
    write("hostile-parameter-entity.xml", """<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY % remote SYSTEM "http://127.0.0.1:9/evil.dtd"> %remote; ]>
<rss version="2.0"><channel><title>Parameter entity</title><link>https://x.example.com/</link>
<item><title>Still here</title><guid>pe</guid></item></channel></rss>
""")
    write("hostile-external-dtd.xml", """<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file:///etc/passwd">
<rss version="2.0"><channel><title>External DTD</title><link>https://x.example.com/</link>
<item><title>DTD not loaded</title><guid>dtd</guid></item></channel></rss>
""")
    write("hostile-quadratic-blowup.xml", '<?xml version="1.0"?>\n<!DOCTYPE rss [ <!ENTITY a "' + "A" * 20000 + '"> ]>\n'
          + '<rss version="2.0"><channel><title>Quadratic</title><link>https://x.example.com/</link><item><title>'
          + "&a;" * 20000 + "</title><guid>q</guid></item></channel></rss>\n")
    write("hostile-deep-nesting.xml", '<rss version="2.0"><channel><title>Deep</title><item><description>'
          + "<div>" * 5000 + "x" + "</div>" * 5000 + "</description></item></channel></rss>")
    write("hostile-nul-bytes.xml", simple_rss("NUL\x00Bytes", "Title\x00with NUL", "Body\x00\x00", "UTF-8"))

    # Not feeds.
    write("not-feed-html.html", "<!DOCTYPE html>\n<html><head><title>A web page</title></head><body><p>Hello</p></body></html>\n")
    write("not-feed-json.json", '{"version": "https://jsonfeed.org/version/1.1", "items": []}\n')
    write("not-feed-opml.opml", '<?xml version="1.0"?>\n<opml version="2.0"><head><title>Subscriptions</title></head>'
          '<body><outline text="A" xmlUrl="https://a.example.com/feed"/></body></opml>\n')
    write("not-feed-binary.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
    write("not-feed-empty.xml", "  \n")

    # HTTP bodies for the fetch tests.
    http = os.path.join(os.path.dirname(HERE), "http")
    os.makedirs(http, exist_ok=True)
    with open(os.path.join(http, "rss20-full.xml.gz"), "wb") as f:
        f.write(gzip.compress(RSS20_FULL.encode("utf-8"), mtime=0))


if __name__ == "__main__":
    main()
