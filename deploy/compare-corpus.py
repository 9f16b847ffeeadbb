#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
# Copyright (c) 2026 the wirefeed authors
"""Per-field agreement of `wirefeed parse` with feedparser 6 over a corpus of real feeds.

    compare-corpus.py WIREFEED CORPUS_DIR [--list N]

Reads every file under CORPUS_DIR with feedparser and with `wirefeed parse FILE` (one process per
file), pairs the items in document order and counts, per field, the items on which both agree:
item count (per file), id, link, title, date. Prints the agreement per field and, for each file
that differs, the first difference of each field (at most N files, 40 by default).

Comparison rules, chosen so that a difference is a real one:
- id: only where feedparser has one (it invents none); wirefeed's JSON Feed id is its guid/id.
- link: feedparser's `link` against JSON Feed `url`, both as strings.
- title: both as plain text: tags removed, entities decoded, white space collapsed.
- date: the first of published/updated of each, to the second, in UTC.

A difference that is one of wirefeed's documented choices is counted apart ("chosen"), and the
agreement is printed both ways:
- link-origlink: wirefeed's link is FeedBurner's `origLink` (the publisher's page);
- link-resolved: feedparser's link is relative (it had no document URL) and wirefeed's is the same
  link resolved against the feed's home page;
- link-not-http: feedparser made a link of a guid or id that is no http(s) URL (`urn:`, `tag:`);
  wirefeed links only to http and https;
- title-mojibake: feedparser's title is wirefeed's double-encoded (`Ã©` for `é`): wirefeed
  repaired the document;
- id-bare-ampersand: feedparser turned a bare `&name` of a URL into the reference `&name;`;
- id-not-resolved: feedparser resolved an id that is no URL against a base, wirefeed keeps it;
- date-read-more: feedparser read no date where wirefeed read one (an Italian weekday, long names);
- date-year-first: a date written `2020/1/10`, which feedparser reads as another day;
- date-12-hour, date-zone-name: feedparser ignores AM/PM and zone names such as BST or CEST;
- count-utf16-unmarked: a UTF-16 document with neither byte-order mark nor declaration, of which
  feedparser reads nothing;
- count-broken-off: the document breaks off inside its last item, which feedparser keeps and
  wirefeed drops (its body lost its end);
- count-empty-entry: feedparser made an entry of an empty `<item/>` nested inside an item; such
  entries are left out of the pairing.

wirefeed's JSON Feed title is plain text: it is compared with white space collapsed, its angle
brackets kept.
"""
import calendar
import html
import json
import os
import urllib.parse
import re
import subprocess
import sys
from datetime import datetime, timezone

import feedparser

TAG = re.compile(r"<[^>]*>")
SPACE = re.compile(r"\s+")


def plain(text):
    if text is None:
        return None
    text = html.unescape(TAG.sub("", text))
    return SPACE.sub(" ", text).strip() or None


def fp_date(entry):
    for key in ("published_parsed", "updated_parsed"):
        value = entry.get(key)
        if value:
            return calendar.timegm(value)
    return None


def wf_date(item):
    for key in ("date_published", "date_modified"):
        value = item.get(key)
        if value:
            return int(datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc).timestamp())
    return None


def undouble(text):
    """`text` as it reads when its characters are taken for windows-1252 bytes of UTF-8."""
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in text)
        return raw.decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError, IndexError):
        return None


def text_line(text):
    if text is None:
        return None
    return SPACE.sub(" ", text).strip() or None


def raw_date(entry):
    return entry.get("published") or entry.get("updated") or ""


def is_empty(entry):
    return not any(entry.get(key) for key in ("title", "link", "id", "summary", "content", "published", "updated"))


def chosen(field, pair, entry, parsed):
    theirs, ours = pair
    if field == "id" and theirs and ours:
        if re.sub(r"&(\w+);", r"&\1", theirs) == ours:
            return "id-bare-ampersand"
        if theirs.startswith("/") and theirs.endswith("/" + ours) and ":" not in ours:
            return "id-not-resolved"
    if field == "date" and ours is not None:
        raw = raw_date(entry)
        if theirs is None:
            return "date-read-more"
        if re.match(r"\s*\d{4}/\d{1,2}/\d{1,2}", raw):
            return "date-year-first"
        if re.search(r"\b[AaPp][Mm]\b", raw) and (ours - theirs) % 3600 == 0:
            return "date-12-hour"
        if re.search(r"\b(BST|CEST|CET|EEST|EET|WEST|MSK|IST|JST|AEST|AEDT)\s*$", raw) and (ours - theirs) % 3600 == 0:
            return "date-zone-name"
    if field == "link":
        if ours and ours == entry.get("feedburner_origlink"):
            return "link-origlink"
        home = parsed.feed.get("link")
        if theirs and ours and home and not theirs.startswith(("http:", "https:")) \
                and urllib.parse.urljoin(home, theirs) == ours:
            return "link-resolved"
        if theirs and not theirs.lower().startswith(("http:", "https:", "/")) and ours is None:
            return "link-not-http"
    if field == "title" and theirs and ours and undouble(theirs) is not None \
            and plain(undouble(theirs)) == ours:
        return "title-mojibake"
    return None


