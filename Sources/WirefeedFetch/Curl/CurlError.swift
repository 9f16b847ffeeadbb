// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CCurl

/// A libcurl failure, converted at the boundary: the function, the code and libcurl's words.
struct CurlError: Error, Sendable, CustomStringConvertible {
    let function: String
    let code: Int32
    let detail: String

    var description: String { "\(function) failed (\(code)): \(detail)" }

    init(function: String, code: CURLcode, detail: String? = nil) {
        self.function = function
        self.code = Int32(code.rawValue)
        self.detail = detail.flatMap { $0.isEmpty ? nil : $0 } ?? String(cString: curl_easy_strerror(code))
    }

    /// The ``FetchError`` this failure means for the request to `url`.
    func fetchError(url: String, bodyTooLarge: Bool, limits: FetchLimits) -> FetchError {
        let code: FetchError.Code
        switch CURLcode(UInt32(self.code)) {
        case _ where bodyTooLarge, CURLE_FILESIZE_EXCEEDED:
            return FetchError(
                code: .bodyTooLarge,
                message:
                    "GET \(url): the body is over the \(limits.maximumBodySize)-byte limit; the transfer was aborted."
            )
        case CURLE_UNSUPPORTED_PROTOCOL: code = .unsupportedProtocol
        case CURLE_URL_MALFORMAT: code = .invalidURL
        case CURLE_TOO_MANY_REDIRECTS: code = .tooManyRedirects
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: code = .resolve
        case CURLE_COULDNT_CONNECT: code = .connect
        case CURLE_OPERATION_TIMEDOUT: code = .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE:
            code = .tls
        default: code = .transport
        }
        return FetchError(code: code, message: "GET \(url): \(detail)")
    }
}
