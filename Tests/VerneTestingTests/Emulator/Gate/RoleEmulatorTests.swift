import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Roles in the emulator")
struct RoleEmulatorTests {
    private func create(
        _ harness: EmulatorHarness, _ org: String, _ body: JSONValue
    ) throws -> Answer {
        try harness.call(.post, "/v1/gate/organizations/\(org)/roles", json: body)
    }

    @Test("permissions come back sorted and de-duplicated; the role has every field")
    func create() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let role = try create(
            harness, org, ["name": "billing-admin_2", "permissions": ["z:a", "b", "z:a", "a:b:c"]])

        #expect(role.status == 201)
        #expect(role.json?["permissions"] == ["a:b:c", "b", "z:a"])
        #expect(role.json?["organization_id"]?.stringValue == org)
        #expect(role.json?["id"]?.stringValue?.hasPrefix("role_") == true)
        #expect(role.json?["created_at"] != nil && role.json?["updated_at"] != nil)
        #expect(try create(harness, org, ["name": "empty"]).json?["permissions"] == [])
    }

    @Test(
        "a role name follows ^[a-z0-9][a-z0-9_-]{0,63}$",
        arguments: ["", "Admin", "-admin", "_x", "a b", "adm!n", String(repeating: "a", count: 65)])
    func badNames(name: String) throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        #expect(try create(harness, org, ["name": .string(name)]).errorCode == "invalid_payload")
    }

    @Test("64 characters and a leading digit are fine")
    func goodNames() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        #expect(
            try create(harness, org, ["name": .string(String(repeating: "a", count: 64))]).status
                == 201)
        #expect(try create(harness, org, ["name": "9lives"]).status == 201)
    }

    @Test(
        "invalid or reserved permissions are 400",
        arguments: [
            "*", "invoices:*", "Invoices:write", "nautilus:admin", "a::b", ":a", "a:", "a b",
            String(repeating: "a", count: 65),
        ])
    func badPermissions(permission: String) throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let answer = try create(harness, org, ["name": "r", "permissions": [.string(permission)]])
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("at most 100 permissions, counted after de-duplication")
    func permissionCount() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let hundred = (0..<100).map { JSONValue.string("p\($0)") }
        #expect(
            try create(harness, org, ["name": "a", "permissions": .array(hundred + hundred)]).status
                == 201)
        let tooMany = hundred + ["p100"]
        #expect(
            try create(harness, org, ["name": "b", "permissions": .array(tooMany)]).status == 400)
    }

    @Test("a second role of the same name is 409 conflict; the 101st role is 409 limit_reached")
    func uniquenessAndLimit() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let other = try harness.organizationID("Other")
        for index in 0..<100 { _ = try harness.roleID(in: org, "role\(index)", []) }

        #expect(try create(harness, org, ["name": "role7"]).errorCode == "conflict")
        let limit = try create(harness, org, ["name": "one-more"])
        #expect(limit.status == 409)
        #expect(limit.errorCode == "limit_reached")
        #expect(try create(harness, other, ["name": "role7"]).status == 201)
    }

    @Test("update replaces permissions, can rename, and refuses a taken name or an empty body")
    func update() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let role = try harness.roleID(in: org, "editor", ["docs:read", "docs:write"])
        _ = try harness.roleID(in: org, "viewer", [])
        let path = "/v1/gate/organizations/\(org)/roles/\(role)"

        let replaced = try harness.call(.patch, path, json: ["permissions": ["docs:read"]]).json
        let renamed = try harness.call(.patch, path, json: ["name": "writer"]).json

        #expect(replaced?["permissions"] == ["docs:read"])
        #expect(replaced?["name"] == "editor")
        #expect(renamed?["name"] == "writer")
        #expect(renamed?["permissions"] == ["docs:read"])
        #expect(try harness.call(.patch, path, json: ["name": "viewer"]).errorCode == "conflict")
        #expect(try harness.call(.patch, path, json: [:]).errorCode == "invalid_payload")
        #expect(try harness.call(.get, path).json?["name"] == "writer")
    }

    @Test("a held role cannot be deleted; once its member leaves, it can")
    func deleteHeld() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let role = try harness.roleID(in: org, "admin", [])
        let ada = try harness.identityID("ada@example.com")
        try harness.addMember(ada, to: org, role: role)
        let path = "/v1/gate/organizations/\(org)/roles/\(role)"

        let refused = try harness.call(.delete, path)
        try harness.call(.delete, "/v1/gate/organizations/\(org)/members/\(ada)")
        let deleted = try harness.call(.delete, path)

        #expect(refused.status == 409)
        #expect(refused.errorCode == "conflict")
        #expect(deleted.status == 204)
        #expect(try harness.call(.get, path).status == 404)
    }

    @Test("a role held only by an expired membership can be deleted")
    func deleteHeldByExpired() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let role = try harness.roleID(in: org, "temp", [])
        let ada = try harness.identityID("ada@example.com")
        let deadline = RFC3339.string(from: harness.emulator.clock.now.addingTimeInterval(60))
        try harness.addMember(ada, to: org, role: role, expiresAt: .string(deadline))

        harness.emulator.clock.advance(by: .seconds(61))

        #expect(
            try harness.call(.delete, "/v1/gate/organizations/\(org)/roles/\(role)").status == 204)
    }

    @Test("roles list oldest first and are 404 in another organization")
    func listAndScope() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let other = try harness.organizationID("Other")
        let names = ["c", "a", "b"]
        for name in names { _ = try harness.roleID(in: org, name, []) }
        let role = try harness.roleID(in: other, "x", [])

        let listed = try harness.call(.get, "/v1/gate/organizations/\(org)/roles").json?["data"]?
            .arrayValue
        #expect(listed?.compactMap { $0["name"]?.stringValue } == names)
        #expect(try harness.call(.get, "/v1/gate/organizations/\(org)/roles/\(role)").status == 404)
        #expect(try harness.call(.get, "/v1/gate/organizations/org_none/roles").status == 404)
    }
}
