import Foundation
import Testing
import Verne
import VerneTesting

/// Everything a test can see of the SDK's work, as text.
private final class Transcript: Sendable {
    let texts = LockedValue<[String]>([])

    /// Records a value the way a developer might print it: description, debug description
    /// and `dump`.
    func record(_ value: Any) {
        var dumped = ""
        dump(value, to: &dumped)
        let described = String(describing: value)
        let debugged = String(reflecting: value)
        texts.withLock { $0.append(contentsOf: [described, debugged, dumped]) }
    }

    /// Runs a call and records its result or its error.
    func capture<T>(_ call: () throws -> T) -> T? {
        do {
            let value = try call()
            record(value)
            return value
        } catch {
            record(error)
            texts.withLock { $0.append(error.localizedDescription) }
            return nil
        }
    }

    /// Runs an async call and records its result or its error.
    func capture<T>(_ call: () async throws -> T) async -> T? {
        do {
            let value = try await call()
            record(value)
            return value
        } catch {
            record(error)
            texts.withLock { $0.append(error.localizedDescription) }
            return nil
        }
    }

    var all: [String] { texts.withLock { $0 } }
}

@Suite("No secret in any log event, description or error")
struct SecretsScanTests {
    private let key = "vrn_scan_4f8b2c9d1e7a"

    /// Every call of the tour, blocking, with errors provoked on purpose.
    private static func blockingTour(_ verne: Verne, _ transcript: Transcript) -> [String] {
        var secrets: [String] = []
        transcript.record(verne)
        _ = transcript.capture { try verne.relay.messages.send(eventType: "scan", payload: ["a": 1]) }
        _ = transcript.capture { try verne.relay.messages.list(limit: 5) }
        _ = transcript.capture { try verne.relay.messages.send(eventType: "", payload: [:]) }
        let identity = transcript.capture {
            try verne.gate.identities.create(
                traits: ["email": "scan@example.com"], credentials: .password("Sup3rSecretPassw0rd"))
        }
        _ = transcript.capture { try verne.gate.identities.create(traits: ["email": "scan@example.com"]) }
        if let identity {
            _ = transcript.capture { try verne.gate.identities.get(identity.id) }
            let token = transcript.capture { try verne.gate.tokens.create(subject: identity.id) }
            if let token {
                secrets.append(token.accessToken)
                _ = transcript.capture { try verne.gate.tokens.introspect(token.accessToken) }
            }
            _ = transcript.capture {
                try verne.gate.authorize(subject: identity.id, action: "read", resource: "tenant:t")
            }
        }
        _ = transcript.capture { try verne.gate.identities.get("does-not-exist") }
        return secrets
    }

    @Test("The tour over loopback, blocking and async, leaks no key, password or token")
    func tour() async throws {
        let loopback = try LoopbackEmulator()
        let log = CollectingLogHandler()
        let configuration = loopback.configuration(logHandler: log)
        let transcript = Transcript()

        let verne = Verne(apiKey: key, configuration: configuration)
        var secrets = try await onThread { Self.blockingTour(verne, transcript) }

        let client = AsyncVerne(apiKey: key, configuration: configuration)
        transcript.record(client)
        _ = await transcript.capture { try await client.relay.messages.send(eventType: "scan", payload: [:]) }
        let token = await transcript.capture { try await client.gate.tokens.create(subject: "usr_scan") }
        if let token { secrets.append(token.accessToken) }
        let badKey = AsyncRelay(apiKey: "not_a_verne_key_5e6f", configuration: configuration)
        _ = await transcript.capture { try await badKey.messages.list() }

        let haystack = transcript.all + log.lines
        #expect(secrets.count == 2)
        #expect(log.lines.count >= 10)
        for secret in [key, "Sup3rSecretPassw0rd", "not_a_verne_key_5e6f"] + secrets {
            // Only the count is reported, so a failure does not print the secret itself.
            let leakCount = haystack.filter { $0.contains(secret) }.count
            #expect(leakCount == 0, "a secret appeared in \(leakCount) text(s)")
        }
    }
}
