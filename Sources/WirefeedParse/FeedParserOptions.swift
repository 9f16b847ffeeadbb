// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

/// How ``FeedParser`` reads a document.
public struct FeedParserOptions: Sendable, Equatable {
    /// Documents larger than this are refused before parsing. Default 16 MiB.
    public var maximumDocumentSize: Int
    /// The URL the document was fetched from: the base for relative URLs (under any `xml:base`).
    public var documentURL: String?
    /// The charset the transport declared (HTTP `Content-Type`); trusted after a BOM and the XML
    /// declaration.
    public var transportCharset: String?
    /// Elements nested deeper than this make the document hostile. Default 64.
    public var maximumDepth: Int

    public static let defaultMaximumDocumentSize = 16 * 1024 * 1024

    public init(
        maximumDocumentSize: Int = FeedParserOptions.defaultMaximumDocumentSize,
        documentURL: String? = nil,
        transportCharset: String? = nil,
        maximumDepth: Int = 64
    ) {
        self.maximumDocumentSize = maximumDocumentSize
        self.documentURL = documentURL
        self.transportCharset = transportCharset
        self.maximumDepth = maximumDepth
    }
}
