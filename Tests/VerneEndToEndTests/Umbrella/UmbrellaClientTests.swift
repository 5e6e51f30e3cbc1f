import Foundation
import Testing
import Verne

/// Records the Authorization header of every request and answers with an empty page.
private final class KeyRecorder: Sendable {
    let keys = LockedValue<[String]>([])

    var transport: ClosureTransport {
        ClosureTransport { request in
            self.keys.withLock { $0.append(request.headers["Authorization"] ?? "none") }
            return HTTPResponse(
                status: 200, body: Data(#"{"data": [], "has_more": false, "next_cursor": null}"#.utf8))
        }
    }
}

@Suite("Verne and AsyncVerne")
struct UmbrellaClientTests {
    @Test("One shared key serves both services")
    func sharedKey() throws {
        let recorder = KeyRecorder()
        let verne = Verne(apiKey: "vrn_shared", transport: recorder.transport)

        _ = try verne.relay.messages.list()
        _ = try verne.gate.organizations.list()

        #expect(recorder.keys.withLock { $0 } == ["Bearer vrn_shared", "Bearer vrn_shared"])
    }

    @Test("A per-service key overrides the shared key for that service only")
    func perServiceKey() async throws {
        let recorder = KeyRecorder()
        let verne = AsyncVerne(apiKey: "vrn_shared", gateKey: "vrn_gate_only", transport: recorder.transport)

        _ = try await verne.relay.messages.list()
        _ = try await verne.gate.organizations.list()

        #expect(recorder.keys.withLock { $0 } == ["Bearer vrn_shared", "Bearer vrn_gate_only"])
    }

    @Test("A service without a key throws a configuration error naming it and the fix")
    func missingKey() throws {
        let verne = Verne(relayKey: "vrn_relay_only", transport: KeyRecorder().transport)

        _ = try verne.relay
        #expect {
            try verne.gate
        } throws: { error in
            let message = (error as? VerneConfigurationError)?.message ?? ""
            return message.contains("No API key for Gate") && message.contains("gateKey:")
        }
    }

    @Test("Keys and the base URL are read from the environment")
    func environment() async throws {
        let recorder = KeyRecorder()
        let verne = try AsyncVerne(
            environment: ["VERNE_API_KEY": "vrn_env", "VERNE_BASE_URL": "http://127.0.0.1:9"],
            transport: recorder.transport)

        _ = try await verne.relay.messages.list()

        #expect(recorder.keys.withLock { $0 } == ["Bearer vrn_env"])
        #expect(verne.description.contains("http://127.0.0.1:9"))
        #expect(throws: VerneConfigurationError.self) {
            try AsyncVerne(environment: ["VERNE_BASE_URL": "http://example.com"])
        }
    }

    @Test("The same service client is handed out every time")
    func madeOnce() throws {
        let verne = AsyncVerne(apiKey: "vrn_x")

        #expect(try verne.relay.description == verne.relay.description)
    }

    @Test("Descriptions and dumps of umbrella clients never show a key")
    func noSecrets() throws {
        let verne = Verne(apiKey: "vrn_top_secret", relayKey: "vrn_relay_secret")
        _ = try verne.relay
        var dumped = ""
        dump(verne, to: &dumped)
        dump(try verne.relay, to: &dumped)

        for text in [verne.description, dumped, try verne.relay.description] {
            #expect(!text.contains("top_secret"))
            #expect(!text.contains("relay_secret"))
        }
    }
}
