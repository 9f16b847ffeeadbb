// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// The only file of wirefeed that includes libxml2's headers. Every libxml2 option that matters for
// hostile input is fixed here, in `wirefeed_xml_reader_open`, and nowhere else.

#include "CLibXML2Shims.h"

#include <libxml/xmlversion.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>  // htmlIsBooleanAttr
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#if LIBXML_VERSION < 20900
#error "wirefeed needs libxml2 2.9 or later"
#endif

_Static_assert(WIREFEED_XML_NODE_ELEMENT == XML_READER_TYPE_ELEMENT, "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_TEXT == XML_READER_TYPE_TEXT, "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_CDATA == XML_READER_TYPE_CDATA, "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_ENTITY_REFERENCE == XML_READER_TYPE_ENTITY_REFERENCE, "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_WHITESPACE == XML_READER_TYPE_WHITESPACE, "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_SIGNIFICANT_WHITESPACE == XML_READER_TYPE_SIGNIFICANT_WHITESPACE,
               "reader type mirror");
_Static_assert(WIREFEED_XML_NODE_END_ELEMENT == XML_READER_TYPE_END_ELEMENT, "reader type mirror");

enum { WIREFEED_ERROR_MESSAGE_CAPACITY = 256 };

struct wirefeed_xml_reader {
    xmlTextReaderPtr reader;
    int error_count;
    int first_error_line;
    char first_error[WIREFEED_ERROR_MESSAGE_CAPACITY];
};

// Per-reader structured error handler: errors are copied into the reader's own struct, never into
// libxml2's process-global (per-thread) error state.
static void wirefeed_record_error(void *user_data, xmlErrorPtr error) {
    struct wirefeed_xml_reader *state = user_data;
    if (error == NULL || error->level == XML_ERR_WARNING) {
        return;
    }
    if (state->error_count == 0) {
        const char *message = error->message != NULL ? error->message : "unknown error";
        strncpy(state->first_error, message, WIREFEED_ERROR_MESSAGE_CAPACITY - 1);
        state->first_error[WIREFEED_ERROR_MESSAGE_CAPACITY - 1] = '\0';
        size_t length = strlen(state->first_error);
        while (length > 0 && (state->first_error[length - 1] == '\n' || state->first_error[length - 1] == ' ')) {
            state->first_error[--length] = '\0';
        }
        state->first_error_line = error->line;
    }
    state->error_count += 1;
}

void wirefeed_xml_initialize(void) { xmlInitParser(); }

wirefeed_xml_reader *wirefeed_xml_reader_open(const char *bytes, int length) {
    struct wirefeed_xml_reader *state = calloc(1, sizeof *state);
    if (state == NULL) {
        return NULL;
    }
    // NONET: never touch the network. No NOENT (it would read local files through external
    // entities), no DTDLOAD, no DTDATTR, no HUGE (keeps libxml2's depth and size limits).
    // IGNORE_ENC: the caller has already transcoded to UTF-8 and says so.
    int options = XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOCDATA | XML_PARSE_COMPACT
        | XML_PARSE_IGNORE_ENC | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    state->reader = xmlReaderForMemory(bytes, length, NULL, "UTF-8", options);
    if (state->reader == NULL) {
        free(state);
        return NULL;
    }
    xmlTextReaderSetStructuredErrorHandler(state->reader, wirefeed_record_error, state);
    return state;
}

// ---- HTML fragments through SAX: one flat buffer of events, no tree, no per-node calls from Swift.

struct wirefeed_html_walk {
    wirefeed_html_events *events;
    size_t open_start;   // offset of the flag byte of the latest start with no child yet, or SIZE_MAX
    size_t last_text;    // offset of the length of the latest text record, if it is the last record
    int depth;
    // The names of the open elements (libxml2's dictionary owns them): an end record names the
    // element it closes, as a tree would, whatever name libxml2 passes with the end.
    const xmlChar **open_names;
    int open_capacity;
};

static int wirefeed_events_reserve(wirefeed_html_events *events, size_t more) {
    if (events->failed) {
        return 0;
    }
    if (events->length + more <= events->capacity) {
        return 1;
    }
    size_t capacity = events->capacity == 0 ? 4096 : events->capacity;
    while (capacity < events->length + more) {
        capacity *= 2;
    }
    uint8_t *bytes = realloc(events->bytes, capacity);
    if (bytes == NULL) {
        events->failed = 1;
        return 0;
    }
    events->bytes = bytes;
    events->capacity = capacity;
    return 1;
}

