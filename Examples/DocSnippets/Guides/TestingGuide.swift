import Foundation
import Verne
import VerneTesting

// snippet.begin testing-app-code
/// Your app's code: signs a user up and announces it to your webhook subscribers.
struct SignupService {
    let verne: AsyncVerne

    func signUp(email: String) async throws -> Identity {
        let identity = try await verne.gate.identities.create(traits: ["email": .string(email)])
        try await verne.relay.messages.send(
            eventType: "user.created", payload: ["id": .string(identity.id)])
        return identity
    }
}
// snippet.end

/// The testing guide's samples that need no test framework.
enum TestingGuide {
    static func inProcess() async throws {
        // snippet.begin testing-in-process
        let emulator = NautilusEmulator()
        let verne = AsyncVerne(apiKey: "vrn_test", transport: emulator)  // any vrn_ key
        let blocking = Verne(apiKey: "vrn_test", transport: emulator)  // same data
        // snippet.end
        print(verne, blocking)
    }

    static func overHTTP() async throws {
        // snippet.begin testing-server
        let server = EmulatorServer()
        let port = try server.start(port: 0)  // 0: any free port on 127.0.0.1
        defer { server.stop() }

        let configuration = try VerneConfiguration.baseURL("http://127.0.0.1:\(port)")
        let verne = AsyncVerne(apiKey: "vrn_test", configuration: configuration)
        try await verne.relay.messages.send(eventType: "user.created", payload: ["id": "usr_1"])

        server.emulator.clock.advance(by: .seconds(60))  // the same controls as in-process
        // snippet.end
    }

    static func closure() async throws {
        // snippet.begin testing-closure
        let quotaReached = ClosureTransport { _ in
            HTTPResponse(
                status: 429,
                headers: ["Retry-After": "86400", "X-Request-ID": "req_test"],
                body: Data(
                    #"{"error": {"code": "RELAY_MESSAGE_LIMIT_REACHED", "message": "Quota reached."}}"#
                        .utf8))
        }
        let relay = AsyncRelay(apiKey: "vrn_test", transport: quotaReached)
        // snippet.end
        print(relay)
    }

    static func tenants() {
        // snippet.begin testing-tenants
        let emulator = NautilusEmulator()
        emulator.shareTenant(["vrn_relay_only", "vrn_gate_only"])  // one tenant, two keys
        print(emulator.tenantID(forKey: "vrn_relay_only"))

        let state = emulator.snapshot(forKey: "vrn_relay_only")  // JSON; never a key
        print(state["tenants"]?[0]?["messages"] ?? [])
        print(emulator.requestCounts)  // requests so far by route, "POST /v1/relay/messages"…
        emulator.reset()  // empty again, real time again
        // snippet.end
    }

    static func setUp(identityID: String) throws {
        let emulator = NautilusEmulator()
        // snippet.begin testing-set-up
        try emulator.setPlan("pro", forKey: "vrn_test")  // every lifecycle rule available
        emulator.setActiveUserLimit(100, forKey: "vrn_test")  // then 402 on registration
        let code = try emulator.mintSocialLoginCode(forIdentity: identityID, key: "vrn_test")
        let newKeyID = try emulator.rotateSigningKey(forKey: "vrn_test")  // old key kept 20 min
        // snippet.end
        print(code.isEmpty, newKeyID)
    }
}
