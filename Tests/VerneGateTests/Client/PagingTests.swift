import Foundation
import Testing
import VerneCore
import VerneGate

/// A list whose auto-paging form is checked across three pages.
struct PagingCase: Sendable, CustomTestStringConvertible {
    let name: String
    /// The path every page is read from.
    let path: String
    /// The filters every page must carry, before `limit` and `cursor`, or after them.
    let query: @Sendable (_ cursor: String?) -> String
    /// Page answers, as a function of the item ID.
    let item: @Sendable (String) -> String
    let blocking: @Sendable (Gate) throws -> [String]
    let async: @Sendable (AsyncGate) async throws -> [String]

    var testDescription: String { name }
}

@Suite("Auto-paging follows next_cursor while has_more")
struct PagingTests {
    static let identityFields = #""role": "admin", "permissions": []"#
    static let times =
        #""created_at": "2026-03-17T12:00:00Z", "updated_at": "2026-03-17T12:00:00Z""#

    static func pageQuery(_ cursor: String?, filters: String = "") -> String {
        "limit=100" + (cursor.map { "&cursor=\($0)" } ?? "") + filters
    }

    static let cases: [PagingCase] = [
        PagingCase(
            name: "organizations", path: "/v1/gate/organizations", query: { pageQuery($0) },
            item: { #"{"id": "\#($0)", "name": "n", \#(times)}"# },
            blocking: { try $0.organizations.all().collect().map(\.id) },
            async: { try await $0.organizations.all().reduce(into: []) { $0.append($1.id) } }),
        PagingCase(
            name: "roles", path: "/v1/gate/organizations/org_1/roles", query: { pageQuery($0) },
            item: { #"{"id": "\#($0)", "organization_id": "org_1", "name": "n", \#(times)}"# },
            blocking: { try $0.organizations.roles(in: "org_1").all().collect().map(\.id) },
            async: {
                try await $0.organizations.roles(in: "org_1").all().reduce(into: []) {
                    $0.append($1.id)
                }
            }),
        PagingCase(
            name: "members", path: "/v1/gate/organizations/org_1/members", query: { pageQuery($0) },
            item: {
                #"{"organization_id": "org_1", "identity_id": "\#($0)", "role_id": "r", \#(times)}"#
            },
            blocking: {
                try $0.organizations.members(of: "org_1").all().collect().map(\.identityID)
            },
            async: {
                try await $0.organizations.members(of: "org_1").all().reduce(into: []) {
                    $0.append($1.identityID)
                }
            }),
        PagingCase(
            name: "organizations of a user", path: "/v1/gate/identities/idn_1/organizations",
            query: { pageQuery($0) },
            item: { #"{"id": "\#($0)", \#(identityFields)}"# },
            blocking: { try $0.identities.allOrganizations(of: "idn_1").collect().map(\.id) },
            async: {
                try await $0.identities.allOrganizations(of: "idn_1").reduce(into: []) {
                    $0.append($1.id)
                }
            }),
        PagingCase(
            name: "audit log, filters kept on every page", path: "/v1/gate/audit-log",
            query: { pageQuery($0, filters: "&action=identity.login&actor_type=end_user") },
            item: {
                #"{"id": "\#($0)", "occurred_at": "2026-03-17T12:00:00Z", "action": "identity.login", "#
                    + #""actor": {"type": "end_user"}, "details": {}}"#
            },
            blocking: {
                try $0.auditLog.all(action: "identity.login", actorType: .endUser).collect().map(
                    \.id)
            },
            async: {
                try await $0.auditLog.all(action: "identity.login", actorType: .endUser)
                    .reduce(into: []) { $0.append($1.id) }
            }),
        PagingCase(
            name: "lifecycle actions, filters kept on every page",
            path: "/v1/gate/lifecycle/actions",
            query: { cursor in
                "status=done&kind=expire_roles&limit=100" + (cursor.map { "&cursor=\($0)" } ?? "")
            },
            item: {
                #"{"id": "\#($0)", "kind": "expire_roles", "step": "revoke", "identity_id": "i", "#
                    + #""status": "done", "basis_at": "2026-03-17T12:00:00Z", "#
                    + #""due_at": "2026-03-17T12:00:00Z", "created_at": "2026-03-17T12:00:00Z"}"#
            },
            blocking: {
                try $0.lifecycle.allActions(status: .done, kind: .expireRoles).collect().map(\.id)
            },
            async: {
                try await $0.lifecycle.allActions(status: .done, kind: .expireRoles)
                    .reduce(into: []) { $0.append($1.id) }
            }),
    ]

    /// Three pages: two items, one item, then the last page with has_more false.
    static func answers(_ item: (String) -> String) -> [HTTPResponse] {
        [
            .json(
                #"{"data": [\#(item("p1a")), \#(item("p1b"))], "has_more": true, "next_cursor": "c2"}"#
            ),
            .json(#"{"data": [\#(item("p2a"))], "has_more": true, "next_cursor": "c3"}"#),
            .json(#"{"data": [\#(item("p3a"))], "has_more": false, "next_cursor": null}"#),
        ]
    }

    @Test("every item of every page, in order, the same filters on each page", arguments: cases)
    func allPages(_ testCase: PagingCase) async throws {
        let blockingRecorder = WireRecorder(Self.answers(testCase.item))
        let asyncRecorder = WireRecorder(Self.answers(testCase.item))

        let expected = ["p1a", "p1b", "p2a", "p3a"]
        #expect(try testCase.blocking(blockingRecorder.gate()) == expected)
        #expect(try await testCase.async(asyncRecorder.asyncGate()) == expected)

        for recorder in [blockingRecorder, asyncRecorder] {
            let requests = recorder.requests
            #expect(requests.map(\.path) == Array(repeating: testCase.path, count: 3))
            #expect(requests.map(\.encodedQuery) == [nil, "c2", "c3"].map(testCase.query))
        }
    }

    @Test("paging stops on has_more false even when a cursor is given")
    func stopsOnHasMore() async throws {
        let org = #"{"id": "o", "name": "n", \#(Self.times)}"#
        let recorder = WireRecorder(
            answer: .json(#"{"data": [\#(org)], "has_more": false, "next_cursor": "zzz"}"#))
        let ids = try await recorder.asyncGate().organizations.all().reduce(into: []) {
            $0.append($1.id)
        }
        #expect(ids == ["o"])
        #expect(recorder.requests.count == 1)
    }

    @Test("an empty page with has_more true is followed, not taken for the end")
    func emptyPageInTheMiddle() throws {
        let org = #"{"id": "o", "name": "n", \#(Self.times)}"#
        let recorder = WireRecorder([
            .json(#"{"data": [], "has_more": true, "next_cursor": "c2"}"#),
            .json(#"{"data": [\#(org)], "has_more": false, "next_cursor": null}"#),
        ])
        #expect(try recorder.gate().organizations.all(pageSize: 10).collect().map(\.id) == ["o"])
        #expect(recorder.requests.map(\.encodedQuery) == ["limit=10", "limit=10&cursor=c2"])
    }
}
