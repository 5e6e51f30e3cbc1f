import Foundation
import VerneCore

/// A transport that passes every request to another transport and records each request
/// with its response or error, for assertions in tests.
///
/// ```swift
/// let recorder = RecordingTransport(wrapping: NautilusEmulator())
/// let relay = Relay(apiKey: "vrn_test", transport: recorder)
/// _ = try relay.messages.send(eventType: "user.created", payload: ["id": "usr_1"])
/// #expect(recorder.requests.map(\.method) == [.post])
/// ```
///
/// Recording is thread-safe; exchanges are kept in the order their answers arrived.
public final class RecordingTransport: BlockingTransport {
    /// One request and what came of it.
    public struct Exchange: Sendable {
        /// The request as the client built it.
        public var request: HTTPRequest
        /// The response, or the error the wrapped transport threw.
        public var result: Result<HTTPResponse, any Error>

        /// The response, when there was one.
        public var response: HTTPResponse? { try? result.get() }

        /// The error, when the wrapped transport threw one.
        public var error: (any Error)? {
            if case .failure(let error) = result { return error }
            return nil
        }
    }

    private let wrapped: any BlockingTransport
    private let recorded = StateLock<[Exchange]>([])

    /// Creates a recorder in front of another transport.
    ///
    /// - Parameter transport: The transport that really answers.
    public init(wrapping transport: any BlockingTransport) {
        wrapped = transport
    }

    /// Sends through the wrapped transport and records the exchange.
    ///
    /// - Parameter request: The request.
    /// - Returns: The wrapped transport's response.
    /// - Throws: What the wrapped transport throws.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            let response = try await wrapped.send(request)
            record(request, .success(response))
            return response
        } catch {
            record(request, .failure(error))
            throw error
        }
    }

    /// Sends through the wrapped transport, blocking, and records the exchange.
    ///
    /// - Parameter request: The request.
    /// - Returns: The wrapped transport's response.
    /// - Throws: What the wrapped transport throws.
    public func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        do {
            let response = try wrapped.sendBlocking(request)
            record(request, .success(response))
            return response
        } catch {
            record(request, .failure(error))
            throw error
        }
    }

    private func record(_ request: HTTPRequest, _ result: Result<HTTPResponse, any Error>) {
        let exchange = Exchange(request: request, result: result)
        recorded.withLock { $0.append(exchange) }
    }

    /// Every exchange so far, in the order the answers arrived.
    public var exchanges: [Exchange] { recorded.withLock { $0 } }

    /// Every request so far.
    public var requests: [HTTPRequest] { exchanges.map(\.request) }

    /// Every response so far (exchanges that ended in an error are left out).
    public var responses: [HTTPResponse] { exchanges.compactMap(\.response) }

    /// The most recent exchange, or `nil`.
    public var last: Exchange? { recorded.withLock { $0.last } }

    /// Forgets everything recorded.
    public func removeAll() {
        recorded.withLock { $0.removeAll() }
    }
}
