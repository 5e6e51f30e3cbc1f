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

            let result = Result {
                try transport.sendBlocking(
                    context.limited(request, elapsed: start.duration(to: attemptStart)))
            }

            let step = try context.step(
                after: result, request: request, endpoint: endpoint, attempt: attempt,
                callStart: start, attemptStart: attemptStart)
            switch step {
            case .finished(let value):
                return value
            case .retry(let wait):
                Thread.sleep(forTimeInterval: wait.seconds)
                attempt += 1
            }
        }
    }
}
