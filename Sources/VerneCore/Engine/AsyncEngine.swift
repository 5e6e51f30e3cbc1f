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

            let result: Result<HTTPResponse, any Error>
            do {
                result = .success(
                    try await transport.send(
                        context.limited(request, elapsed: start.duration(to: attemptStart))))
            } catch {
                result = .failure(Task.isCancelled ? CancellationError() : error)
            }

            let step = try context.step(
                after: result, request: request, endpoint: endpoint, attempt: attempt,
                callStart: start, attemptStart: attemptStart)
            switch step {
            case .finished(let value):
                return value
            case .retry(let wait):
                try await Task.sleep(for: wait)
                attempt += 1
            }
        }
    }
}
