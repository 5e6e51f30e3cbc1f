import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Organizations")
struct OrganizationTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "create",
            answer: .json(Fixture.organization, status: 201),
            wire: Wire(method: .post, path: "/v1/gate/organizations", body: #"{"name":"Acme"}"#),
            blocking: { _ = try $0.organizations.create(name: "Acme") },
            async: { _ = try await $0.organizations.create(name: "Acme") }),
        WireCase(
            name: "list, first page",
            answer: .json(Fixture.page(Fixture.organization)),
            wire: Wire(method: .get, path: "/v1/gate/organizations"),
            blocking: { _ = try $0.organizations.list() },
            async: { _ = try await $0.organizations.list() }),
        WireCase(
            name: "list with limit and cursor",
            answer: .json(Fixture.page(Fixture.organization)),
            wire: Wire(
                method: .get, path: "/v1/gate/organizations", query: "limit=50&cursor=cur_2"),
            blocking: { _ = try $0.organizations.list(limit: 50, cursor: "cur_2") },
            async: { _ = try await $0.organizations.list(limit: 50, cursor: "cur_2") }),
        WireCase(
            name: "get",
            answer: .json(Fixture.organization),
            wire: Wire(method: .get, path: "/v1/gate/organizations/org_1"),
            blocking: { _ = try $0.organizations.get("org_1") },
            async: { _ = try await $0.organizations.get("org_1") }),
        WireCase(
            name: "rename",
            answer: .json(Fixture.organization),
            wire: Wire(
                method: .patch, path: "/v1/gate/organizations/org_1", body: #"{"name":"Acme Inc."}"#
            ),
            blocking: { try $0.organizations.rename("org_1", to: "Acme Inc.") },
            async: { try await $0.organizations.rename("org_1", to: "Acme Inc.") }),
        WireCase(
            name: "delete",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/organizations/org_1"),
            blocking: { try $0.organizations.delete("org_1") },
            async: { try await $0.organizations.delete("org_1") }),
        WireCase(
            name: "authorize builds the organization resource",
            answer: .json(Fixture.decision),
            wire: Wire(
                method: .post, path: "/v1/gate/authorize",
                body:
                    #"{"action":"invoices:write","resource":"organization:org_1","subject":"idn_123"}"#
            ),
            blocking: {
                _ = try $0.organizations.authorize(
                    orgID: "org_1", identityID: "idn_123", permission: "invoices:write")
            },
            async: {
                _ = try await $0.organizations.authorize(
                    orgID: "org_1", identityID: "idn_123", permission: "invoices:write")
            }),
        WireCase(
            name: "can sends the same question",
            answer: .json(Fixture.decision),
            wire: Wire(
                method: .post, path: "/v1/gate/authorize",
                body:
                    #"{"action":"invoices:write","resource":"organization:org_1","subject":"idn_123"}"#
            ),
            blocking: {
                let allowed = try $0.organizations.can(
                    orgID: "org_1", identityID: "idn_123", permission: "invoices:write")
                #expect(allowed)
            },
            async: {
                let allowed = try await $0.organizations.can(
                    orgID: "org_1", identityID: "idn_123", permission: "invoices:write")
                #expect(allowed)
            }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "an empty name", argument: "name",
            blocking: { _ = try $0.organizations.create(name: "") },
            async: { _ = try await $0.organizations.create(name: "") }),
        RefusalCase(
            name: "a name over 120 characters", argument: "name",
            blocking: {
                try $0.organizations.rename("org_1", to: String(repeating: "x", count: 121))
            },
            async: {
                _ = try await $0.organizations.create(name: String(repeating: "é", count: 121))
            }),
        RefusalCase(
            name: "a page size below 1", argument: "limit",
            blocking: { _ = try $0.organizations.list(limit: 0) },
            async: { _ = try await $0.organizations.list(limit: 0) }),
        RefusalCase(
            name: "a permission in upper case", argument: "permission",
            blocking: {
                _ = try $0.organizations.authorize(
                    orgID: "o", identityID: "i", permission: "Invoices:write")
            },
            async: {
                _ = try await $0.organizations.can(
                    orgID: "o", identityID: "i", permission: "INVOICES")
            }),
        RefusalCase(
            name: "a wildcard permission", argument: "permission",
            blocking: {
                _ = try $0.organizations.can(orgID: "o", identityID: "i", permission: "*")
            },
            async: {
                _ = try await $0.organizations.can(
                    orgID: "o", identityID: "i", permission: "invoices:*")
            }),
        RefusalCase(
            name: "a reserved permission", argument: "permission",
            blocking: {
                _ = try $0.organizations.can(
                    orgID: "o", identityID: "i", permission: "nautilus:admin")
            },
            async: {
                _ = try await $0.organizations.authorize(
                    orgID: "o", identityID: "i", permission: "nautilus:x")
            }),
        RefusalCase(
            name: "a permission with an empty segment", argument: "permission",
            blocking: {
                _ = try $0.organizations.can(
                    orgID: "o", identityID: "i", permission: "invoices::write")
            },
            async: {
                _ = try await $0.organizations.can(
                    orgID: "o", identityID: "i", permission: ":write")
            }),
        RefusalCase(
            name: "a permission over 64 characters", argument: "permission",
            blocking: {
                _ = try $0.organizations.can(
                    orgID: "o", identityID: "i", permission: String(repeating: "a", count: 65))
            },
            async: {
                _ = try await $0.organizations.can(
                    orgID: "o", identityID: "i", permission: String(repeating: "a", count: 65))
            }),
        RefusalCase(
            name: "an empty permission", argument: "permission",
            blocking: { _ = try $0.organizations.can(orgID: "o", identityID: "i", permission: "") },
            async: {
                _ = try await $0.organizations.can(orgID: "o", identityID: "i", permission: "")
            }),
        RefusalCase(
            name: "an empty organization in a permission check", argument: "orgID",
            blocking: {
                _ = try $0.organizations.can(orgID: "", identityID: "i", permission: "a:b")
            },
            async: {
                _ = try await $0.organizations.can(orgID: "", identityID: "i", permission: "a:b")
            }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test(
        "permissions the service accepts pass the client's check",
        arguments: [
            "invoices:write", "a", "billing:invoices:read", "team_1:do-it",
            String(repeating: "a", count: 64),
        ])
    func acceptedPermission(_ permission: String) throws {
        let endpoint = try AuthorizeEndpoint(
            orgID: "org_1", identityID: "i", permission: permission)
        #expect(endpoint.path.encoded == "/v1/gate/authorize")
    }

    @Test("can is false on a denial, and errors are thrown rather than turned into false")
    func canDenied() async throws {
        let denied = WireRecorder(
            answer: .json(#"{"allowed": false, "decision_id": "d", "reason": "not_a_member"}"#))
        #expect(
            try await !denied.asyncGate().organizations.can(
                orgID: "o", identityID: "i", permission: "a:b"))

        let failing = WireRecorder(
            answer: .json(#"{"error": {"code": "invalid_payload", "message": "bad"}}"#, status: 400)
        )
        await #expect(throws: VerneAPIError.self) {
            try await failing.asyncGate().organizations.can(
                orgID: "o", identityID: "i", permission: "a:b")
        }
    }

    @Test("an organization decodes with its times")
    func organization() throws {
        let organization = try decode(GetOrganizationEndpoint(orgID: "org_1"), Fixture.organization)
        #expect(
            organization
                == Organization(
                    id: "org_1", name: "Acme", createdAt: march17.addingTimeInterval(0.25),
                    updatedAt: march17))
    }

    @Test("an organization without timestamps decodes, as the reference client allows")
    func organizationWithoutTimes() throws {
        let organization = try decode(
            GetOrganizationEndpoint(orgID: "org_1"), #"{"id": "org_1", "name": "Acme"}"#)
        #expect(organization == Organization(id: "org_1", name: "Acme"))
        #expect(organization.createdAt == nil)
        #expect(organization.updatedAt == nil)
    }

    @Test("a page of organizations decodes")
    func organizationPage() throws {
        let page = try decode(
            ListOrganizationsEndpoint(limit: nil, cursor: nil),
            Fixture.page(Fixture.organization, hasMore: true, next: "cur_2"))
        #expect(page.items.map(\.id) == ["org_1"])
        #expect(page.hasMore)
        #expect(page.nextCursor == "cur_2")
    }
}
