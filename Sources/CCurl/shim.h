// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

// Typed wrappers for libcurl's variadic setters and getters, which Swift cannot import.
//
// Each option must go through the wrapper of its argument kind (a review item: curl's
// typecheck-gcc.h does not run under clang):
//   long        wirefeed_curl_easy_setopt_long      CURLOPT_NOSIGNAL, CURLOPT_FOLLOWLOCATION, CURLOPT_MAXREDIRS,
//                                                  CURLOPT_CONNECTTIMEOUT_MS, CURLOPT_TIMEOUT_MS,
//                                                  CURLOPT_LOW_SPEED_LIMIT, CURLOPT_LOW_SPEED_TIME, ...
//   curl_off_t  wirefeed_curl_easy_setopt_off_t     CURLOPT_MAXFILESIZE_LARGE
//   string      wirefeed_curl_easy_setopt_string    CURLOPT_URL, CURLOPT_USERAGENT, CURLOPT_ACCEPT_ENCODING,
//                                                  CURLOPT_PROTOCOLS_STR, CURLOPT_REDIR_PROTOCOLS_STR, ...
//   pointer     wirefeed_curl_easy_setopt_pointer   CURLOPT_PRIVATE, CURLOPT_WRITEDATA, CURLOPT_HEADERDATA,
//                                                  CURLOPT_HTTPHEADER (a curl_slist), CURLOPT_ERRORBUFFER
//   callbacks   wirefeed_curl_easy_setopt_write_function / _header_function / _opensocket_function
//   getinfo     wirefeed_curl_easy_getinfo_long / _string / _off_t / _pointer
//   multi       wirefeed_curl_multi_setopt_long     CURLMOPT_MAX_TOTAL_CONNECTIONS, CURLMOPT_MAX_HOST_CONNECTIONS

#ifndef WIREFEED_CCURL_SHIM_H
#define WIREFEED_CCURL_SHIM_H

#include <curl/curl.h>

#if LIBCURL_VERSION_NUM < 0x075500
#error "wirefeed needs libcurl 7.85 or later (CURLOPT_PROTOCOLS_STR)"
#endif

typedef size_t (*wirefeed_curl_data_callback)(char *_Nonnull, size_t, size_t, void *_Nullable);

/// Macros Swift cannot import, as functions.
static inline curl_version_info_data *_Nullable wirefeed_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

static inline long wirefeed_curl_auth_basic(void) { return (long)CURLAUTH_BASIC; }

static inline CURLcode wirefeed_curl_easy_setopt_long(CURL *_Nonnull handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wirefeed_curl_easy_setopt_off_t(CURL *_Nonnull handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wirefeed_curl_easy_setopt_string(CURL *_Nonnull handle, CURLoption option,
                                                        const char *_Nullable value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wirefeed_curl_easy_setopt_pointer(CURL *_Nonnull handle, CURLoption option,
                                                         void *_Nullable value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode wirefeed_curl_easy_setopt_write_function(CURL *_Nonnull handle,
                                                                wirefeed_curl_data_callback _Nullable callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode wirefeed_curl_easy_setopt_header_function(CURL *_Nonnull handle,
                                                                 wirefeed_curl_data_callback _Nullable callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode wirefeed_curl_easy_setopt_opensocket_function(CURL *_Nonnull handle,
                                                                    curl_opensocket_callback _Nullable callback) {
    return curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, callback);
}

static inline CURLcode wirefeed_curl_easy_getinfo_long(CURL *_Nonnull handle, CURLINFO info, long *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode wirefeed_curl_easy_getinfo_off_t(CURL *_Nonnull handle, CURLINFO info,
                                                        curl_off_t *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode wirefeed_curl_easy_getinfo_string(CURL *_Nonnull handle, CURLINFO info,
                                                         char *_Nullable *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode wirefeed_curl_easy_getinfo_pointer(CURL *_Nonnull handle, CURLINFO info,
                                                          void *_Nullable *_Nonnull value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode wirefeed_curl_multi_setopt_long(CURLM *_Nonnull multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

#endif
