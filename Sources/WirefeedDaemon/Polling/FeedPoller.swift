// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Crypto
import Foundation
import Logging
import WirefeedArchive
import WirefeedFetch
import WirefeedModel
import WirefeedNormalize
import WirefeedParse

/// Polls one feed: a conditional GET, then — only for a new body — parse and normalize; then the
/// feed's next state (validators, schedule, backoff, `Retry-After`, redirects, 410).
///
/// A failure is the feed's own: it is logged with the feed's id and URL, turned into backoff, and
/// never thrown.
public struct FeedPoller: Sendable {
    public let fetcher: Fetcher
    public let configuration: WirefeedConfiguration
    public let logger: Logger
    /// Readies the stories of a new body for the ledger, here where polls run in parallel.
    let preparer: StoryPreparer
    /// Where every new 2xx body is archived (while it is parsed); nil for none.
    public let archive: RawArchive?

    /// - Parameter preparer: the pipeline's (``StoryPipeline/preparer``), which writes drafts into
    ///   its spool; by default stories are readied in memory. A poller is one cycle: it drafts each
    ///   content hash once (its own ``DraftClaims``).
    /// - Parameter archive: the raw archive (``ArchiveHandle/archive(for:logger:)``), or nil.
    public init(
        fetcher: Fetcher,
        configuration: WirefeedConfiguration,
        logger: Logger,
        preparer: StoryPreparer? = nil,
        archive: RawArchive? = nil
    ) {
        self.fetcher = fetcher
        self.archive = archive
        self.configuration = configuration
        self.logger = logger
        var preparer = preparer ?? StoryPreparer(writesText: configuration.outputFormats.contains("txt"))
        preparer.claims = DraftClaims()
        self.preparer = preparer
    }

    /// Polls `feed` now. Whether it is due is the scheduler's question; every poll, scheduled or
    /// asked for (SIGUSR1, `wirefeed fetch`), still respects a 410 and a server's `Retry-After`.
    public func poll(_ feed: FeedSource, state: FeedState, now: Date = Date()) async -> PollResult {
        var random = SystemRandomNumberGenerator()
        return await poll(feed, state: state, now: now, using: &random)
    }

