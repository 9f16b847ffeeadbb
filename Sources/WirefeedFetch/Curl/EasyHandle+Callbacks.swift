// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CCurl
import Foundation

// The only C callbacks of wirefeed. Ownership: `CURLOPT_WRITEDATA` and `CURLOPT_HEADERDATA` hold an
// *unretained* pointer to the handle's `TransferState`. The `EasyHandle` owns that state and stays
// alive (in the loop's table) for as long as libcurl may call back, that is until it is removed
// from the multi handle and cleaned up.

extension EasyHandle {
    func installCallbacks() throws(CurlError) {
        let userData = Unmanaged.passUnretained(state).toOpaque()
        try set(CURLOPT_WRITEDATA, pointer: userData)
        try set(CURLOPT_HEADERDATA, pointer: userData)
        try check(wirefeed_curl_easy_setopt_write_function(handle, writeBody), "CURLOPT_WRITEFUNCTION")
        try check(wirefeed_curl_easy_setopt_header_function(handle, receiveHeader), "CURLOPT_HEADERFUNCTION")
    }
}

/// `CURLOPT_WRITEFUNCTION`: appends body bytes; a body past the cap makes it return a short count,
/// which aborts the transfer with `CURLE_WRITE_ERROR`.
private func writeBody(
    _ data: UnsafeMutablePointer<CChar>,
    _ size: Int,
    _ count: Int,
    _ userData: UnsafeMutableRawPointer?
) -> Int {
    guard let userData else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userData).takeUnretainedValue()
    let length = size * count
    guard state.body.count + length <= state.maximumBodySize else {
        state.bodyTooLarge = true
        return 0
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        state.body.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
    }
    return length
}

/// `CURLOPT_HEADERFUNCTION`: one header line at a time, for every response of a redirect chain; a
/// status line starts a new response.
private func receiveHeader(
    _ data: UnsafeMutablePointer<CChar>,
    _ size: Int,
    _ count: Int,
    _ userData: UnsafeMutableRawPointer?
) -> Int {
    let length = size * count
    guard let userData else { return length }
    let state = Unmanaged<TransferState>.fromOpaque(userData).takeUnretainedValue()
    let line = data.withMemoryRebound(to: UInt8.self, capacity: length) { bytes in
        String(decoding: UnsafeBufferPointer(start: bytes, count: length), as: UTF8.self)
    }
    if line.hasPrefix("HTTP/") {
        let parts = line.split(separator: " ", maxSplits: 2)
        if parts.count >= 2, let status = Int(parts[1]) { state.statuses.append(status) }
        state.headers.removeAll()
    } else if let colon = line.firstIndex(of: ":") {
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines)
        state.headers.append(HTTPHeader(name: name, value: value))
    }
    return length
}
