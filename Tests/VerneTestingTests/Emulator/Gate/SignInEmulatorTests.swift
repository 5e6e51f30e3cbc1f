import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Sign-in flows and social-login codes in the emulator")
struct SignInEmulatorTests {
    private func registerReturnURLs(_ harness: EmulatorHarness) throws {
        try harness.call(
            .put, "/v1/gate/settings/return-urls",
            json: [
                "return_urls": ["https://app.example.com/first", "https://app.example.com/second"]
            ])
    }

    @Test("a login flow is an open flow object; return_to defaults to the first return URL")
    func loginFlow() throws {
        let harness = EmulatorHarness()
        try registerReturnURLs(harness)

        let flow = try #require(
            try harness.call(.get, "/v1/gate/auth/login?state=abc-._~XYZ09").json)
        let chosen = try harness.call(
            .get, "/v1/gate/auth/login?return_to=https%3A%2F%2Fapp.example.com%2Fsecond"
        ).json

        #expect(flow["id"]?.stringValue?.isEmpty == false)
        #expect(flow["type"] == "api")
        #expect(flow["state"] == "abc-._~XYZ09")
        #expect(flow["return_to"] == "https://app.example.com/first")
        #expect(flow["requested_aal"] == "aal1")
        #expect(flow["ui"]?["method"] == "POST")
        #expect(flow["ui"]?["nodes"] == [])
        #expect(
            flow["ui"]?["action"]?.stringValue?.hasPrefix(
                "https://api.vernesoft.com/self-service/login") == true)
        #expect(flow["expires_at"]?.stringValue.flatMap(RFC3339.date(from:)) != nil)
        #expect(chosen?["return_to"] == "https://app.example.com/second")
    }

    @Test(
        "state must be 1 to 256 letters, digits, -, ., _ or ~",
        arguments: [
            "state=", "state=a%20b", "state=caf%C3%A9", "state=a%2Fb",
            "state=" + String(repeating: "a", count: 257),
        ])
    func badState(query: String) throws {
        let harness = EmulatorHarness()
        #expect(
            try harness.call(.get, "/v1/gate/auth/login?" + query).errorCode == "invalid_payload")
        #expect(
            try harness.call(.get, "/v1/gate/auth/registration?" + query).errorCode
                == "invalid_payload")
    }

    @Test("return_to must be a registered return URL, exactly, once any are registered")
    func returnTo() throws {
        let harness = EmulatorHarness()
        let other = "/v1/gate/auth/login?return_to=https%3A%2F%2Fevil.example.com%2F"
        let free = try harness.call(.get, other).status
        try registerReturnURLs(harness)

        #expect(free == 200)
        #expect(try harness.call(.get, other).errorCode == "invalid_payload")
        let prefix = "/v1/gate/auth/login?return_to=https%3A%2F%2Fapp.example.com%2Ffirst%2Fmore"
        #expect(try harness.call(.get, prefix).errorCode == "invalid_payload")
    }

    @Test("aal2 needs a live session of the tenant in X-Session-Token")
    func stepUp() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let path = "/v1/gate/auth/login?aal=aal2"

        #expect(try harness.call(.get, path).status == 400)
        #expect(try harness.call(.get, path, sessionToken: "ory_st_unknown").status == 401)
        #expect(
            try harness.with(key: "vrn_other").call(.get, path, sessionToken: session.sessionToken)
                .status == 401)
        let flow = try harness.call(.get, path, sessionToken: session.sessionToken).json
        #expect(flow?["requested_aal"] == "aal2")
        #expect(try harness.call(.get, "/v1/gate/auth/login?aal=aal3").status == 400)
    }

    @Test("registration is 402 ACTIVE_USER_LIMIT_REACHED once the plan's active users are reached")
    func activeUserLimit() throws {
        let harness = EmulatorHarness()
        harness.emulator.setActiveUserLimit(2, forKey: "vrn_test")
        let ada = try harness.identityID("ada@example.com")
        let open = try harness.call(.get, "/v1/gate/auth/registration").status
        _ = try harness.identityID("bob@example.com")

        let refused = try harness.call(.get, "/v1/gate/auth/registration")
        try harness.call(.patch, "/v1/gate/identities/\(ada)/state", json: ["state": "inactive"])
        let reopened = try harness.call(.get, "/v1/gate/auth/registration").status

        #expect(open == 200)
        #expect(refused.status == 402)
        #expect(refused.errorCode == "ACTIVE_USER_LIMIT_REACHED")
        #expect(refused.json?["error"]?["limit"] == 2)
        #expect(refused.json?["error"]?["current"] == 2)
        #expect(refused.json?["error"]?["plan"] == "free")
        #expect(reopened == 200)
    }

    @Test("a social-login code becomes a session once, within 60 seconds, for its tenant only")
    func exchange() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let path = "/v1/gate/auth/oidc/exchange"
        let code = try harness.emulator.mintSocialLoginCode(forIdentity: ada, key: "vrn_test")
        let late = try harness.emulator.mintSocialLoginCode(
            forIdentity: ada, key: "vrn_test", provider: "github")
        let foreign = try harness.emulator.mintSocialLoginCode(forIdentity: ada, key: "vrn_test")

        let exchanged = try harness.call(.post, path, json: ["code": .string(code)])
        let again = try harness.call(.post, path, json: ["code": .string(code)])
        let elsewhere = try harness.with(key: "vrn_other").call(
            .post, path, json: ["code": .string(foreign)])
        harness.emulator.clock.advance(by: .seconds(61))
        let expired = try harness.call(.post, path, json: ["code": .string(late)])

        let token = try #require(exchanged.json?["session_token"]?.stringValue)
        #expect(exchanged.json?["session"]?["identity"]?["id"]?.stringValue == ada)
        #expect(exchanged.json?["session"]?["authentication_methods"]?[0]?["method"] == "oidc")
        #expect(try harness.call(.get, "/v1/gate/auth/session", sessionToken: token).status == 200)
        #expect(again.status == 404)
        #expect(elsewhere.status == 404)
        #expect(expired.status == 404)
        #expect(throws: EmulatorSetupError.self) {
            try harness.emulator.mintSocialLoginCode(
                forIdentity: ada, key: "vrn_test", provider: "myspace")
        }
    }
}
