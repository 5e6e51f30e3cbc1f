/// A transport that answers every request with a closure you supply.
///
/// Use it in tests, to put a canned answer behind a client, or to adapt another HTTP
/// library that offers a blocking call. The closure runs on the calling thread, so the
/// transport serves both blocking and async clients.
///
/// ```swift
/// let transport = ClosureTransport { request in
///     HTTPResponse(status: 204)
/// }
/// ```
public struct ClosureTransport: BlockingTransport {
    private let handler: @Sendable (HTTPRequest) throws -> HTTPResponse

    /// Creates a transport from a closure.
    ///
    /// - Parameter handler: Turns each request into a response, or throws.
    public init(_ handler: @escaping @Sendable (HTTPRequest) throws -> HTTPResponse) {
        self.handler = handler
    }

    /// Answers with the closure, after checking for cancellation.
    ///
    /// - Parameter request: The request.
    /// - Returns: What the closure returns.
    /// - Throws: What the closure throws, or `CancellationError`.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        return try handler(request)
    }

    /// Answers with the closure.
    ///
    /// - Parameter request: The request.
    /// - Returns: What the closure returns.
    /// - Throws: What the closure throws.
    public func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        try handler(request)
    }
}

/// A transport that answers every request with an async closure you supply.
///
/// Serves only the async clients, because waiting for an async closure from a blocking
/// call is not safe.
public struct AsyncClosureTransport: Transport {
    private let handler: @Sendable (HTTPRequest) async throws -> HTTPResponse

    /// Creates a transport from an async closure.
    ///
    /// - Parameter handler: Turns each request into a response, or throws.
    public init(_ handler: @escaping @Sendable (HTTPRequest) async throws -> HTTPResponse) {
        self.handler = handler
    }

    /// Answers with the closure.
    ///
    /// - Parameter request: The request.
    /// - Returns: What the closure returns.
    /// - Throws: What the closure throws.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try await handler(request)
    }
}