static void wirefeed_events_put(wirefeed_html_events *events, const void *bytes, size_t count) {
    memcpy(events->bytes + events->length, bytes, count);
    events->length += count;
}

static void wirefeed_events_put_string(wirefeed_html_events *events, const xmlChar *string) {
    uint32_t count = string == NULL ? 0 : (uint32_t)strlen((const char *)string);
    wirefeed_events_put(events, &count, sizeof count);
    if (count > 0) {
        wirefeed_events_put(events, string, count);
    }
}

static size_t wirefeed_string_size(const xmlChar *string) {
    return sizeof(uint32_t) + (string == NULL ? 0 : strlen((const char *)string));
}

// libxml2's own depth limit for a tree (xmlParserMaxDepth without XML_PARSE_HUGE): the element that
// would go deeper is the last, empty, and the parse stops there, as it does when building a tree.
enum { WIREFEED_HTML_MAX_DEPTH = 256 };

static void wirefeed_html_start(void *context, const xmlChar *name, const xmlChar **attributes) {
    struct wirefeed_html_walk *walk = ((htmlParserCtxtPtr)context)->_private;
    wirefeed_html_events *events = walk->events;
    int too_deep = walk->depth >= WIREFEED_HTML_MAX_DEPTH;
    size_t size = 2 + wirefeed_string_size(name) + sizeof(uint32_t);
    uint32_t count = 0;
    for (const xmlChar **attribute = attributes; attribute != NULL && attribute[0] != NULL; attribute += 2) {
        // The name twice: a bare boolean attribute's value is its name (below).
        size += 2 * wirefeed_string_size(attribute[0]) + wirefeed_string_size(attribute[1]);
        count += 1;
    }
    if (!wirefeed_events_reserve(events, size)) {
        return;
    }
    events->bytes[events->length++] = WIREFEED_HTML_START;
    walk->open_start = events->length;
    events->bytes[events->length++] = 0;
    wirefeed_events_put_string(events, name);
    wirefeed_events_put(events, &count, sizeof count);
    for (const xmlChar **attribute = attributes; attribute != NULL && attribute[0] != NULL; attribute += 2) {
        wirefeed_events_put_string(events, attribute[0]);
        // A bare boolean attribute (<input disabled>) reads as its own name, as in a tree.
        const xmlChar *value = attribute[1] == NULL && htmlIsBooleanAttr(attribute[0]) ? attribute[0] : attribute[1];
        wirefeed_events_put_string(events, value);
    }
    walk->last_text = SIZE_MAX;
    if (too_deep) {
        events->bytes[walk->open_start] = 1;
        walk->open_start = SIZE_MAX;
        xmlStopParser(context);
        return;
    }
    if (walk->depth >= walk->open_capacity) {
        int capacity = walk->open_capacity == 0 ? 32 : walk->open_capacity * 2;
        const xmlChar **names = realloc(walk->open_names, (size_t)capacity * sizeof *names);
        if (names == NULL) {
            events->failed = 1;
            return;
        }
        walk->open_names = names;
        walk->open_capacity = capacity;
    }
    walk->open_names[walk->depth] = name;
    walk->depth += 1;
}

// The end record names the element it closes (the top of `open_names`), not the `name` libxml2
// passes, which can differ when it recovers from broken markup.
static void wirefeed_html_end(void *context, const xmlChar *name) {
    (void)name;
    struct wirefeed_html_walk *walk = ((htmlParserCtxtPtr)context)->_private;
    wirefeed_html_events *events = walk->events;
    if (walk->depth <= 0 || events->failed) {
        return;
    }
    walk->depth -= 1;
    const xmlChar *closed = walk->open_names[walk->depth];
    walk->last_text = SIZE_MAX;
    if (walk->open_start != SIZE_MAX) {
        // No child since it opened: an empty element, which gets no end record.
        events->bytes[walk->open_start] = 1;
        walk->open_start = SIZE_MAX;
        return;
    }
    if (!wirefeed_events_reserve(events, 1 + wirefeed_string_size(closed))) {
        return;
    }
    events->bytes[events->length++] = WIREFEED_HTML_END;
    wirefeed_events_put_string(events, closed);
}

