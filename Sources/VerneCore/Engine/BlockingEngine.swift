import Foundation

/// Runs endpoints for the blocking clients: build, send, read, retry, on the caller's
/// thread.
package struct BlockingEngine: Sendable {
    /// The client's settings.
    package var context: ClientContext
    /// The transport requests go through.
    package let transport: any BlockingTransport

    /// Creates an engine.
    package init(context: ClientContext, transport: any BlockingTransport) {
        self.context = context
        self.transport = transport
    }

    /// A copy whose calls use `options` on top of the current ones.
    package func with(_ options: RequestOptions) -> BlockingEngine {
        var copy = self
        copy.context.options = context.options.merged(with: options)
        return copy
    }

    /// Runs one operation to its result, blocking the calling thread.
    ///
    /// - Parameter endpoint: The operation.
    /// - Returns: Its decoded result.
    /// - Throws: An SDK error.
    package func run<E: Endpoint>(_ endpoint: E) throws -> E.Response {
        let request = try context.makeRequest(endpoint)
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1

        while true {
            let attemptStart = clock.now

            let failure: AttemptFailure
            do {
                let response = try transport.sendBlocking(
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
            } catch let error as VerneResponseError {
                throw error
            } catch let error as CancellationError {
                throw error
            } catch {
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
            Thread.sleep(forTimeInterval: wait.seconds)
            attempt += 1
        }
    }
}
