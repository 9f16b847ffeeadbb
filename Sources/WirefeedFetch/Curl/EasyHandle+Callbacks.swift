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
        if state.addressGuard != nil {
            try set(CURLOPT_OPENSOCKETDATA, pointer: userData)
            try check(
                wirefeed_curl_easy_setopt_opensocket_function(handle, openGuardedSocket),
                "CURLOPT_OPENSOCKETFUNCTION"
            )
        }
    }
}

/// `CURLOPT_OPENSOCKETFUNCTION`, installed on guarded hops only: sees the address libcurl is about
/// to connect to (after DNS resolution) and refuses internal ones, which fails the transfer with
/// `CURLE_COULDNT_CONNECT` and notes why in the state.
private func openGuardedSocket(
    _ userData: UnsafeMutableRawPointer?,
    _ purpose: curlsocktype,
    _ address: UnsafeMutablePointer<curl_sockaddr>?
) -> curl_socket_t {
    guard let userData, let address else { return CURL_SOCKET_BAD }
    let state = Unmanaged<TransferState>.fromOpaque(userData).takeUnretainedValue()
    let family = address.pointee.family
    let socketAddress = UnsafeRawPointer(address) + MemoryLayout<curl_sockaddr>.offset(of: \.addr)!
    let bytes: [UInt8]
    switch family {
    case AF_INET:
        let ipv4 = socketAddress + MemoryLayout<sockaddr_in>.offset(of: \.sin_addr)!
        bytes = Array(UnsafeRawBufferPointer(start: ipv4, count: 4))
    case AF_INET6:
        let ipv6 = socketAddress + MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr)!
        bytes = Array(UnsafeRawBufferPointer(start: ipv6, count: 16))
    default:
        state.refusedAddress = "an address of family \(family)"
        return CURL_SOCKET_BAD
    }
    let text = IPAddressText.text(bytes) ?? "?"
    let range = state.addressGuard?.range(of: bytes, text: text) ?? .unspecified
    guard !range.isInternal else {
        state.refusedAddress = "\(text) (\(range.rawValue))"
        return CURL_SOCKET_BAD
    }
    return socket(family, address.pointee.socktype, address.pointee.protocol)
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