def wirefeed_items(binary, path):
    result = subprocess.run([binary, "parse", path], capture_output=True)
    if result.returncode != 0:
        return None, result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
    return json.loads(result.stdout).get("items", []), None


def main():
    args = sys.argv[1:]
    limit = 40
    if "--list" in args:
        index = args.index("--list")
        limit = int(args[index + 1])
        del args[index:index + 2]
    binary, corpus = args
    fields = ["count", "id", "link", "title", "date"]
    agree = {field: 0 for field in fields}
    total = {field: 0 for field in fields}
    differing = []
    choices = {}
    chosen_agree = {field: 0 for field in fields}
    files = sorted(os.path.join(root, name) for root, _, names in os.walk(corpus) for name in names
                   if not name.endswith(".tsv") and not name.startswith("."))
    for path in files:
        parsed = feedparser.parse(path)
        ours, error = wirefeed_items(binary, path)
        theirs = parsed.entries
        if ours is None:
            ours = []
        notes = {}
        total["count"] += 1
        count_choice = None
        if len(ours) != len(theirs):
            with open(path, "rb") as f:
                head = f.read(4)
            bozo = str(parsed.get("bozo_exception", ""))
            nonempty = [entry for entry in theirs if not is_empty(entry)]
            if not theirs and len(head) == 4 and (head[0] == 0) != (head[1] == 0) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
                count_choice = "count-utf16-unmarked"
            elif len(nonempty) == len(ours):
                count_choice = "count-empty-entry"
                theirs = nonempty
            elif len(theirs) == len(ours) + 1 and ("unclosed" in bozo or "no element found" in bozo):
                count_choice = "count-broken-off"
        if len(ours) == len(theirs) and count_choice is None:
            agree["count"] += 1
        elif count_choice:
            choices[count_choice] = choices.get(count_choice, 0) + 1
            chosen_agree["count"] += 1
        else:
            notes["count"] = f"feedparser {len(theirs)}, wirefeed {len(ours)}" + (f" ({error[0]})" if error else "")
        for position, (entry, item) in enumerate(zip(theirs, ours)):
            pairs = {
                "id": (entry.get("id"), item.get("id")) if entry.get("id") else None,
                "link": (entry.get("link"), item.get("url")),
                "title": (plain(entry.get("title")), text_line(item.get("title"))),
                "date": (fp_date(entry), wf_date(item)),
            }
            for field, pair in pairs.items():
                if pair is None:
                    continue
                total[field] += 1
                if pair[0] == pair[1]:
                    agree[field] += 1
                    continue
                reason = chosen(field, pair, entry, parsed)
                if reason:
                    choices[reason] = choices.get(reason, 0) + 1
                    chosen_agree[field] += 1
                elif field not in notes:
                    notes[field] = f"item {position + 1}: feedparser {pair[0]!r}, wirefeed {pair[1]!r}"
        if notes:
            differing.append((os.path.relpath(path, corpus), notes))
    print(f"corpus: {len(files)} files, {total['id'] + 0} items with an id, {total['link']} items compared")
    print("field  agree   agree or chosen")
    for field in fields:
        share = 100.0 * agree[field] / total[field] if total[field] else 100.0
        with_chosen = 100.0 * (agree[field] + chosen_agree[field]) / total[field] if total[field] else 100.0
        unit = "files" if field == "count" else "items"
        print(f"{field:6} {share:6.2f}%  {with_chosen:6.2f}%  ({agree[field]}+{chosen_agree[field]}/{total[field]} {unit})")
    print("chosen differences: " + ", ".join(f"{k} {v}" for k, v in sorted(choices.items())))
    print(f"\n{len(differing)} files differ" + (f"; the first {limit}:" if len(differing) > limit else ":"))
    for name, notes in differing[:limit]:
        print(name)
        for field, note in notes.items():
            print(f"  {field}: {note[:300]}")


if __name__ == "__main__":
    main()
