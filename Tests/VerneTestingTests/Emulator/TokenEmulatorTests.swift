import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Gate tokens and authorization in the emulator")
struct TokenEmulatorTests {
    private func mint(_ harness: EmulatorHarness, _ body: JSONValue) throws -> Answer {
        try harness.call(.post, "/v1/gate/tokens", json: body)
    }

    private func introspect(_ harness: EmulatorHarness, _ token: JSONValue?) throws -> JSONValue? {
        try harness.call(.post, "/v1/gate/tokens/introspect", json: ["access_token": token ?? nil]).json
    }

    @Test("a token lives 3600 s by default and the answer has the four fields")
    func mintDefaults() throws {
        let harness = EmulatorHarness()
        let answer = try mint(harness, ["subject": "svc:billing"])
        let token = try #require(answer.json)

        #expect(answer.status == 200)
        #expect(token["access_token"]?.stringValue?.hasPrefix("gat_") == true)
        #expect(token["subject"] == "svc:billing")
        #expect(token["tenant_id"]?.stringValue == harness.emulator.tenantID(forKey: "vrn_test"))
        let expires = try #require(RFC3339.date(from: token["expires_at"]?.stringValue ?? ""))
        #expect(abs(expires.timeIntervalSince(harness.emulator.clock.now) - 3600) < 5)
    }

    @Test(
        "ttl_seconds outside 1...86400, a missing subject or bad scopes are 400",
        arguments: [
            #"{"subject": "s", "ttl_seconds": 86401}"#, #"{"subject": "s", "ttl_seconds": 0}"#,
            #"{"subject": "s", "ttl_seconds": "60"}"#, #"{"ttl_seconds": 60}"#, #"{"subject": ""}"#,
            #"{"subject": "s", "scopes": "read"}"#,
        ])
    func mintRefusals(body: String) throws {
        let answer = try EmulatorHarness().call(.post, "/v1/gate/tokens", raw: Data(body.utf8))
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("introspection is active until the clock passes expires_at, then {active: false} alone")
    func expiry() throws {
        let harness = EmulatorHarness()
        let token = try mint(harness, ["subject": "svc", "scopes": ["read"], "ttl_seconds": 60]).json?["access_token"]

        let live = try #require(try introspect(harness, token))
        harness.emulator.clock.advance(by: .seconds(61))
        let expired = try introspect(harness, token)

        #expect(live["active"] == true)
        #expect(live["scopes"] == ["read"])
        #expect(live["orgs"] == nil)
        #expect(expired == ["active": false])
    }

    @Test("an unknown token and another tenant's token introspect as inactive")
    func foreignTokens() throws {
        let harness = EmulatorHarness()
        let token = try mint(harness, ["subject": "svc"]).json?["access_token"]

        #expect(try introspect(harness, "gat_unknown") == ["active": false])
        #expect(try introspect(harness.with(key: "vrn_other"), token) == ["active": false])
        #expect(try introspect(harness, token)?["active"] == true)
    }

    @Test("a token of an end user lists orgs and stops working while the user is inactive")
    func inactiveUser() throws {
        let harness = EmulatorHarness()
        let id = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        let token = try mint(harness, ["subject": .string(id)]).json?["access_token"]
        let live = try introspect(harness, token)

        try harness.call(.patch, "/v1/gate/identities/\(id)/state", json: ["state": "inactive"])
        let whileInactive = try introspect(harness, token)
        try harness.call(.patch, "/v1/gate/identities/\(id)/state", json: ["state": "active"])

        #expect(live?["orgs"] == [])
        #expect(live?["orgs_truncated"] == false)
        #expect(whileInactive == ["active": false])
        #expect(try introspect(harness, token)?["active"] == true)
    }

    @Test("authorize answers each reason for non-organization resources")
    func authorizeReasons() throws {
        let emulator = NautilusEmulator()
        let harness = EmulatorHarness(emulator)
        let active = try #require(try harness.createIdentity("a@example.com").json?["id"]?.stringValue)
        let inactive = try #require(
            try harness.createIdentity("b@example.com", extra: ["state": "inactive"]).json?["id"]?.stringValue)
        let foreign = try #require(
            try harness.with(key: "vrn_other").createIdentity("c@example.com").json?["id"]?.stringValue)

        func decide(_ subject: String) throws -> JSONValue? {
            try harness.call(
                .post, "/v1/gate/authorize",
                json: ["subject": .string(subject), "action": "read", "resource": "tenant:t", "context": ["ip": "x"]]
            ).json
        }

        let cases = [
            (active, true, "owned_by_tenant"), (inactive, false, "subject_inactive"),
            (foreign, false, "not_owned_by_tenant"), ("nobody", false, "not_a_known_identity"),
        ]
        for (subject, allowed, reason) in cases {
            let decision = try #require(try decide(subject))
            #expect(decision["allowed"] == .bool(allowed), "\(reason)")
            #expect(decision["reason"] == .string(reason))
            #expect(decision["message"]?.stringValue?.isEmpty == false)
            #expect(decision["decision_id"]?.stringValue?.isEmpty == false)
        }
    }

    @Test("authorize refuses a missing action or a non-object context")
    func authorizeRefusals() throws {
        let harness = EmulatorHarness()
        let missing = try harness.call(.post, "/v1/gate/authorize", json: ["subject": "s", "resource": "r"])
        let badContext = try harness.call(
            .post, "/v1/gate/authorize", json: ["subject": "s", "action": "a", "resource": "r", "context": 1])
        #expect(missing.status == 400)
        #expect(badContext.status == 400)
    }
}