static void wirefeed_html_characters(void *context, const xmlChar *characters, int length) {
    struct wirefeed_html_walk *walk = ((htmlParserCtxtPtr)context)->_private;
    wirefeed_html_events *events = walk->events;
    // Text outside every element has no parent in a tree either: it is dropped there too.
    if (walk->depth <= 0 || length <= 0) {
        return;
    }
    walk->open_start = SIZE_MAX;
    if (walk->last_text != SIZE_MAX) {
        if (!wirefeed_events_reserve(events, (size_t)length)) {
            return;
        }
        uint32_t count;
        memcpy(&count, events->bytes + walk->last_text, sizeof count);
        count += (uint32_t)length;
        memcpy(events->bytes + walk->last_text, &count, sizeof count);
        wirefeed_events_put(events, characters, (size_t)length);
        return;
    }
    if (!wirefeed_events_reserve(events, 1 + sizeof(uint32_t) + (size_t)length)) {
        return;
    }
    events->bytes[events->length++] = WIREFEED_HTML_TEXT;
    walk->last_text = events->length;
    uint32_t count = (uint32_t)length;
    wirefeed_events_put(events, &count, sizeof count);
    wirefeed_events_put(events, characters, (size_t)length);
}

// A comment or processing instruction is a child, though it makes no event.
static void wirefeed_html_other_child(struct wirefeed_html_walk *walk) {
    if (walk->depth > 0) {
        walk->open_start = SIZE_MAX;
        walk->last_text = SIZE_MAX;
    }
}

static void wirefeed_html_comment(void *context, const xmlChar *value) {
    (void)value;
    wirefeed_html_other_child(((htmlParserCtxtPtr)context)->_private);
}

static void wirefeed_html_processing_instruction(void *context, const xmlChar *target, const xmlChar *data) {
    (void)target;
    (void)data;
    wirefeed_html_other_child(((htmlParserCtxtPtr)context)->_private);
}

void wirefeed_html_events_parse(const char *bytes, int length, wirefeed_html_events *events) {
    struct wirefeed_html_walk walk = {.events = events, .open_start = SIZE_MAX, .last_text = SIZE_MAX};
    htmlParserCtxtPtr context = htmlCreateMemoryParserCtxt(bytes, length);
    if (context == NULL) {
        return;  // an empty fragment (or no memory for a parser): no events, as from an empty tree
    }
    // libxml2's forgiving HTML parse, SAX only: it closes unclosed elements and implies html/body
    // around a fragment through the same callbacks that would build a tree.
    memset(context->sax, 0, sizeof(htmlSAXHandler));
    context->sax->startElement = wirefeed_html_start;
    context->sax->endElement = wirefeed_html_end;
    context->sax->characters = wirefeed_html_characters;
    context->sax->cdataBlock = wirefeed_html_characters;
    context->sax->comment = wirefeed_html_comment;
    context->sax->processingInstruction = wirefeed_html_processing_instruction;
    context->_private = &walk;
    htmlCtxtUseOptions(context, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                    | HTML_PARSE_COMPACT);
    // The bytes are UTF-8 whatever a <meta charset> inside them says.
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8 != NULL) {
        xmlSwitchToEncoding(context, utf8);
        if (context->input->encoding != NULL) {
            xmlFree((xmlChar *)context->input->encoding);
        }
        context->input->encoding = xmlStrdup(BAD_CAST "UTF-8");
    }
    htmlParseDocument(context);
    // Whatever libxml2 left open is closed, as every element of a tree ends.
    while (walk.depth > 0 && !events->failed) {
        wirefeed_html_end(context, NULL);
    }
    htmlFreeParserCtxt(context);
    free(walk.open_names);
}

void wirefeed_html_events_free(wirefeed_html_events *events) {
    free(events->bytes);
    events->bytes = NULL;
    events->length = 0;
    events->capacity = 0;
}

void wirefeed_xml_reader_free(wirefeed_xml_reader *state) {
    xmlFreeTextReader(state->reader);
    free(state);
}

int wirefeed_xml_reader_read(wirefeed_xml_reader *state) { return xmlTextReaderRead(state->reader); }
int wirefeed_xml_reader_skip_subtree(wirefeed_xml_reader *state) { return xmlTextReaderNext(state->reader); }
int wirefeed_xml_reader_node_type(wirefeed_xml_reader *state) { return xmlTextReaderNodeType(state->reader); }
int wirefeed_xml_reader_depth(wirefeed_xml_reader *state) { return xmlTextReaderDepth(state->reader); }
int wirefeed_xml_reader_is_empty_element(wirefeed_xml_reader *state) {
    return xmlTextReaderIsEmptyElement(state->reader);
}

