import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Audit log")
struct AuditLogTests {
    /// 2026-03-01T00:00:00Z and 2026-04-01T00:00:00.5Z.
    static let start = instant(1_772_323_200)
    static let end = instant(1_775_001_600.5)

    static let cases: [WireCase] = [
        WireCase(
            name: "list with no filter",
            answer: .json(Fixture.page(Fixture.auditEntry)),
            wire: Wire(method: .get, path: "/v1/gate/audit-log"),
            blocking: { _ = try $0.auditLog.list() },
            async: { _ = try await $0.auditLog.list() }),
        WireCase(
            name: "list with every filter",
            answer: .json(Fixture.page(Fixture.auditEntry)),
            wire: Wire(
                method: .get, path: "/v1/gate/audit-log",
                query: "limit=25&cursor=c9&action=organization.member_added&actor_id=key_1"
                    + "&actor_type=api_key&target_id=org_1&from=2026-03-01T00%3A00%3A00Z"
                    + "&to=2026-04-01T00%3A00%3A00.500Z"),
            blocking: {
                _ = try $0.auditLog.list(
                    action: "organization.member_added", actorID: "key_1", actorType: .apiKey,
                    targetID: "org_1", from: start, to: end, limit: 25, cursor: "c9")
            },
            async: {
                _ = try await $0.auditLog.list(
                    action: "organization.member_added", actorID: "key_1", actorType: .apiKey,
                    targetID: "org_1", from: start, to: end, limit: 25, cursor: "c9")
            }),
        WireCase(
            name: "an open actor type is sent as given",
            answer: .json(Fixture.page(Fixture.auditEntry)),
            wire: Wire(method: .get, path: "/v1/gate/audit-log", query: "actor_type=robot"),
            blocking: { _ = try $0.auditLog.list(actorType: "robot") },
            async: { _ = try await $0.auditLog.list(actorType: AuditActorType(rawValue: "robot")) }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "to before from", argument: "to",
            blocking: { _ = try $0.auditLog.list(from: end, to: start) },
            async: { _ = try await $0.auditLog.list(from: end, to: start) }),
        RefusalCase(
            name: "to equal to from", argument: "to",
            blocking: { _ = try $0.auditLog.list(from: start, to: start) },
            async: { _ = try await $0.auditLog.list(from: start, to: start) }),
        RefusalCase(
            name: "a page size below 1", argument: "limit",
            blocking: { _ = try $0.auditLog.list(limit: 0) },
            async: { _ = try await $0.auditLog.list(limit: 0) }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("an entry decodes with nanosecond time, actor, target and details")
    func entry() throws {
        let endpoint = try ListAuditLogEndpoint(filter: .init(), limit: nil, cursor: nil)
        let entry = try #require(try decode(endpoint, Fixture.page(Fixture.auditEntry)).items.first)

        #expect(entry.id == "aud_1")
        #expect(abs(entry.occurredAt.timeIntervalSince(march17) - 0.987654321) < 0.000_001)
        #expect(entry.action == "organization.member_added")
        #expect(entry.actor == AuditLogEntry.Actor(type: .apiKey, id: "key_1"))
        #expect(entry.target == AuditLogEntry.Target(type: "organization", id: "org_1"))
        #expect(entry.projectID == "prj_1")
        #expect(entry.details == ["role_id": "rol_1"])
        #expect(entry.ip == "203.0.113.7")
        #expect(entry.userAgent == "verne-swift")
    }

    @Test("a sparse entry decodes: no target, no details, an unknown actor type")
    func sparseEntry() throws {
        let endpoint = try ListAuditLogEndpoint(filter: .init(), limit: nil, cursor: nil)
        let entry = try #require(
            try decode(
                endpoint,
                Fixture.page(
                    #"{"id": "a", "occurred_at": "2026-03-17T12:00:00Z", "action": "x.y", "#
                        + #""actor": {"type": "robot"}}"#)
            ).items.first)

        #expect(entry.actor.type == "robot")
        #expect(entry.actor.id == nil)
        #expect(entry.target == nil)
        #expect(entry.details == [:])
        #expect(entry.projectID == nil)
    }

    @Test("the documented actor types have their wire strings")
    func actorTypes() {
        let types: [AuditActorType] = [.teamMember, .apiKey, .endUser, .system, .staff]
        #expect(types.map(\.rawValue) == ["team_member", "api_key", "end_user", "system", "staff"])
    }
}
