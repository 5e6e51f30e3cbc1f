import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Members and permission checks in the emulator")
struct MemberEmulatorTests {
    private struct Setup {
        var harness = EmulatorHarness()
        var org: String
        var admin: String
        var viewer: String
        var ada: String

        init() throws {
            org = try harness.organizationID()
            admin = try harness.roleID(in: org, "admin", ["invoices:read", "invoices:write"])
            viewer = try harness.roleID(in: org, "viewer", ["invoices:read"])
            ada = try harness.identityID("ada@example.com")
        }

        func time(_ offset: TimeInterval) -> JSONValue {
            .string(RFC3339.string(from: harness.emulator.clock.now.addingTimeInterval(offset)))
        }

        var memberPath: String { "/v1/gate/organizations/\(org)/members/\(ada)" }
    }

    @Test("add answers the Member; a second add is 409; an unknown identity or role is 404")
    func add() throws {
        let setup = try Setup()
        let added = try setup.harness.addMember(setup.ada, to: setup.org, role: setup.admin)

        #expect(added.status == 201)
        #expect(added.json?["identity_id"]?.stringValue == setup.ada)
        #expect(added.json?["role_id"]?.stringValue == setup.admin)
        #expect(added.json?["organization_id"]?.stringValue == setup.org)
        #expect(added.json?["expires_at"] == .null)
        #expect(
            try setup.harness.addMember(setup.ada, to: setup.org, role: setup.viewer).errorCode
                == "conflict")
        #expect(
            try setup.harness.addMember("nobody", to: setup.org, role: setup.admin).status == 404)
        let bob = try setup.harness.identityID("bob@example.com")
        #expect(try setup.harness.addMember(bob, to: setup.org, role: "role_none").status == 404)
        let stranger = try setup.harness.with(key: "vrn_other").identityID("eve@example.com")
        #expect(
            try setup.harness.addMember(stranger, to: setup.org, role: setup.admin).status == 404)
    }

    @Test("a deadline must be in the future and at most 10 years ahead")
    func deadlineBounds() throws {
        let setup = try Setup()
        let tenYears = 10 * 365.25 * 86_400
        let refused: [JSONValue] = [setup.time(-1), setup.time(tenYears + 3600), "tomorrow", 12]
        for value in refused {
            let answer = try setup.harness.addMember(
                setup.ada, to: setup.org, role: setup.admin, expiresAt: value)
            #expect(answer.errorCode == "invalid_payload", "\(value)")
        }
        let accepted = try setup.harness.addMember(
            setup.ada, to: setup.org, role: setup.admin, expiresAt: setup.time(tenYears - 3600))
        #expect(accepted.status == 201)
    }

    @Test("update has three deadline states: left out keeps, null removes, a time sets")
    func updateDeadline() throws {
        let setup = try Setup()
        try setup.harness.addMember(
            setup.ada, to: setup.org, role: setup.admin, expiresAt: setup.time(3600))
        let path = setup.memberPath

        let kept = try setup.harness.call(.patch, path, json: ["role_id": .string(setup.viewer)])
            .json
        let removed = try setup.harness.call(.patch, path, json: ["expires_at": nil]).json
        let set = try setup.harness.call(.patch, path, json: ["expires_at": setup.time(7200)]).json

        #expect(kept?["role_id"]?.stringValue == setup.viewer)
        #expect(kept?["expires_at"]?.stringValue != nil)
        #expect(removed?["expires_at"] == .null)
        #expect(removed?["role_id"]?.stringValue == setup.viewer)
        #expect(set?["expires_at"]?.stringValue != nil)
        #expect(try setup.harness.call(.patch, path, json: [:]).errorCode == "invalid_payload")
        #expect(try setup.harness.call(.patch, path, json: ["role_id": "role_none"]).status == 404)
        #expect(
            try setup.harness.call(.patch, path, json: ["expires_at": setup.time(-5)]).status == 400
        )
    }

    @Test("remove is 204, then 404; the person stays an end user")
    func remove() throws {
        let setup = try Setup()
        try setup.harness.addMember(setup.ada, to: setup.org, role: setup.admin)

        #expect(try setup.harness.call(.delete, setup.memberPath).status == 204)
        #expect(try setup.harness.call(.delete, setup.memberPath).status == 404)
        #expect(try setup.harness.call(.get, "/v1/gate/identities/\(setup.ada)").status == 200)
    }

    @Test("a membership expires with the clock: not listed, not a member, and can be added again")
    func expiry() throws {
        let setup = try Setup()
        try setup.harness.addMember(
            setup.ada, to: setup.org, role: setup.admin, expiresAt: setup.time(600))
        let membersPath = "/v1/gate/organizations/\(setup.org)/members"
        let before = try setup.harness.authorize(setup.ada, "invoices:write", in: setup.org).json

        setup.harness.emulator.clock.advance(by: .seconds(601))
        let after = try setup.harness.authorize(setup.ada, "invoices:write", in: setup.org).json

        #expect(before?["reason"] == "member_with_permission")
        #expect(after?["reason"] == "not_a_member")
        #expect(after?["allowed"] == false)
        #expect(after?["role"] == nil)
        #expect(try setup.harness.call(.get, membersPath).json?["data"] == [])
        #expect(
            try setup.harness.call(.patch, setup.memberPath, json: ["expires_at": nil]).status
                == 404)
        #expect(
            try setup.harness.addMember(setup.ada, to: setup.org, role: setup.viewer).status == 201)
    }

    @Test("authorize gives each documented reason, with the role when the user is a member")
    func reasons() throws {
        let setup = try Setup()
        let harness = setup.harness
        let bob = try harness.identityID("bob@example.com")
        try harness.addMember(setup.ada, to: setup.org, role: setup.viewer)
        try harness.addMember(bob, to: setup.org, role: setup.admin)
        try harness.call(.patch, "/v1/gate/identities/\(bob)/state", json: ["state": "inactive"])
        let carol = try harness.identityID("carol@example.com")

        let with = try harness.authorize(setup.ada, "invoices:read", in: setup.org).json
        let without = try harness.authorize(setup.ada, "invoices:write", in: setup.org).json
        let inactive = try harness.authorize(bob, "invoices:read", in: setup.org).json
        let outsider = try harness.authorize(carol, "invoices:read", in: setup.org).json
        let missing = try harness.authorize(setup.ada, "invoices:read", in: "org_none").json
        let foreign = try harness.with(key: "vrn_other").authorize(
            setup.ada, "invoices:read", in: setup.org
        ).json

        #expect(
            with?["allowed"] == true && with?["reason"] == "member_with_permission"
                && with?["role"] == "viewer")
        #expect(without?["allowed"] == false && without?["reason"] == "member_without_permission")
        #expect(without?["role"] == "viewer")
        #expect(inactive?["reason"] == "subject_inactive" && inactive?["role"] == "admin")
        #expect(outsider?["reason"] == "not_a_member")
        #expect(missing?["reason"] == "no_such_organization")
        #expect(foreign?["reason"] == "no_such_organization")
        #expect(with?["decision_id"]?.stringValue?.hasPrefix("dec_") == true)
    }

    @Test("checks are exact and live: no wildcards, and a role update applies at once")
    func exactAndLive() throws {
        let setup = try Setup()
        try setup.harness.addMember(setup.ada, to: setup.org, role: setup.viewer)
        let rolePath = "/v1/gate/organizations/\(setup.org)/roles/\(setup.viewer)"

        let prefix = try setup.harness.authorize(setup.ada, "invoices", in: setup.org).json
        try setup.harness.call(.patch, rolePath, json: ["permissions": ["invoices:write"]])
        let afterUpdate = try setup.harness.authorize(setup.ada, "invoices:read", in: setup.org)
            .json

        #expect(prefix?["reason"] == "member_without_permission")
        #expect(afterUpdate?["reason"] == "member_without_permission")
        #expect(
            try setup.harness.authorize(setup.ada, "invoices:write", in: setup.org).json?["allowed"]
                == true)
    }

    @Test(
        "an invalid permission is 400, never allowed: false",
        arguments: ["*", "Invoices:read", "nautilus:x", ""])
    func invalidPermission(permission: String) throws {
        let setup = try Setup()
        let answer = try setup.harness.authorize(setup.ada, permission, in: setup.org)
        #expect(answer.status == 400)
    }

    @Test("introspection lists the user's organizations, live")
    func introspectionOrgs() throws {
        let setup = try Setup()
        let token = try setup.harness.call(
            .post, "/v1/gate/tokens", json: ["subject": .string(setup.ada)]
        )
        .json?["access_token"]
        let path = "/v1/gate/tokens/introspect"
        let before = try setup.harness.call(.post, path, json: ["access_token": token ?? nil]).json
        try setup.harness.addMember(setup.ada, to: setup.org, role: setup.admin)
        let after = try setup.harness.call(.post, path, json: ["access_token": token ?? nil]).json

        #expect(before?["orgs"] == [])
        #expect(
            after?["orgs"]
                == [
                    [
                        "id": .string(setup.org), "role": "admin",
                        "permissions": ["invoices:read", "invoices:write"],
                    ]
                ])
        #expect(after?["orgs_truncated"] == false)
    }

    @Test("deleting an identity removes its memberships")
    func identityDeletion() throws {
        let setup = try Setup()
        try setup.harness.addMember(setup.ada, to: setup.org, role: setup.admin)
        try setup.harness.call(.delete, "/v1/gate/identities/\(setup.ada)")

        #expect(
            try setup.harness.call(.get, "/v1/gate/organizations/\(setup.org)/members").json?[
                "data"] == [])
        #expect(
            try setup.harness.call(
                .delete, "/v1/gate/organizations/\(setup.org)/roles/\(setup.admin)"
            ).status == 204)
    }
}
