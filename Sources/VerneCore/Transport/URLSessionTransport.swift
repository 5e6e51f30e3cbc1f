import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The default transport: one `URLSession` per transport, connections kept alive.
///
/// Each transport owns an ephemeral session with no cookies and no cache, whose pool
/// allows ``Configuration/maxConnectionsPerHost`` connections to the API host, so
/// concurrent calls are not queued behind each other. A redirect is followed only within
/// the same origin, so a key is never sent to another host. Cancelling the calling task
/// cancels the network task; the blocking form waits on a semaphore signalled by
/// URLSession's completion handler. On Linux, an async call made while others are in
/// flight starts its task on a queue of the transport's own, so that the concurrency
/// pool's threads never wait for URLSession's busy work queue (see `TaskStarter`).
///
/// Make one transport per client (the clients do when you pass none) and reuse the client:
/// that is what keeps connections open between calls.
public final class URLSessionTransport: BlockingTransport {
    /// Settings of the underlying session.
    public struct Configuration: Sendable {
        /// The most connections open at once to one host; 128 by default.
        ///
        /// Over HTTP/1.1 a connection carries one call at a time, so the pool bounds the
        /// calls in flight: with 64 connections and a service 20 ms away, no more than
        /// 3,200 calls a second can complete, however many tasks send. A connection is
        /// opened only when a call finds none free, so a client with little concurrency
        /// keeps few. Raise it when more calls than that wait on a distant host; lower it
        /// to spare a host that limits connections. Over HTTP/2, calls share connections
        /// and the pool matters less.
        public var maxConnectionsPerHost: Int

        /// Creates settings.
        ///
        /// - Parameter maxConnectionsPerHost: The pool size per host; values under 1 mean 1.
        public init(maxConnectionsPerHost: Int = 128) {
            self.maxConnectionsPerHost = max(1, maxConnectionsPerHost)
        }
    }

    private let session: URLSession
    /// The requests already built, reused without their bodies.
    private let preparedRequests = PreparedRequests()
    /// The time limits of the requests in flight, on one timer.
    private let deadlines = DeadlineTimer()
    /// Where each request's task is created and resumed.
    private let starter = TaskStarter()

    /// Creates a transport with its own session.
    ///
    /// - Parameter configuration: The session settings.
    public init(configuration: Configuration = Configuration()) {
        let settings = URLSessionConfiguration.ephemeral
        settings.httpMaximumConnectionsPerHost = configuration.maxConnectionsPerHost
        settings.httpShouldSetCookies = false
        settings.httpCookieAcceptPolicy = .never
        settings.httpCookieStorage = nil
        settings.urlCache = nil
        settings.requestCachePolicy = .reloadIgnoringLocalCacheData
        settings.timeoutIntervalForResource = 7 * 24 * 3600
        session = URLSession(
            configuration: settings, delegate: SameOriginRedirects(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// Sends a request; cancelling the task cancels it.
    ///
    /// - Parameter request: The complete request.
    /// - Returns: The response.
    /// - Throws: ``VerneConnectionError``, or `CancellationError` when the task was cancelled.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let call = InFlightCall()
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                start(request, call: call, fromAsyncTask: true) { continuation.resume() }
            }
        } onCancel: {
            call.cancel(byCaller: true)
        }
        return try call.outcome()
    }

