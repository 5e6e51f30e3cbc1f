import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Keys, tenants and the error envelope")
struct KeyAndTenantTests {
    @Test("a key without vrn_, or no key, is 401 unauthorized", arguments: [nil, "sk_live_1", "vrn_", "bad"])
    func unauthorized(key: String?) throws {
        let answer = try EmulatorHarness(key: key).call(.get, "/v1/relay/messages")

        #expect(answer.status == 401)
        #expect(answer.errorCode == "unauthorized")
    }

    @Test("every error is the envelope, with its request_id also in X-Request-ID")
    func envelope() throws {
        let first = try EmulatorHarness(key: "nope").call(.get, "/v1/relay/messages")
        let second = try EmulatorHarness(key: "nope").call(.get, "/v1/relay/messages")

        let error = try #require(first.json?["error"]?.objectValue)
        #expect(error["message"]?.stringValue?.isEmpty == false)
        #expect(error["request_id"]?.stringValue == first.headers["X-Request-ID"])
        #expect(first.headers["X-Request-ID"] != second.headers["X-Request-ID"])
    }

    @Test("successes carry X-Request-ID too")
    func requestIDOnSuccess() throws {
        let answer = try EmulatorHarness().sendMessage()
        #expect(answer.headers["X-Request-ID"]?.hasPrefix("req_") == true)
    }

    @Test("legacy keys reach only the service they name")
    func legacyKeys() throws {
        let relayKey = EmulatorHarness(key: "vrn_relay_abc")
        let gateKey = EmulatorHarness(key: "vrn_gate_abc")

        #expect(try relayKey.sendMessage().status == 202)
        #expect(try relayKey.createIdentity("a@example.com").errorCode == "forbidden")
        #expect(try gateKey.createIdentity("a@example.com").status == 201)
        let refused = try gateKey.call(.get, "/v1/relay/messages")
        #expect(refused.status == 403)
        #expect(refused.errorCode == "forbidden")
    }

    @Test("each key is its own tenant")
    func tenantIsolation() throws {
        let emulator = NautilusEmulator()
        let alice = EmulatorHarness(emulator, key: "vrn_alice")
        let bob = EmulatorHarness(emulator, key: "vrn_bob")
        try alice.sendMessage()
        let identity = try #require(try alice.createIdentity("same@example.com").json?["id"]?.stringValue)

        #expect(try bob.call(.get, "/v1/relay/messages").json?["data"] == [])
        #expect(try bob.call(.get, "/v1/gate/identities/\(identity)").status == 404)
        #expect(try bob.createIdentity("same@example.com").status == 201)
        #expect(emulator.tenantID(forKey: "vrn_alice") != emulator.tenantID(forKey: "vrn_bob"))
    }

    @Test("keys told to share a tenant see the same data")
    func sharedTenant() throws {
        let emulator = NautilusEmulator()
        emulator.shareTenant(["vrn_one", "vrn_two"])
        try EmulatorHarness(emulator, key: "vrn_one").sendMessage()

        let seen = try EmulatorHarness(emulator, key: "vrn_two").call(.get, "/v1/relay/messages")
        #expect(seen.json?["data"]?.arrayValue?.count == 1)
        #expect(emulator.tenantID(forKey: "vrn_one") == emulator.tenantID(forKey: "vrn_two"))
    }

    @Test("an unknown route is 404 and a wrong method 405, both as the envelope")
    func unknownRoutes() throws {
        let harness = EmulatorHarness()
        #expect(try harness.call(.get, "/v1/relay/nothing").errorCode == "not_found")
        let wrongMethod = try harness.call(.delete, "/v1/relay/messages")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.headers["Allow"]?.contains("POST") == true)
    }

    @Test("reset forgets everything")
    func reset() throws {
        let harness = EmulatorHarness()
        try harness.sendMessage()
        harness.emulator.reset()

        #expect(try harness.call(.get, "/v1/relay/messages").json?["data"] == [])
        #expect(harness.emulator.requestCounts == ["GET /v1/relay/messages": 1])
    }
}
