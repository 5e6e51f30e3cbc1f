import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Organizations: roles")
struct RoleTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "create with a name only",
            answer: .json(Fixture.role, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/organizations/org_1/roles",
                body: #"{"name":"viewer"}"#),
            blocking: { _ = try $0.organizations.roles(in: "org_1").create(name: "viewer") },
            async: { _ = try await $0.organizations.roles(in: "org_1").create(name: "viewer") }),
        WireCase(
            name: "create with permissions",
            answer: .json(Fixture.role, status: 201),
            wire: Wire(
                method: .post, path: "/v1/gate/organizations/org_1/roles",
                body: #"{"name":"admin","permissions":["invoices:read","invoices:write"]}"#),
            blocking: {
                _ = try $0.organizations.roles(in: "org_1")
                    .create(name: "admin", permissions: ["invoices:read", "invoices:write"])
            },
            async: {
                _ = try await $0.organizations.roles(in: "org_1")
                    .create(name: "admin", permissions: ["invoices:read", "invoices:write"])
            }),
        WireCase(
            name: "list",
            answer: .json(Fixture.page(Fixture.role)),
            wire: Wire(method: .get, path: "/v1/gate/organizations/org_1/roles", query: "limit=5"),
            blocking: { _ = try $0.organizations.roles(in: "org_1").list(limit: 5) },
            async: { _ = try await $0.organizations.roles(in: "org_1").list(limit: 5) }),
        WireCase(
            name: "get",
            answer: .json(Fixture.role),
            wire: Wire(method: .get, path: "/v1/gate/organizations/org_1/roles/rol_1"),
            blocking: { _ = try $0.organizations.roles(in: "org_1").get("rol_1") },
            async: { _ = try await $0.organizations.roles(in: "org_1").get("rol_1") }),
        WireCase(
            name: "update the name only",
            answer: .json(Fixture.role),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/roles/rol_1",
                body: #"{"name":"owner"}"#),
            blocking: { try $0.organizations.roles(in: "org_1").update("rol_1", name: "owner") },
            async: { try await $0.organizations.roles(in: "org_1").update("rol_1", name: "owner") }),
        WireCase(
            name: "replace the permissions, an empty list included",
            answer: .json(Fixture.role),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1/roles/rol_1",
                body: #"{"permissions":[]}"#),
            blocking: { try $0.organizations.roles(in: "org_1").update("rol_1", permissions: []) },
            async: {
                try await $0.organizations.roles(in: "org_1").update("rol_1", permissions: [])
            }),
        WireCase(
            name: "delete",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/organizations/org_1/roles/rol_1"),
            blocking: { try $0.organizations.roles(in: "org_1").delete("rol_1") },
            async: { try await $0.organizations.roles(in: "org_1").delete("rol_1") }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "an empty role name", argument: "name",
            blocking: { _ = try $0.organizations.roles(in: "org_1").create(name: "") },
            async: { try await $0.organizations.roles(in: "org_1").update("rol_1", name: "") }),
        RefusalCase(
            name: "a malformed permission", argument: "permissions",
            blocking: {
                _ = try $0.organizations.roles(in: "org_1").create(name: "a", permissions: ["Bad"])
            },
            async: {
                try await $0.organizations.roles(in: "org_1").update("rol_1", permissions: ["*"])
            }),
        RefusalCase(
            name: "more than 100 permissions", argument: "permissions",
            blocking: {
                _ = try $0.organizations.roles(in: "org_1")
                    .create(name: "a", permissions: (0...100).map { "p\($0)" })
            },
            async: {
                _ = try await $0.organizations.roles(in: "org_1")
                    .create(name: "a", permissions: (0...100).map { "p\($0)" })
            }),
        RefusalCase(
            name: "an organization ID of ..", argument: "orgID",
            blocking: { _ = try $0.organizations.roles(in: "..").list() },
            async: { _ = try await $0.organizations.roles(in: "..").get("rol_1") }),
        RefusalCase(
            name: "an empty role ID", argument: "roleID",
            blocking: { try $0.organizations.roles(in: "org_1").delete("") },
            async: { _ = try await $0.organizations.roles(in: "org_1").get(".") }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("the sub-API remembers its organization")
    func orgID() {
        let gate = WireRecorder(answer: .noContent).asyncGate()
        #expect(gate.organizations.roles(in: "org_7").orgID == "org_7")
        #expect(gate.organizations.members(of: "org_8").orgID == "org_8")
    }

    @Test("a role decodes; missing permissions are an empty list")
    func role() throws {
        let endpoint = try GetRoleEndpoint(orgID: "org_1", roleID: "rol_1")
        let role = try decode(endpoint, Fixture.role)
        #expect(
            role
                == Role(
                    id: "rol_1", organizationID: "org_1", name: "admin",
                    permissions: ["invoices:read", "invoices:write"], createdAt: march17,
                    updatedAt: march17))

        let bare = try decode(
            endpoint,
            #"{"id": "r", "organization_id": "o", "name": "n", "#
                + #""created_at": "2026-03-17T12:00:00Z", "updated_at": "2026-03-17T12:00:00Z"}"#)
        #expect(bare.permissions.isEmpty)
    }

    @Test("a role with only its ID and name decodes, as the reference client allows")
    func roleWithoutOptionalMembers() throws {
        let endpoint = try GetRoleEndpoint(orgID: "org_1", roleID: "rol_1")
        let role = try decode(endpoint, #"{"id": "rol_1", "name": "admin", "permissions": null}"#)
        #expect(role == Role(id: "rol_1", organizationID: "", name: "admin", permissions: []))
        #expect(role.createdAt == nil)

        #expect(throws: VerneResponseError.self) {
            _ = try decode(endpoint, #"{"id": "rol_1", "permissions": []}"#)
        }
    }
}
