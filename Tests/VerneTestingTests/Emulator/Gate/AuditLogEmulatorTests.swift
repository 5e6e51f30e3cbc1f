import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("The audit log in the emulator")
struct AuditLogEmulatorTests {
    @Test("each change writes an entry, newest first, with the documented shape")
    func entries() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        try harness.call(.patch, "/v1/gate/identities/\(ada)/metadata", json: ["plan": "pro"])
        let org = try harness.organizationID()
        let role = try harness.roleID(in: org, "admin", ["a:b"])
        try harness.addMember(ada, to: org, role: role)
        try harness.call(
            .put, "/v1/gate/settings/security",
            json: ["passwordless_enabled": false, "mfa_enabled": true])
        try harness.call(.patch, "/v1/gate/identities/\(ada)/state", json: ["state": "inactive"])
        try harness.call(.get, "/v1/gate/organizations/\(org)")

        let page = try #require(try harness.call(.get, "/v1/gate/audit-log").json)
        let newest = try #require(page["data"]?[0])

        #expect(
            try harness.auditActions() == [
                "identity.state_changed", "settings.security_updated", "organization.member_added",
                "organization.role_created", "organization.created", "identity.metadata_updated",
                "identity.created",
            ])
        #expect(newest["id"]?.stringValue?.hasPrefix("aud_") == true)
        #expect(newest["actor"]?["type"] == "api_key")
        #expect(newest["actor"]?["id"]?.stringValue?.hasPrefix("key_") == true)
        #expect(newest["target"] == ["type": "identity", "id": .string(ada)])
        #expect(newest["project_id"]?.stringValue == harness.emulator.tenantID(forKey: "vrn_test"))
        #expect(newest["details"] == ["state": "inactive"])
        #expect(newest["occurred_at"]?.stringValue.flatMap(RFC3339.date(from:)) != nil)
        let text = String(
            decoding: try harness.call(.get, "/v1/gate/audit-log").body, as: UTF8.self)
        #expect(!text.contains("vrn_test"))
        #expect(!text.contains("ada@"))
    }

    @Test("sessions, sign-ins, deletions, settings and lifecycle changes are recorded")
    func moreActions() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        try harness.call(.delete, "/v1/gate/sessions/\(session.sessionID)")
        _ = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        try harness.call(.delete, "/v1/gate/identities/\(ada)/sessions")
        try harness.call(
            .put, "/v1/gate/settings/return-urls",
            json: ["return_urls": ["https://a.example.com/cb"]])
        try harness.call(
            .put, "/v1/gate/settings/oidc-providers",
            json: ["providers": [["provider": "google", "enabled": true]]])
        try harness.call(.put, "/v1/gate/lifecycle/rules/expire_roles", json: ["enabled": false])
        try harness.call(.delete, "/v1/gate/lifecycle/rules/expire_roles")
        try harness.emulator.rotateSigningKey(forKey: "vrn_test")
        try harness.call(.delete, "/v1/gate/identities/\(ada)")

        let actions = try harness.auditActions()
        let login = try harness.call(.get, "/v1/gate/audit-log?action=identity.login").json?[
            "data"]?[0]

        #expect(
            actions == [
                "identity.deleted", "signing_key.rotated", "lifecycle.rule_deleted",
                "lifecycle.rule_updated",
                "settings.oidc_providers_updated", "settings.return_urls_updated",
                "session.revoked_all",
                "identity.login", "session.revoked", "identity.login", "identity.created",
            ])
        #expect(login?["actor"] == ["type": "end_user", "id": .string(ada)])
    }

    @Test("filters combine: action, actor type and ID, target, from and to")
    func filters() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        harness.emulator.clock.advance(by: .seconds(60))
        let middle = harness.emulator.clock.now.addingTimeInterval(-1)
        let bob = try harness.identityID("bob@example.com")
        _ = try harness.emulator.createSession(forIdentity: bob, key: "vrn_test")
        harness.emulator.clock.advance(by: .seconds(60))
        let org = try harness.organizationID()
        let stamp = { (date: Date) in
            RFC3339.string(from: date).addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        }

        #expect(try harness.auditActions("&action=identity.created").count == 2)
        #expect(try harness.auditActions("&actor_type=end_user") == ["identity.login"])
        #expect(try harness.auditActions("&actor_id=\(bob)") == ["identity.login"])
        #expect(try harness.auditActions("&actor_type=staff") == [])
        #expect(try harness.auditActions("&target_id=\(ada)") == ["identity.created"])
        #expect(try harness.auditActions("&target_id=\(org)") == ["organization.created"])
        #expect(try harness.auditActions("&from=\(stamp(middle))").count == 3)
        #expect(try harness.auditActions("&to=\(stamp(middle))") == ["identity.created"])
        let window = "&from=\(stamp(middle))&to=\(stamp(middle.addingTimeInterval(30)))"
        #expect(try harness.auditActions(window) == ["identity.login", "identity.created"])
    }

    @Test(
        "an unknown action, a bad time, or to not after from is 400",
        arguments: [
            "action=identity.exploded", "from=yesterday",
            "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z",
        ])
    func refusals(query: String) throws {
        #expect(
            try EmulatorHarness().call(.get, "/v1/gate/audit-log?" + query).errorCode
                == "invalid_payload")
    }

    @Test("the log pages newest first with the same filters, and is per tenant")
    func paging() throws {
        let harness = EmulatorHarness()
        for index in 0..<5 { _ = try harness.organizationID("Org \(index)") }
        let first = try harness.call(.get, "/v1/gate/audit-log?limit=3&action=organization.created")
            .json
        let cursor = try #require(first?["next_cursor"]?.stringValue)
        let second = try harness.call(
            .get, "/v1/gate/audit-log?limit=3&action=organization.created&cursor=\(cursor)"
        )
        .json

        #expect(first?["data"]?.arrayValue?.count == 3)
        #expect(second?["data"]?.arrayValue?.count == 2)
        #expect(second?["has_more"] == false)
        #expect(second?["next_cursor"] == .null)
        #expect(try harness.with(key: "vrn_other").auditActions() == [])
    }
}
