// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CCurl
import Foundation

/// What the callbacks of one transfer collect. Owned by its ``EasyHandle``; libcurl holds an
/// unretained pointer to it only while the handle is configured (see `EasyHandle+Callbacks.swift`).
final class TransferState {
    var body: [UInt8] = []
    var headers: [HTTPHeader] = []
    /// The status of each response seen, redirects included.
    var statuses: [Int] = []
    let maximumBodySize: Int
    var bodyTooLarge = false
    /// When set, sockets may connect only to global addresses (the private-network guard).
    let addressGuard: RedirectPolicy?
    /// The address the guard refused, as `10.0.0.1 (private)`.
    var refusedAddress: String?

    init(maximumBodySize: Int, addressGuard: RedirectPolicy?) {
        self.maximumBodySize = maximumBodySize
        self.addressGuard = addressGuard
    }
}

/// One libcurl easy handle, configured for one request. Lives on the loop thread only.
final class EasyHandle {
    let handle: UnsafeMutableRawPointer
    let request: FetchRequest
    let state: TransferState
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates and configures the handle. The corresponding C function is `curl_easy_init`.
    /// - Parameter guardingAddresses: see ``CurlMultiLoop/submit(_:guardingAddresses:completion:)``.
    init(request: FetchRequest, guardingAddresses: RedirectPolicy? = nil) throws(CurlError) {
        guard let handle = curl_easy_init() else {
            throw CurlError(function: "curl_easy_init", code: CURLE_OUT_OF_MEMORY)
        }
        self.handle = handle
        self.request = request
        self.state = TransferState(maximumBodySize: request.limits.maximumBodySize, addressGuard: guardingAddresses)
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        do {
            try configure()
        } catch {
            close()
            throw error
        }
    }

    deinit {
        close()
    }

    private var closed = false

    /// Frees the handle and its header list; idempotent. The corresponding C function is
    /// `curl_easy_cleanup`.
    func close() {
        guard !closed else { return }
        closed = true
        curl_easy_cleanup(handle)
        if let headerList { curl_slist_free_all(headerList) }
        errorBuffer.deallocate()
    }

    /// libcurl's words for the last failure, from `CURLOPT_ERRORBUFFER`.
    var errorDetail: String { String(cString: errorBuffer) }

    private func configure() throws(CurlError) {
        let limits = request.limits
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        // Redirects are followed by the Fetcher, hop by hop (headers stay with their origin).
        try set(CURLOPT_FOLLOWLOCATION, 0)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        if state.addressGuard != nil {
            // A reused connection would skip the socket callback, and with it the check.
            try set(CURLOPT_FRESH_CONNECT, 1)
        }
        // "" asks for every content encoding this libcurl was built with.
        try set(CURLOPT_ACCEPT_ENCODING, "")
        try set(CURLOPT_USERAGENT, request.userAgent)
        try set(CURLOPT_CONNECTTIMEOUT_MS, Int(limits.connectTimeout.milliseconds))
        try set(CURLOPT_TIMEOUT_MS, Int(limits.totalTimeout.milliseconds))
        try set(CURLOPT_LOW_SPEED_LIMIT, limits.lowSpeedBytesPerSecond)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, Int(limits.lowSpeedDuration.milliseconds / 1000)))
        try check(
            wirefeed_curl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maximumBodySize)),
            "CURLOPT_MAXFILESIZE_LARGE"
        )
        try set(CURLOPT_HTTP_VERSION, Int(CURL_HTTP_VERSION_2TLS))
        try set(CURLOPT_TCP_KEEPALIVE, 1)
        if let proxy = request.proxy { try set(CURLOPT_PROXY, proxy) }
        if let caFile = request.certificateAuthorityFile { try set(CURLOPT_CAINFO, caFile) }

        var headers = request.headers
        if let etag = request.etag { headers.append(HTTPHeader(name: "If-None-Match", value: etag)) }
        if let lastModified = request.lastModified {
            headers.append(HTTPHeader(name: "If-Modified-Since", value: lastModified))
        }
        switch request.credentials {
        case .basic(let user, let password):
            try set(CURLOPT_HTTPAUTH, wirefeed_curl_auth_basic())
            try set(CURLOPT_USERNAME, user)
            try set(CURLOPT_PASSWORD, password)
        case .bearer(let token):
            headers.append(HTTPHeader(name: "Authorization", value: "Bearer \(token)"))
        case nil:
            break
        }
        for header in headers {
            headerList = curl_slist_append(headerList, "\(header.name): \(header.value)")
        }
        if let headerList { try set(CURLOPT_HTTPHEADER, pointer: UnsafeMutableRawPointer(headerList)) }
        try installCallbacks()
    }

    /// The response, once the transfer is done.
    func response() -> FetchResponse {
        var status = 0
        _ = wirefeed_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutablePointer<CChar>?
        _ = wirefeed_curl_easy_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &effective)
        var primaryIP: UnsafeMutablePointer<CChar>?
        _ = wirefeed_curl_easy_getinfo_string(handle, CURLINFO_PRIMARY_IP, &primaryIP)
        var location: UnsafeMutablePointer<CChar>?
        _ = wirefeed_curl_easy_getinfo_string(handle, CURLINFO_REDIRECT_URL, &location)
        let redirects = Array(state.statuses.dropLast())
        var response = FetchResponse(
            status: status,
            headers: state.headers,
            body: state.body,
            effectiveURL: effective.map { String(cString: $0) } ?? request.url,
            redirects: redirects,
            timings: FetchTimings(
                connect: duration(CURLINFO_CONNECT_TIME_T),
                firstByte: duration(CURLINFO_STARTTRANSFER_TIME_T),
                total: duration(CURLINFO_TOTAL_TIME_T)
            )
        )
        response.remoteAddress = primaryIP.map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        response.redirectLocation = location.map { String(cString: $0) }
        return response
    }

    private func duration(_ info: CURLINFO) -> Duration {
        var microseconds: curl_off_t = 0
        _ = wirefeed_curl_easy_getinfo_off_t(handle, info, &microseconds)
        return .microseconds(microseconds)
    }

    // MARK: - Typed setters: each calls exactly one wrapper of shim.h.

    private func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(wirefeed_curl_easy_setopt_long(handle, option, value), "\(option)")
    }

    private func set(_ option: CURLoption, _ value: String) throws(CurlError) {
        // libcurl copies string options (since 7.17), so the temporary C string may go.
        try check(wirefeed_curl_easy_setopt_string(handle, option, value), "\(option)")
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlError) {
        try check(wirefeed_curl_easy_setopt_pointer(handle, option, pointer), "\(option)")
    }

    func check(_ code: CURLcode, _ option: String) throws(CurlError) {
        guard code == CURLE_OK else {
            throw CurlError(function: "curl_easy_setopt(\(option))", code: code)
        }
    }
}

@available(*, unavailable)
extension EasyHandle: Sendable {}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
