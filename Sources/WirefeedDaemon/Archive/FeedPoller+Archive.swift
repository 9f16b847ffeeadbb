// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import Logging
import WirefeedArchive
import WirefeedFetch
import WirefeedModel

extension FeedPoller {
    /// Archives a 2xx body that differs from the last one parsed (`previousHash`): the bodies the
    /// pipeline parses, including those that turn out not to be feeds (a parser fix may read them).
    ///
    /// A failure is logged with the feed and never fails the poll: losing the record of a body must
    /// not lose its stories too.
    /// - Returns: the entry's ``ArchiveEntry/sequence``, to note when its stories are committed;
    ///   nil when nothing was archived.
    func archiveBody(
        _ response: FetchResponse,
        _ feed: FeedSource,
        after previousHash: String?,
        at fetchedAt: Date,
        _ logger: Logger
    ) async -> Int64? {
        guard let archive else { return nil }
        let hash = SHA256.hash(data: response.body).hexString
        if hash == previousHash { return nil }
        let input = ArchiveInput(
            feedID: feed.id,
            url: response.effectiveURL,
            fetchedAt: fetchedAt,
            status: response.status,
            headers: response.headers.map { ArchiveHeader(name: $0.name, value: $0.value) },
            body: response.body,
            bodyHash: hash
        )
        do {
            let entry = try await archive.store(input)
            logger.debug("body archived", metadata: ["archive.object": "\(entry.objectName)"])
            return entry.sequence
        } catch {
            logger.warning("the body could not be archived", metadata: ["error": "\(error)"])
            return nil
        }
    }
}

extension FetchResponse {
    /// The response an archived fetch stands for, for replaying it through the pipeline: its status,
    /// headers and body, from its URL (as archived: without userinfo or secret query values), with
    /// no redirects and no timings.
    public init(archived fetch: ArchivedFetch) {
        self.init(
            status: fetch.entry.status,
            headers: fetch.entry.headers.map { HTTPHeader(name: $0.name, value: $0.value) },
            body: fetch.body,
            effectiveURL: fetch.entry.url
        )
    }
}
