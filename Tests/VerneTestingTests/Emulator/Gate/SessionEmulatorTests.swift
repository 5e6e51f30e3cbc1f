import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Sessions in the emulator")
struct SessionEmulatorTests {
    private func check(_ harness: EmulatorHarness, _ token: String?) throws -> Answer {
        try harness.call(.get, "/v1/gate/auth/session", sessionToken: token)
    }

    @Test("a created session is listed and passes the check with the user's organizations")
    func createListCheck() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let org = try harness.organizationID()
        try harness.addMember(ada, to: org, role: try harness.roleID(in: org, "admin", ["a:b"]))
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")

        let listed = try harness.call(.get, "/v1/gate/identities/\(ada)/sessions").json?.arrayValue
        let checked = try check(harness, session.sessionToken)

        #expect(listed?.count == 1)
        #expect(listed?.first?["id"]?.stringValue == session.sessionID)
        #expect(listed?.first?["active"] == true)
        #expect(listed?.first?["authenticator_assurance_level"] == "aal1")
        #expect(listed?.first?["identity"]?["id"]?.stringValue == ada)
        #expect(checked.status == 200)
        #expect(
            checked.json
                == [
                    "active": true, "aal": "aal1", "mfa_required": false, "mfa_satisfied": true,
                    "identity_id": .string(ada),
                    "orgs": [["id": .string(org), "role": "admin", "permissions": ["a:b"]]],
                    "orgs_truncated": false,
                ])
        #expect(!session.description.contains(session.sessionToken))
    }

    @Test("the check is 401 without a token, for an unknown one and for another tenant's session")
    func deadSessions() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")

        #expect(try check(harness, nil).status == 401)
        #expect(try check(harness, "ory_st_unknown").status == 401)
        #expect(try check(harness.with(key: "vrn_other"), session.sessionToken).status == 401)
        #expect(try check(harness, session.sessionToken).status == 200)
    }

    @Test("with MFA required an aal1 session is 403 mfa_required with required_aal; aal2 passes")
    func mfa() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let weak = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let strong = try harness.emulator.createSession(
            forIdentity: ada, key: "vrn_test", aal: .aal2)
        try harness.call(
            .put, "/v1/gate/settings/security",
            json: ["passwordless_enabled": false, "mfa_enabled": true])

        let refused = try check(harness, weak.sessionToken)
        let passed = try check(harness, strong.sessionToken).json

        #expect(refused.status == 403)
        #expect(refused.errorCode == "mfa_required")
        #expect(refused.json?["error"]?["required_aal"] == "aal2")
        #expect(refused.json?["error"]?["current_aal"] == "aal1")
        #expect(passed?["aal"] == "aal2")
        #expect(passed?["mfa_required"] == true)
        #expect(passed?["mfa_satisfied"] == true)
    }

    @Test("revoking one is 204 again when already revoked; an unknown or foreign session is 404")
    func revokeOne() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let path = "/v1/gate/sessions/\(session.sessionID)"

        #expect(try harness.with(key: "vrn_other").call(.delete, path).status == 404)
        #expect(try harness.call(.delete, path).status == 204)
        #expect(try harness.call(.delete, path).status == 204)
        #expect(try harness.call(.delete, "/v1/gate/sessions/nope").status == 404)
        #expect(try check(harness, session.sessionToken).status == 401)
        #expect(try harness.call(.get, "/v1/gate/identities/\(ada)/sessions").json == [])
    }

    @Test("revoking all is 204 also with none; another tenant's or an unknown user is 403")
    func revokeAll() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let first = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let second = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let path = "/v1/gate/identities/\(ada)/sessions"

        #expect(try harness.with(key: "vrn_other").call(.delete, path).errorCode == "forbidden")
        #expect(try harness.with(key: "vrn_other").call(.get, path).errorCode == "forbidden")
        #expect(try harness.call(.delete, path).status == 204)
        #expect(try harness.call(.delete, path).status == 204)
        #expect(
            try harness.call(.delete, "/v1/gate/identities/nobody/sessions").errorCode
                == "forbidden")
        #expect(try check(harness, first.sessionToken).status == 401)
        #expect(try check(harness, second.sessionToken).status == 401)
    }

    @Test("sessions stop working while the user is inactive and vanish with a deleted user")
    func identityState() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let statePath = "/v1/gate/identities/\(ada)/state"

        try harness.call(.patch, statePath, json: ["state": "inactive"])
        let whileInactive = try check(harness, session.sessionToken).status
        #expect(throws: EmulatorSetupError.self) {
            try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        }
        try harness.call(.patch, statePath, json: ["state": "active"])
        let reactivated = try check(harness, session.sessionToken).status
        try harness.call(.delete, "/v1/gate/identities/\(ada)")
        let deleted = try check(harness, session.sessionToken).status

        #expect(whileInactive == 401)
        #expect(reactivated == 200)
        #expect(deleted == 401)
    }

    @Test("a session dies 24 hours after sign-in by the emulator's clock")
    func expiry() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")

        harness.emulator.clock.advance(by: .seconds(24 * 3600 - 10))
        let before = try check(harness, session.sessionToken).status
        harness.emulator.clock.advance(by: .seconds(20))

        #expect(before == 200)
        #expect(try check(harness, session.sessionToken).status == 401)
    }

    @Test("orgs in the check stop at 100 and say they are truncated")
    func truncation() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        for index in 0..<101 {
            let org = try harness.organizationID("Org \(index)")
            try harness.addMember(ada, to: org, role: try harness.roleID(in: org, "member", []))
        }
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")

        let checked = try check(harness, session.sessionToken).json

        #expect(checked?["orgs"]?.arrayValue?.count == 100)
        #expect(checked?["orgs_truncated"] == true)
    }

    @Test("createSession refuses an identity of another tenant")
    func foreignIdentity() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        #expect(throws: EmulatorSetupError.self) {
            try harness.emulator.createSession(forIdentity: ada, key: "vrn_other")
        }
    }
}
