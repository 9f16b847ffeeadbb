// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CCurl

/// libcurl's process-wide set-up: once, from `main`, before any thread uses it.
public enum CurlGlobal {
    /// Initializes libcurl. The corresponding C function is `curl_global_init`.
    /// - Throws: ``FetchError`` when libcurl cannot initialize or lacks HTTP.
    public static func initialize() throws {
        let code = curl_global_init(Int(CURL_GLOBAL_ALL))
        guard code == CURLE_OK else {
            throw FetchError(
                code: .transport,
                message: "curl_global_init failed: \(String(cString: curl_easy_strerror(code)))"
            )
        }
        guard let info = wirefeed_curl_version_info(), info.pointee.version_num >= 0x075500 else {
            throw FetchError(code: .transport, message: "wirefeed needs libcurl 7.85 or later.")
        }
    }

    /// libcurl's version and the features wirefeed uses, for `--version` and the logs.
    public static var versionDescription: String {
        guard let info = wirefeed_curl_version_info() else { return "libcurl (unknown)" }
        let features = info.pointee.features
        var names: [String] = []
        if features & CURL_VERSION_HTTP2 != 0 { names.append("HTTP/2") }
        if features & CURL_VERSION_LIBZ != 0 { names.append("gzip/deflate") }
        if features & CURL_VERSION_BROTLI != 0 { names.append("brotli") }
        if features & CURL_VERSION_ZSTD != 0 { names.append("zstd") }
        return "libcurl \(String(cString: info.pointee.version)) (\(names.joined(separator: ", ")))"
    }
}