    public func poll(
        _ feed: FeedSource,
        state previous: FeedState,
        now: Date,
        using random: inout some RandomNumberGenerator
    ) async -> PollResult {
        var state = previous
        let url = state.currentURL ?? feed.url
        var logger = logger
        logger[metadataKey: "feed.id"] = "\(feed.id)"
        logger[metadataKey: "feed.url"] = "\(URLOrigin.redacted(url))"
        var result = PollResult(
            feedID: feed.id,
            url: url,
            outcome: .skipped,
            status: nil,
            bytes: 0,
            milliseconds: 0,
            error: nil,
            state: state
        )

        if let reason = state.disabledReason {
            result.error = "disabled: \(reason)"
            return result
        }
        if let until = state.retryAfterUntil, until > now {
            result.error = "server asked to wait until \(Timestamp.rfc3339(until))"
            logger.info("poll skipped: Retry-After in force", metadata: ["retry.until": "\(Timestamp.rfc3339(until))"])
            return result
        }

        let polling = configuration.polling
        let interval = feed.interval ?? polling.interval
        var request = FetchRequest(
            url: url,
            etag: state.etag,
            lastModified: state.lastModified,
            userAgent: configuration.userAgent,
            headers: feed.headers,
            proxy: configuration.http.proxy,
            certificateAuthorityFile: configuration.http.certificateAuthorityFile,
            limits: configuration.http.limits
        )
        request.redirectPolicy.allowPrivateRedirects = configuration.http.allowPrivateRedirects
        state.lastAttempt = now
        let started = ContinuousClock.now
        do {
            request.credentials = try feed.credentials?.load()
            let response = try await fetcher.fetch(request)
            result.milliseconds = Int((ContinuousClock.now - started).seconds * 1000)
            result.status = response.status
            result.bytes = response.body.count
            state.lastStatus = response.status
            trackRedirect(response, feed: feed, state: &state, logger: logger)
            switch response.status {
            case 200...299:
                // Archived while it is parsed; awaited (even when parsing throws) before the poll ends.
                let (previousHash, archiveLogger) = (state.lastBodyHash, logger)
                async let archived = archiveBody(response, feed, after: previousHash, at: now, archiveLogger)
                try handleSuccess(response, feed: feed, state: &state, result: &result, logger: logger)
                result.archiveSequence = await archived
                state.nextPoll = PollScheduler.nextPoll(
                    after: now,
                    interval: interval,
                    hints: hints(response, feed: result.hints),
                    settings: polling,
                    using: &random
                )
            case 304:
                result.outcome = .notModified
                succeed(&state, now: now)
                state.nextPoll = PollScheduler.nextPoll(
                    after: now,
                    interval: interval,
                    hints: hints(response, feed: nil),
                    settings: polling,
                    using: &random
                )
            case 410:
                result.outcome = .gone
                state.disabledReason = "410 Gone on \(Timestamp.rfc3339(now))"
                state.lastError = "HTTP 410 Gone"
                result.error = state.lastError
                logger.warning("feed is gone (410): disabled until the configuration is reloaded")
            case 429, 503:
                result.outcome = .throttled
                state.consecutiveErrors += 1
                state.lastError = "HTTP \(response.status)"
                result.error = state.lastError
                if let header = response.header("Retry-After"),
                    let until = PollScheduler.retryAfter(header, now: now, settings: polling)
                {
                    state.retryAfterUntil = until
                    state.nextPoll = until
                    logger.warning(
                        "server asked to wait",
                        metadata: ["http.status": "\(response.status)", "retry.until": "\(Timestamp.rfc3339(until))"]
                    )
                } else {
                    state.nextPoll =
                        now
                        + PollScheduler.backoff(
                            consecutiveErrors: state.consecutiveErrors,
                            interval: interval,
                            settings: polling,
                            using: &random
                        ).seconds
                }
            default:
                fail(
                    &state,
                    result: &result,
                    message: "HTTP \(response.status)",
                    now: now,
                    interval: interval,
                    random: &random,
                    logger: logger
                )
            }
        } catch let error as FetchError where error.code == .cancelled {
            // Shutdown aborted the transfer: not the feed's fault, nothing changes.
            result.state = previous
            result.error = "cancelled"
            return result
        } catch let error as FetchError {
            result.milliseconds = Int((ContinuousClock.now - started).seconds * 1000)
            fail(
                &state,
                result: &result,
                message: error.message,
                now: now,
                interval: interval,
                random: &random,
                logger: logger
            )
        } catch {
            result.milliseconds = Int((ContinuousClock.now - started).seconds * 1000)
            fail(
                &state,
                result: &result,
                message: "\(error)",
                now: now,
                interval: interval,
                random: &random,
                logger: logger
            )
        }
        result.state = state
        return result
    }

    func handleSuccess(
        _ response: FetchResponse,
        feed: FeedSource,
        state: inout FeedState,
        result: inout PollResult,
        logger: Logger
    ) throws {
        let hash = SHA256.hash(data: response.body).hexString
        state.etag = response.header("ETag")
        state.lastModified = Self.usableLastModified(response, fetchedAt: state.lastAttempt ?? Date())
        if hash == state.lastBodyHash {
            result.outcome = .unchanged
            succeed(&state, now: state.lastAttempt ?? Date())
            return
        }
        let options = FeedParserOptions(
            maximumDocumentSize: configuration.http.limits.maximumBodySize,
            documentURL: response.effectiveURL,
            transportCharset: response.charset
        )
        let parsed: ParsedFeed
        do {
            parsed = try FeedParser.parse(response.body, options: options)
        } catch let error as ParseError {
            // Keep the validators out, so that the next poll fetches the body again.
            state.etag = nil
            state.lastModified = nil
            throw FetchError(code: .transport, message: "the body is not a feed: \(error)")
        }
        for warning in parsed.warnings {
            logger.notice("feed recovered", metadata: ["parse.warning": "\(warning)"])
        }
        let firstBody = state.lastBodyHash == nil
        state.lastBodyHash = hash
        state.lastChanged = state.lastAttempt
        result.outcome = .fetched
        let stories = StoryNormalizer.normalize(parsed, feedID: feed.id, feedURL: response.effectiveURL)
        result.feedLink = parsed.homePageURL
        let prepared = preparer.prepare(
            stories,
            feedID: feed.id,
            feedLink: parsed.homePageURL,
            fetchedAt: state.lastAttempt ?? Date(),
            firstBody: firstBody
        )
        result.setStories(prepared.stories, guidsMisbehaved: prepared.guidsMisbehaved)
        result.hints = PublisherHints(
            timeToLive: parsed.timeToLive,
            updatePeriod: parsed.updatePeriod,
            updateFrequency: parsed.updateFrequency,
            skipHours: Set(parsed.skipHours),
            skipDays: Set(parsed.skipDays)
        )
        succeed(&state, now: state.lastAttempt ?? Date())
    }

