// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// The only file of wirefeed that includes libxml2's headers. Every libxml2 option that matters for
// hostile input is fixed here, in `wirefeed_xml_reader_open`, and nowhere else.

#include "CLibXML2Shims.h"

#include <libxml/xmlversion.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
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
    xmlDocPtr html_document;  // owned when the reader walks a parsed HTML tree
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

wirefeed_xml_reader *wirefeed_html_reader_open(const char *bytes, int length) {
    struct wirefeed_xml_reader *state = calloc(1, sizeof *state);
    if (state == NULL) {
        return NULL;
    }
    // No HTML_PARSE_NOIMPLIED: a fragment with several top-level elements then gets one <html><body>
    // root, which the tree walker needs (it mis-nests sibling roots).
    int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_COMPACT;
    state->html_document = htmlReadMemory(bytes, length, NULL, "UTF-8", options);
    if (state->html_document == NULL) {
        // An empty or whitespace-only fragment yields no document: walk an empty one instead.
        state->html_document = htmlNewDocNoDtD(NULL, NULL);
        if (state->html_document == NULL) {
            free(state);
            return NULL;
        }
    }
    state->reader = xmlReaderWalker(state->html_document);
    if (state->reader == NULL) {
        xmlFreeDoc(state->html_document);
        free(state);
        return NULL;
    }
    return state;
}

void wirefeed_xml_reader_free(wirefeed_xml_reader *state) {
    xmlFreeTextReader(state->reader);
    if (state->html_document != NULL) {
        xmlFreeDoc(state->html_document);
    }
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
