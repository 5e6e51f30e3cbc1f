/// Runs endpoints for the async clients: build, send, read, retry.
package struct AsyncEngine: Sendable {
    /// The client's settings.
    package var context: ClientContext
    /// The transport requests go through.
    package let transport: any Transport

    /// Creates an engine.
    package init(context: ClientContext, transport: any Transport) {
        self.context = context
        self.transport = transport
    }

    /// A copy whose calls use `options` on top of the current ones.
    package func with(_ options: RequestOptions) -> AsyncEngine {
        var copy = self
        copy.context.options = context.options.merged(with: options)
        return copy
    }

    /// Runs one operation to its result.
    ///
    /// - Parameter endpoint: The operation.
    /// - Returns: Its decoded result.
    /// - Throws: An SDK error, or `CancellationError` when the task was cancelled.
    package func run<E: Endpoint>(_ endpoint: E) async throws -> E.Response {
        let request = try context.makeRequest(endpoint)
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1

        while true {
            try Task.checkCancellation()
            let attemptStart = clock.now

            let failure: AttemptFailure
            do {
                let response = try await transport.send(
                    context.limited(request, elapsed: start.duration(to: attemptStart)))
                switch try context.interpret(response, for: endpoint) {
                case .success(let value):
                    context.logAttempt(
                        request, endpoint: endpoint, attempt: attempt,
                        duration: attemptStart.duration(to: clock.now), status: response.status,
                        requestID: response.headers["X-Request-ID"], decision: "success")
                    context.observe(response, attempts: attempt)
                    return value
                case .failure(let apiFailure):
                    failure = apiFailure
                }
            } catch let error as CancellationError {
                throw error
            } catch let error as VerneResponseError {
                throw error
            } catch {
                if Task.isCancelled { throw CancellationError() }
                failure = .connection(context.connectionError(from: error))
            }

            let decision = context.decide(
                after: failure, attempt: attempt, endpoint: endpoint,
                elapsed: start.duration(to: clock.now))
            context.logAttempt(
                request, endpoint: endpoint, attempt: attempt,
                duration: attemptStart.duration(to: clock.now), status: failure.status,
                requestID: failure.requestID, decision: decision.logName)

            guard case .retry(let wait) = decision else { throw failure.error(attempts: attempt) }
            try await Task.sleep(for: wait)
            attempt += 1
        }
    }
}
