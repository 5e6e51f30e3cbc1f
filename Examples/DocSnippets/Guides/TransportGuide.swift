import Foundation
import Verne

// snippet.begin transport-timing
/// Wraps another transport and reports how long each request took.
struct TimingTransport<Inner: BlockingTransport>: BlockingTransport {
    let inner: Inner
    let report: @Sendable (_ path: String, _ duration: Duration) -> Void

    func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let start = ContinuousClock.now
        defer { report(request.path, start.duration(to: .now)) }
        return try await inner.send(request)
    }

    func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        let start = ContinuousClock.now
        defer { report(request.path, start.duration(to: .now)) }
        return try inner.sendBlocking(request)
    }
}
// snippet.end

/// The samples of the transport guide.
enum TransportGuide {
    static func timing(key: String) {
        // snippet.begin transport-timing-use
        let transport = TimingTransport(inner: URLSessionTransport()) { path, duration in
            print(path, duration)  // the path only: never log headers, they hold the key
        }
        let verne = Verne(apiKey: key, transport: transport)
        // snippet.end
        print(verne)
    }

    static func pool(key: String) {
        // snippet.begin transport-url-session
        let transport = URLSessionTransport(
            configuration: .init(maxConnectionsPerHost: 16))  // 128 by default
        let relay = AsyncRelay(apiKey: key, transport: transport)
        let gate = AsyncGate(apiKey: key, transport: transport)  // one pool for both
        // snippet.end
        print(relay, gate)
    }
}
