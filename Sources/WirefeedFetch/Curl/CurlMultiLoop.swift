// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

internal import CCurl
import Foundation
import Synchronization

/// Drives every transfer through one libcurl multi handle on one dedicated thread
/// (`curl_multi_poll` / `curl_multi_perform` / `curl_multi_info_read`): connections are reused,
/// HTTP/2 is multiplexed, and hundreds of transfers are in flight without a thread each.
///
/// Swift callers hand in a `Sendable` request and a continuation; easy handles are made, used and
/// freed on the loop thread only, and the continuation is resumed from there.
final class CurlMultiLoop: Sendable {
    typealias Completion = @Sendable (Result<FetchResponse, FetchError>) -> Void

    private struct Submission: Sendable {
        var id: UInt64
        var request: FetchRequest
        var guardingAddresses: RedirectPolicy?
        var completion: Completion
    }

    private struct Inbox: ~Copyable {
        var submissions: [Submission] = []
        var cancellations: Set<UInt64> = []
        var nextID: UInt64 = 0
        var stopping = false
    }

    private let inbox = Mutex(Inbox())
    /// The multi handle, as an address: only the loop thread dereferences it (and `wake`, through
    /// `curl_multi_wakeup`, which libcurl documents as callable from any thread).
    private let multiAddress: UInt

    private struct Finish: ~Copyable {
        var finished = false
        /// Async callers of ``shutdown()``, resumed by the loop thread as it ends.
        var waiters: [CheckedContinuation<Void, Never>] = []
    }

    private let finish = Mutex(Finish())
    /// Signalled by the loop thread as it ends, for synchronous callers of ``shutdownAndWait()``.
    private let ended = NSCondition()

    init(maximumConnections: Int, maximumConnectionsPerHost: Int) {
        let multi = curl_multi_init()!
        _ = wirefeed_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, maximumConnections)
        _ = wirefeed_curl_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, maximumConnectionsPerHost)
        _ = wirefeed_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, maximumConnections * 2)
        multiAddress = UInt(bitPattern: multi)
        let thread = Thread { [self] in self.run() }
        thread.name = "wirefeed-curl"
        thread.start()
    }

    private var multi: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: multiAddress)! }

    /// Queues a transfer; returns its id, for ``cancel(_:)``.
    /// - Parameter guardingAddresses: when set, the transfer may connect only to global addresses
    ///   (the policy's test seam applied), on a fresh connection so that the check runs.
    func submit(
        _ request: FetchRequest,
        guardingAddresses: RedirectPolicy? = nil,
        completion: @escaping Completion
    )
        -> UInt64
    {
        let id: UInt64? = inbox.withLock { inbox in
            guard !inbox.stopping else { return nil }
            inbox.nextID += 1
            inbox.submissions.append(
                Submission(
                    id: inbox.nextID,
                    request: request,
                    guardingAddresses: guardingAddresses,
                    completion: completion
                )
            )
            return inbox.nextID
        }
        guard let id else {
            completion(.failure(FetchError(code: .cancelled, message: "GET \(request.url): the fetcher is shut down.")))
            return 0
        }
        curl_multi_wakeup(multi)
        return id
    }

    /// Aborts a transfer; its completion gets ``FetchError/Code/cancelled``.
    func cancel(_ id: UInt64) {
        inbox.withLock { _ = $0.cancellations.insert(id) }
        curl_multi_wakeup(multi)
    }

    /// Aborts every transfer and stops the thread; returns once it has, without holding a thread
    /// of the caller's: the loop thread resumes the wait as it ends.
    func shutdown() async {
        requestStop()
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = finish.withLock { finish -> Bool in
                if finish.finished { return true }
                finish.waiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    /// ``shutdown()`` for synchronous callers (never on the cooperative pool): blocks on a
    /// condition variable that the loop thread signals as it ends.
    func shutdownAndWait() {
        requestStop()
        ended.lock()
        while !finish.withLock({ $0.finished }) { ended.wait() }
        ended.unlock()
    }

    private func requestStop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    // MARK: - The loop thread

    private final class Active {
        let id: UInt64
        let easy: EasyHandle
        let completion: Completion

        init(id: UInt64, easy: EasyHandle, completion: @escaping Completion) {
            self.id = id
            self.easy = easy
            self.completion = completion
        }
    }

    private func run() {
        var active: [UnsafeMutableRawPointer: Active] = [:]
        var stopping = false
        while !stopping {
            let (submissions, cancellations, stop) = inbox.withLock { inbox in
                defer {
                    inbox.submissions.removeAll()
                    inbox.cancellations.removeAll()
                }
                return (inbox.submissions, inbox.cancellations, inbox.stopping)
            }
            stopping = stop
            for submission in submissions {
                if cancellations.contains(submission.id) || stopping {
                    submission.completion(.failure(Self.cancelled(submission.request.url)))
                    continue
                }
                do {
                    let easy = try EasyHandle(
                        request: submission.request,
                        guardingAddresses: submission.guardingAddresses
                    )
                    let added = curl_multi_add_handle(multi, easy.handle)
                    guard added == CURLM_OK else {
                        submission.completion(
                            .failure(
                                FetchError(
                                    code: .transport,
                                    message:
                                        "GET \(submission.request.url): curl_multi_add_handle failed: \(String(cString: curl_multi_strerror(added)))"
                                )
                            )
                        )
                        continue
                    }
                    active[easy.handle] = Active(id: submission.id, easy: easy, completion: submission.completion)
                } catch {
                    submission.completion(
                        .failure(
                            error.fetchError(
                                url: submission.request.url,
                                bodyTooLarge: false,
                                limits: submission.request.limits
                            )
                        )
                    )
                }
            }
            for (handle, transfer) in active where stopping || cancellations.contains(transfer.id) {
                curl_multi_remove_handle(multi, handle)
                active[handle] = nil
                transfer.completion(.failure(Self.cancelled(transfer.easy.request.url)))
            }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            var remaining: Int32 = 0
            while let message = curl_multi_info_read(multi, &remaining) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                    let transfer = active.removeValue(forKey: handle)
                else { continue }
                let code = message.pointee.data.result
                curl_multi_remove_handle(multi, handle)
                let easy = transfer.easy
                if code == CURLE_OK {
                    transfer.completion(.success(easy.response()))
                } else if let refused = easy.state.refusedAddress {
                    transfer.completion(
                        .failure(
                            FetchError(
                                code: .refusedRedirect,
                                message:
                                    "GET \(easy.request.url): redirect refused: it leads to \(refused) (set http.allow_private_redirects to allow)."
                            )
                        )
                    )
                } else {
                    let error = CurlError(function: "curl_multi_perform", code: code, detail: easy.errorDetail)
                    transfer.completion(
                        .failure(
                            error.fetchError(
                                url: easy.request.url,
                                bodyTooLarge: easy.state.bodyTooLarge,
                                limits: easy.request.limits
                            )
                        )
                    )
                }
            }
            if !stopping {
                curl_multi_poll(multi, nil, 0, 1000, nil)
            }
        }
        curl_multi_cleanup(multi)
        ended.lock()
        let waiters = finish.withLock { finish in
            finish.finished = true
            defer { finish.waiters = [] }
            return finish.waiters
        }
        ended.broadcast()
        ended.unlock()
        for waiter in waiters { waiter.resume() }
    }

    private static func cancelled(_ url: String) -> FetchError {
        FetchError(code: .cancelled, message: "GET \(url): cancelled.")
    }
}