    func succeed(_ state: inout FeedState, now: Date) {
        state.consecutiveErrors = 0
        state.lastError = nil
        state.lastSuccess = now
        state.retryAfterUntil = nil
    }

    private func fail(
        _ state: inout FeedState,
        result: inout PollResult,
        message: String,
        now: Date,
        interval: Duration,
        random: inout some RandomNumberGenerator,
        logger: Logger
    ) {
        state.consecutiveErrors += 1
        state.lastError = message
        let wait = PollScheduler.backoff(
            consecutiveErrors: state.consecutiveErrors,
            interval: interval,
            settings: configuration.polling,
            using: &random
        )
        state.nextPoll = now + wait.seconds
        result.outcome = .failed
        result.error = message
        logger.warning(
            "poll failed",
            metadata: [
                "error": "\(message)", "poll.errors": "\(state.consecutiveErrors)",
                "poll.backoff": "\(Int(wait.seconds))s",
            ]
        )
    }

    /// A permanent redirect moves the stored URL only after it has held on
    /// `permanentRedirectPolls` consecutive polls; temporary ones never do.
    private func trackRedirect(_ response: FetchResponse, feed: FeedSource, state: inout FeedState, logger: Logger) {
        guard let target = response.permanentRedirectTarget else {
            state.pendingRedirect = nil
            state.pendingRedirectCount = 0
            return
        }
        if state.pendingRedirect == target {
            state.pendingRedirectCount += 1
        } else {
            state.pendingRedirect = target
            state.pendingRedirectCount = 1
        }
        if state.pendingRedirectCount >= configuration.polling.permanentRedirectPolls,
            feed.credentials != nil || !feed.headers.isEmpty, URLOrigin(target) != URLOrigin(feed.url)
        {
            // Credentials and custom headers belong to the configured origin: the feed keeps its
            // URL and goes on through the redirect (where the Fetcher sends them no further).
            if state.pendingRedirectCount == configuration.polling.permanentRedirectPolls {
                logger.notice(
                    "permanent redirect to another origin not adopted: the feed sends credentials or headers",
                    metadata: ["redirect.target": "\(target)", "redirect.polls": "\(state.pendingRedirectCount)"]
                )
            }
        } else if state.pendingRedirectCount >= configuration.polling.permanentRedirectPolls {
            logger.notice(
                "permanent redirect held: the feed now polls its new URL",
                metadata: ["redirect.target": "\(target)", "redirect.polls": "\(state.pendingRedirectCount)"]
            )
            state.currentURL = target
            state.pendingRedirect = nil
            state.pendingRedirectCount = 0
        }
    }

    /// The `Last-Modified` to send as `If-Modified-Since` next time, or nil when it cannot tell
    /// changes apart: one-second resolution means a change later in the same second as the
    /// response keeps the same value, so a `Last-Modified` within a second of the response's
    /// `Date` (or of the fetch, without one), or later, would hide it behind a 304. An ETag is
    /// kept either way; the body hash keeps an unchanged refetch cheap.
    static func usableLastModified(_ response: FetchResponse, fetchedAt: Date) -> String? {
        guard let value = response.header("Last-Modified") else { return nil }
        guard let modified = HTTPDate.parse(value) else { return value }
        let date = response.header("Date").flatMap(HTTPDate.parse) ?? fetchedAt
        return modified.timeIntervalSince(date) >= -1 ? nil : value
    }

    private func hints(_ response: FetchResponse, feed: PublisherHints?) -> PublisherHints {
        var hints = feed ?? PublisherHints()
        if let cacheControl = response.header("Cache-Control") {
            for directive in cacheControl.split(separator: ",") {
                let parts = directive.split(separator: "=", maxSplits: 1).map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased()
                }
                if parts.count == 2, parts[0] == "max-age", let seconds = Int(parts[1]) { hints.maxAge = seconds }
            }
        }
        if let expires = response.header("Expires") { hints.expires = HTTPDate.parse(expires) }
        return hints
    }
}
