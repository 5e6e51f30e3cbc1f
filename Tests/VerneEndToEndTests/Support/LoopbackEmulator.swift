import Foundation
import Verne
import VerneTesting

/// An emulator served over a real loopback socket for one test, with SDK clients that
/// reach it through the real `URLSessionTransport`.
final class LoopbackEmulator: Sendable {
    let emulator: NautilusEmulator
    let server: EmulatorServer
    let baseURL: BaseURL

    /// Starts a server on a free port.
    init(emulator: NautilusEmulator = NautilusEmulator()) throws {
        self.emulator = emulator
        server = EmulatorServer(emulator: emulator)
        _ = try server.start(port: 0)
        baseURL = try BaseURL(server.baseURL!.absoluteString)
    }

    /// Stops the server on a thread of its own: stopping waits for connection threads
    /// that may still sleep in an injected delay, which must not hold up the test.
    deinit {
        let server = server
        Thread { server.stop() }.start()
    }

    /// A configuration aimed at this server, with quick retries so tests do not wait.
    func configuration(
        retryPolicy: RetryPolicy = .exponential(
            maxRetries: 2, initialBackoff: .milliseconds(20), maxBackoff: .milliseconds(50)),
        timeout: Duration = .seconds(10), logHandler: (any VerneLogHandler)? = nil
    ) -> VerneConfiguration {
        VerneConfiguration(
            baseURL: baseURL, timeout: timeout, retryPolicy: retryPolicy, logHandler: logHandler)
    }

    /// The messages stored for a key's tenant.
    func storedMessages(key: String) -> [JSONValue] {
        emulator.snapshot(forKey: key)["tenants"]?[0]?["messages"]?.arrayValue ?? []
    }

    /// The identities stored for a key's tenant.
    func storedIdentities(key: String) -> [JSONValue] {
        emulator.snapshot(forKey: key)["tenants"]?[0]?["identities"]?.arrayValue ?? []
    }
}

/// Collects every log event, for assertions and for the secrets scan.
final class CollectingLogHandler: VerneLogHandler {
    let events = LockedValue<[String]>([])

    var logLevel: VerneLogLevel { .trace }

    func log(level: VerneLogLevel, message: String, metadata: [String: String]) {
        let line =
            "\(level) \(message) " + metadata.sorted { $0.key < $1.key }.map { "\($0)=\($1)" }.joined(separator: " ")
        events.withLock { $0.append(line) }
    }

    var lines: [String] { events.withLock { $0 } }

    /// The decisions logged, in order.
    var decisions: [String] {
        lines.compactMap { line in
            line.split(separator: " ").first { $0.hasPrefix("verne.decision=") }
                .map { String($0.dropFirst("verne.decision=".count)) }
        }
    }
}

/// Runs blocking work on a thread of its own, so async tests can drive the blocking
/// clients without tying up the cooperative thread pool.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try body() }) }
        thread.start()
    }
}