const char *wirefeed_xml_reader_local_name(wirefeed_xml_reader *state) {
    return (const char *)xmlTextReaderConstLocalName(state->reader);
}

const char *wirefeed_xml_reader_namespace_uri(wirefeed_xml_reader *state) {
    return (const char *)xmlTextReaderConstNamespaceUri(state->reader);
}

const char *wirefeed_xml_reader_value(wirefeed_xml_reader *state) {
    return (const char *)xmlTextReaderConstValue(state->reader);
}

int wirefeed_xml_reader_line(wirefeed_xml_reader *state) {
    return xmlTextReaderGetParserLineNumber(state->reader);
}

int wirefeed_xml_reader_move_to_first_attribute(wirefeed_xml_reader *state) {
    return xmlTextReaderMoveToFirstAttribute(state->reader);
}

int wirefeed_xml_reader_move_to_next_attribute(wirefeed_xml_reader *state) {
    return xmlTextReaderMoveToNextAttribute(state->reader);
}

int wirefeed_xml_reader_move_to_element(wirefeed_xml_reader *state) {
    return xmlTextReaderMoveToElement(state->reader);
}

char *wirefeed_xml_reader_inner_xml(wirefeed_xml_reader *state) {
    return (char *)xmlTextReaderReadInnerXml(state->reader);
}

int wirefeed_xml_reader_error_count(wirefeed_xml_reader *state) { return state->error_count; }
const char *wirefeed_xml_reader_first_error(wirefeed_xml_reader *state) { return state->first_error; }
int wirefeed_xml_reader_first_error_line(wirefeed_xml_reader *state) { return state->first_error_line; }

uint32_t wirefeed_html_entity_scalar(const char *name) {
    const htmlEntityDesc *entity = htmlEntityLookup((const xmlChar *)name);
    return entity != NULL ? (uint32_t)entity->value : 0;
}

void wirefeed_free(void *pointer) {
    // Buffers from libxml2 (xmlTextReaderReadInnerXml) and from malloc below are both released
    // with free(): libxml2's default allocator is malloc, and wirefeed never replaces it.
    free(pointer);
}

// MARK: - Transcoding

static int wirefeed_grow(uint8_t **buffer, size_t *capacity, size_t used, size_t needed) {
    if (*capacity - used >= needed) {
        return 0;
    }
    size_t new_capacity = *capacity * 2 + needed;
    uint8_t *grown = realloc(*buffer, new_capacity);
    if (grown == NULL) {
        return -1;
    }
    *buffer = grown;
    *capacity = new_capacity;
    return 0;
}

int wirefeed_transcode_to_utf8(const char *charset, const uint8_t *bytes, size_t length, uint8_t **output,
                               size_t *output_length) {
    *output = NULL;
    *output_length = 0;
    iconv_t converter = iconv_open("UTF-8", charset);
    if (converter == (iconv_t)-1) {
        return -1;
    }
    size_t capacity = length * 2 + 16;
    uint8_t *buffer = malloc(capacity);
    if (buffer == NULL) {
        iconv_close(converter);
        return -2;
    }
    size_t used = 0;
    char *in = (char *)bytes;
    size_t in_left = length;
    while (in_left > 0) {
        if (wirefeed_grow(&buffer, &capacity, used, in_left * 2 + 16) != 0) {
            free(buffer);
            iconv_close(converter);
            return -2;
        }
        char *out = (char *)buffer + used;
        size_t out_left = capacity - used;
        size_t result = iconv(converter, &in, &in_left, &out, &out_left);
        used = capacity - out_left;
        if (result != (size_t)-1) {
            break;
        }
        if (errno == E2BIG) {
            continue;
        }
        if (errno == EILSEQ) {
            // An undecodable byte: emit U+FFFD and move past it.
            static const uint8_t replacement[3] = {0xEF, 0xBF, 0xBD};
            if (wirefeed_grow(&buffer, &capacity, used, sizeof replacement) != 0) {
                free(buffer);
                iconv_close(converter);
                return -2;
            }
            memcpy(buffer + used, replacement, sizeof replacement);
            used += sizeof replacement;
            in += 1;
            in_left -= 1;
            iconv(converter, NULL, NULL, NULL, NULL);
            continue;
        }
        // EINVAL: an incomplete sequence at the end of the input; drop it.
        break;
    }
    iconv_close(converter);
    *output = buffer;
    *output_length = used;
    return 0;
}
