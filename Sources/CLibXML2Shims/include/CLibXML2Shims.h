// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// The wirefeed view of libxml2 and iconv: opaque handles and plain C types only.
//
// libxml2's own headers pull in ICU's, which clash with Foundation's bundled ICU in any Swift
// module that can see both. Nothing here includes <libxml/...>; only xml_shims.c does.

#ifndef WIREFEED_CLIBXML2_SHIMS_H
#define WIREFEED_CLIBXML2_SHIMS_H

#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

/// A pull reader over one XML document or one HTML fragment, with the errors it met.
typedef struct wirefeed_xml_reader wirefeed_xml_reader;

/// Node types, the values of libxml2's xmlReaderTypes that wirefeed acts on.
enum {
    WIREFEED_XML_NODE_ELEMENT = 1,
    WIREFEED_XML_NODE_TEXT = 3,
    WIREFEED_XML_NODE_CDATA = 4,
    WIREFEED_XML_NODE_ENTITY_REFERENCE = 5,
    WIREFEED_XML_NODE_WHITESPACE = 13,
    WIREFEED_XML_NODE_SIGNIFICANT_WHITESPACE = 14,
    WIREFEED_XML_NODE_END_ELEMENT = 15,
};

/// Opens a reader over `length` bytes of UTF-8 XML at `bytes`, with wirefeed's fixed hostile-input
/// policy: no network, no DTD loading, no entity substitution, no huge-document mode, recovery on.
/// The bytes must outlive the reader. Returns NULL when libxml2 cannot allocate a parser.
wirefeed_xml_reader *_Nullable wirefeed_xml_reader_open(const char *bytes, int length);

/// Frees the reader and everything it owns. The corresponding C function is `xmlFreeTextReader`.
void wirefeed_xml_reader_free(wirefeed_xml_reader *reader);

/// Moves to the next node: 1 on success, 0 at the end, -1 on an unrecoverable error.
int wirefeed_xml_reader_read(wirefeed_xml_reader *reader);
/// Skips the current node's subtree: 1 on success, 0 at the end, -1 on error.
int wirefeed_xml_reader_skip_subtree(wirefeed_xml_reader *reader);

int wirefeed_xml_reader_node_type(wirefeed_xml_reader *reader);
int wirefeed_xml_reader_depth(wirefeed_xml_reader *reader);
/// 1 when the current element is written `<x/>` (it then has no END_ELEMENT node).
int wirefeed_xml_reader_is_empty_element(wirefeed_xml_reader *reader);
/// The current node's local name, interned by the reader; NULL for nodes without one.
const char *_Nullable wirefeed_xml_reader_local_name(wirefeed_xml_reader *reader);
/// The current node's namespace URI, interned by the reader; NULL when it has none.
const char *_Nullable wirefeed_xml_reader_namespace_uri(wirefeed_xml_reader *reader);
/// The current node's text value (text, CDATA, attribute); valid until the next move.
const char *_Nullable wirefeed_xml_reader_value(wirefeed_xml_reader *reader);
/// The current line in the input, for messages.
int wirefeed_xml_reader_line(wirefeed_xml_reader *reader);

int wirefeed_xml_reader_move_to_first_attribute(wirefeed_xml_reader *reader);
int wirefeed_xml_reader_move_to_next_attribute(wirefeed_xml_reader *reader);
int wirefeed_xml_reader_move_to_element(wirefeed_xml_reader *reader);

/// The serialized markup inside the current element, to be released with `wirefeed_free`.
char *_Nullable wirefeed_xml_reader_inner_xml(wirefeed_xml_reader *reader);

/// How many errors libxml2 reported for this document (warnings excluded).
int wirefeed_xml_reader_error_count(wirefeed_xml_reader *reader);
/// The first error's message (NUL-terminated, possibly empty) and line.
const char *wirefeed_xml_reader_first_error(wirefeed_xml_reader *reader);
int wirefeed_xml_reader_first_error_line(wirefeed_xml_reader *reader);

/// The events of an HTML fragment, parsed with libxml2's forgiving HTML parser (recovering, no
/// network, no error output) through SAX, without building a tree. One record per event, each
/// starting with its kind byte; lengths are 32-bit, in host byte order:
///   WIREFEED_HTML_START, empty flag byte, name length + name, attribute count (32-bit), then per
///     attribute: name length + name, value length + value. An empty element (no child at all)
///     has the flag set and gets no end record.
///   WIREFEED_HTML_TEXT, length + text (adjacent text is one record).
///   WIREFEED_HTML_END, name length + name.
typedef struct wirefeed_html_events {
    uint8_t *_Nullable bytes;
    size_t length;
    size_t capacity;
    int failed;  // memory ran out: the events are incomplete
} wirefeed_html_events;

enum { WIREFEED_HTML_START = 1, WIREFEED_HTML_TEXT = 2, WIREFEED_HTML_END = 3 };

/// Fills `events` (zeroed by the caller) from `bytes`; free them with `wirefeed_html_events_free`.
void wirefeed_html_events_parse(const char *bytes, int length, wirefeed_html_events *events);
void wirefeed_html_events_free(wirefeed_html_events *events);

/// The Unicode scalar of an HTML 4 named entity (`nbsp` -> 160), or 0 when the name is unknown.
/// The corresponding C function is `htmlEntityLookup`.
uint32_t wirefeed_html_entity_scalar(const char *name);

/// Converts `length` bytes in `charset` to UTF-8 with iconv. Bytes the charset cannot decode become
/// U+FFFD; an incomplete sequence at the end is dropped. On success returns 0 and stores a buffer
/// to release with `wirefeed_free`; returns -1 when iconv does not know the charset, -2 when
/// memory runs out.
int wirefeed_transcode_to_utf8(const char *charset, const uint8_t *_Nullable bytes, size_t length,
                               uint8_t *_Nullable *_Nonnull output, size_t *output_length);

/// Releases memory that a wirefeed shim function handed out.
void wirefeed_free(void *_Nullable pointer);

/// Initializes libxml2 once, before any thread uses it. The corresponding C function is `xmlInitParser`.
void wirefeed_xml_initialize(void);

#pragma clang assume_nonnull end

#endif