    /// Sends a request and blocks until the answer arrives.
    ///
    /// - Parameter request: The complete request.
    /// - Returns: The response.
    /// - Throws: ``VerneConnectionError``.
    public func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        let call = InFlightCall()
        let done = DispatchSemaphore(value: 0)
        start(request, call: call, fromAsyncTask: false) { done.signal() }
        done.wait()
        return try call.outcome()
    }

    /// Starts the network task; `finished` runs once the call's outcome is stored in `call`.
    ///
    /// The time limit runs from here, even when ``TaskStarter`` starts the task a little
    /// later on its own queue. The outcome travels through the call's lock rather than
    /// through the continuation or the semaphore, so the hand-over from URLSession's thread
    /// to the caller's is ordered by a lock that ThreadSanitizer sees (it misses the
    /// continuation's own ordering when the answer arrives before the caller has suspended).
    private func start(
        _ request: HTTPRequest, call: InFlightCall, fromAsyncTask: Bool,
        finished: @escaping @Sendable () -> Void
    ) {
        // The transport's own timer enforces the exact limit. URLSession's interval is only
        // a backstop, rounded up to whole seconds: FoundationNetworking on Linux truncates
        // it to whole seconds, so a limit under one second would fire at once.
        let prepared = preparedRequests.request(
            for: request, timeoutInterval: (request.timeout.seconds + 1).rounded(.up))
        let starter = self.starter
        let finish: @Sendable (Data?, URLResponse?, (any Error)?) -> Void = {
            data, response, error in
            starter.finished()
            let outcome: Result<HTTPResponse, any Error>
            if let error {
                outcome = .failure(Self.translate(error, call: call))
            } else if let response = response as? HTTPURLResponse {
                outcome = .success(Self.translate(response, body: data ?? Data()))
            } else {
                outcome = .failure(
                    VerneConnectionError(
                        kind: .other, message: "the answer was not HTTP",
                        mayHaveReachedServer: true))
            }
            call.finish(with: outcome)
            finished()
        }

        call.arm(timeout: request.timeout, deadlines: deadlines)
        let session = self.session
        starter.start(fromAsyncTask: fromAsyncTask) {
            let task =
                if let body = request.body {
                    session.uploadTask(with: prepared, from: body, completionHandler: finish)
                } else {
                    session.dataTask(with: prepared, completionHandler: finish)
                }
            call.attach(task)
        }
    }

    private static func translate(_ response: HTTPURLResponse, body: Data) -> HTTPResponse {
        HTTPResponse(status: response.statusCode, body: body) { headers(of: response) }
    }

    private static func headers(of response: HTTPURLResponse) -> HTTPHeaders {
        var headers = HTTPHeaders()
        for (name, value) in response.allHeaderFields {
            // Names and values are strings; the casts avoid `description`'s slower path.
            headers.add(
                name: name.base as? String ?? String(describing: name),
                value: value as? String ?? String(describing: value))
        }
        return headers
    }

    private static func translate(_ error: any Error, call: InFlightCall) -> any Error {
        if call.wasCancelledByCaller { return CancellationError() }
        if call.didTimeOut {
            return VerneConnectionError(
                kind: .timedOut, message: "no answer within the timeout",
                mayHaveReachedServer: true)
        }

        let code = (error as? URLError)?.code
        let message = (error as? URLError)?.localizedDescription ?? "\(error)"
        switch code {
        case .timedOut?:
            return VerneConnectionError(
                kind: .timedOut, message: message, mayHaveReachedServer: true)
        case .cannotConnectToHost?, .cannotFindHost?, .dnsLookupFailed?,
            .notConnectedToInternet?:
            return VerneConnectionError(
                kind: .cannotConnect, message: message, mayHaveReachedServer: false)
        case .networkConnectionLost?:
            return VerneConnectionError(
                kind: .connectionLost, message: message, mayHaveReachedServer: true)
        default:
            return VerneConnectionError(kind: .other, message: message, mayHaveReachedServer: true)
        }
    }
}

/// The state of one request in flight: its task, whether it was cancelled or timed out, and
/// its outcome once it has one.
///
/// Cancellation and the time limit may both end the call before the task exists; that is
/// kept and applied when the task is attached.
private final class InFlightCall: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionTask?
    private var cancelledByCaller = false
    private var timedOut = false
    private var finished = false
    private var deadlines: DeadlineTimer?
    private var deadline: Int?
    private var result: Result<HTTPResponse, any Error>?

    /// Starts the time limit; called before the task exists.
    func arm(timeout: Duration, deadlines: DeadlineTimer) {
        let deadline = deadlines.add(after: timeout) { [weak self] in self?.expire() }
        lock.withLock {
            self.deadlines = deadlines
            self.deadline = deadline
        }
    }

    /// Keeps the task and resumes it, or cancels it at once when the caller has cancelled
    /// or the time limit has passed in the meantime.
    func attach(_ task: URLSessionTask) {
        let stopNow = lock.withLock {
            self.task = task
            return cancelledByCaller || timedOut
        }
        if stopNow {
            task.cancel()
        } else {
            task.resume()
        }
    }

    func cancel(byCaller: Bool) {
        let task = lock.withLock {
            cancelledByCaller = cancelledByCaller || byCaller
            return finished ? nil : self.task
        }
        task?.cancel()
    }

    private func expire() {
        let task = lock.withLock {
            guard !finished else { return nil as URLSessionTask? }
            timedOut = true
            return self.task
        }
        task?.cancel()
    }

    /// Stores the outcome and takes the call off the deadline timer.
    func finish(with outcome: Result<HTTPResponse, any Error>) {
        let (timer, id) = lock.withLock {
            finished = true
            result = outcome
            return (deadlines, deadline)
        }
        if let timer, let id { timer.remove(id) }
    }

    /// The stored outcome; called only after ``finish(with:)``.
    func outcome() throws -> HTTPResponse {
        let result = lock.withLock { self.result }
        guard let result else {
            throw VerneConnectionError(
                kind: .other, message: "the call ended without an answer",
                mayHaveReachedServer: true)
        }
        return try result.get()
    }

    var wasCancelledByCaller: Bool { lock.withLock { cancelledByCaller } }
    var didTimeOut: Bool { lock.withLock { timedOut } }
}

/// Follows a redirect only when it stays on the same scheme, host and port.
private final class SameOriginRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask,
        willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let from = task.originalRequest?.url
        let to = request.url
        let sameOrigin =
            from?.scheme == to?.scheme && from?.host == to?.host && from?.port == to?.port
        completionHandler(sameOrigin ? request : nil)
    }
}
