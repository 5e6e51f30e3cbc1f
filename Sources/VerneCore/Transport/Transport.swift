/// Sends one HTTP request and returns one HTTP response.
///
/// A transport is the only part of the SDK that touches the network. The clients hand
/// it a request that is already complete: the URL, the `Authorization` or
/// `X-Session-Token` header, `Content-Type`, `Accept`, `User-Agent` and the JSON body
/// are final. A transport must not add, drop or log credentials, must not retry (the
/// client's retry policy does), and must not follow a redirect to another origin.
///
/// The SDK ships ``URLSessionTransport``, the default, and ``ClosureTransport`` for tests
/// and adapters. `VerneTesting` adds a recording transport and the emulator. To use
/// another HTTP client, write a type that conforms to this protocol:
///
/// ```swift
/// struct EchoTransport: Transport {
///     func send(_ request: HTTPRequest) async throws -> HTTPResponse {
///         HTTPResponse(status: 200, body: request.body ?? Data())
///     }
/// }
/// ```
///
/// Throw ``VerneConnectionError`` for failures to reach the server, so the retry policy
/// can tell a request that never left from one whose answer was lost, and
/// `CancellationError` when the calling task was cancelled.
public protocol Transport: Sendable {
    /// Sends a request and waits, without blocking a thread, for its response.
    ///
    /// Cancelling the calling task must cancel the request in flight.
    ///
    /// - Parameter request: The complete request.
    /// - Returns: The response, whatever its status.
    /// - Throws: ``VerneConnectionError`` when no response arrived, or `CancellationError`.
    func send(_ request: HTTPRequest) async throws -> HTTPResponse
}

/// A transport that can also wait for a response by blocking the calling thread.
///
/// The blocking clients (`Relay`, `Gate`, `Verne`) need one. A conforming type must
/// block on a native primitive fed by its own I/O (a completion handler, a socket read),
/// never by starting a `Task` and waiting for it: that can deadlock the cooperative
/// thread pool.
public protocol BlockingTransport: Transport {
    /// Sends a request and blocks the calling thread until its response arrives.
    ///
    /// - Parameter request: The complete request.
    /// - Returns: The response, whatever its status.
    /// - Throws: ``VerneConnectionError`` when no response arrived.
    func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse
}
