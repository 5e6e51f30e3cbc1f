import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Organizations in the emulator")
struct OrganizationEmulatorTests {
    @Test("create answers 201 with the four fields; get and rename find it")
    func lifecycle() throws {
        let harness = EmulatorHarness()
        let created = try harness.call(.post, "/v1/gate/organizations", json: ["name": "Acme"])
        let id = try #require(created.json?["id"]?.stringValue)

        harness.emulator.clock.advance(by: .seconds(5))
        let renamed = try harness.call(
            .patch, "/v1/gate/organizations/\(id)", json: ["name": "Acme Ltd"])
        let fetched = try harness.call(.get, "/v1/gate/organizations/\(id)").json

        #expect(created.status == 201)
        #expect(id.hasPrefix("org_"))
        #expect(created.json?["name"] == "Acme")
        #expect(created.json?["created_at"] == created.json?["updated_at"])
        #expect(renamed.json?["name"] == "Acme Ltd")
        #expect(fetched?["name"] == "Acme Ltd")
        #expect(fetched?["created_at"] == created.json?["created_at"])
        #expect(fetched?["updated_at"] != created.json?["updated_at"])
    }

    @Test(
        "a name must be 1 to 120 characters",
        arguments: [
            #"{"name": ""}"#, #"{"name": "   "}"#, #"{}"#, #"{"name": 7}"#,
            "{\"name\": \"\(String(repeating: "a", count: 121))\"}",
        ])
    func nameRule(body: String) throws {
        let answer = try EmulatorHarness().call(
            .post, "/v1/gate/organizations", raw: Data(body.utf8))
        #expect(answer.status == 400)
        #expect(answer.errorCode == "invalid_payload")
    }

    @Test("120 characters is accepted, and names need not be unique")
    func nameEdges() throws {
        let harness = EmulatorHarness()
        let long = String(repeating: "é", count: 120)
        #expect(
            try harness.call(.post, "/v1/gate/organizations", json: ["name": .string(long)]).status
                == 201)
        #expect(
            try harness.call(.post, "/v1/gate/organizations", json: ["name": "Twin"]).status == 201)
        #expect(
            try harness.call(.post, "/v1/gate/organizations", json: ["name": "Twin"]).status == 201)
    }

    @Test("the list is oldest first and pages with next_cursor")
    func paging() throws {
        let harness = EmulatorHarness()
        let ids = try (1...5).map { try harness.organizationID("Org \($0)") }

        var seen: [String] = []
        var cursor: String?
        var pages = 0
        repeat {
            let query = "?limit=2" + (cursor.map { "&cursor=\($0)" } ?? "")
            let page = try #require(try harness.call(.get, "/v1/gate/organizations" + query).json)
            seen += page["data"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
            cursor = page["next_cursor"]?.stringValue
            pages += 1
            #expect((page["has_more"] == true) == (cursor != nil))
        } while cursor != nil

        #expect(seen == ids)
        #expect(pages == 3)
        #expect(try harness.call(.get, "/v1/gate/organizations?cursor=bogus").status == 400)
    }

    @Test("another tenant's organization is 404 and not listed")
    func tenantIsolation() throws {
        let harness = EmulatorHarness()
        let id = try harness.organizationID()
        let stranger = harness.with(key: "vrn_stranger")

        #expect(try stranger.call(.get, "/v1/gate/organizations/\(id)").status == 404)
        #expect(try stranger.call(.get, "/v1/gate/organizations").json?["data"] == [])
        #expect(try stranger.call(.delete, "/v1/gate/organizations/\(id)").status == 404)
    }

    @Test("delete is 204 and takes roles and memberships with it")
    func deleteCascades() throws {
        let harness = EmulatorHarness()
        let org = try harness.organizationID()
        let role = try harness.roleID(in: org, "admin", ["invoices:write"])
        let ada = try harness.identityID("ada@example.com")
        try harness.addMember(ada, to: org, role: role)

        let deleted = try harness.call(.delete, "/v1/gate/organizations/\(org)")

        #expect(deleted.status == 204)
        #expect(try harness.call(.get, "/v1/gate/organizations/\(org)").status == 404)
        #expect(try harness.call(.get, "/v1/gate/organizations/\(org)/roles/\(role)").status == 404)
        #expect(
            try harness.call(.get, "/v1/gate/identities/\(ada)/organizations").json?["data"] == [])
        #expect(
            try harness.authorize(ada, "invoices:write", in: org).json?["reason"]
                == "no_such_organization")
    }

    @Test("a user's organizations are OrgClaims of live memberships, oldest first")
    func identityOrganizations() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let first = try harness.organizationID("First")
        let second = try harness.organizationID("Second")
        let reader = try harness.roleID(in: second, "reader", ["docs:read", "docs:read", "a:b"])
        let admin = try harness.roleID(in: first, "admin", ["x"])
        try harness.addMember(ada, to: second, role: reader)
        try harness.addMember(ada, to: first, role: admin)

        let page = try harness.call(.get, "/v1/gate/identities/\(ada)/organizations?limit=1").json
        let rest = try harness.call(
            .get,
            "/v1/gate/identities/\(ada)/organizations?cursor=\(page?["next_cursor"]?.stringValue ?? "")"
        ).json

        #expect(
            page?["data"] == [
                ["id": .string(second), "role": "reader", "permissions": ["a:b", "docs:read"]]
            ])
        #expect(rest?["data"] == [["id": .string(first), "role": "admin", "permissions": ["x"]]])
        #expect(rest?["has_more"] == false)
        let stranger = harness.with(key: "vrn_stranger")
        #expect(
            try stranger.call(.get, "/v1/gate/identities/\(ada)/organizations").errorCode
                == "forbidden")
        #expect(try harness.call(.get, "/v1/gate/identities/nobody/organizations").status == 404)
    }
}
