import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Authorization")
struct AuthorizationTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "authorize without context",
            answer: .json(Fixture.decision),
            wire: Wire(
                method: .post, path: "/v1/gate/authorize",
                body:
                    #"{"action":"relay.messages.read","resource":"tenant:ten_001","subject":"usr_123"}"#
            ),
            blocking: {
                _ = try $0.authorize(
                    subject: "usr_123", action: "relay.messages.read", resource: "tenant:ten_001")
            },
            async: {
                _ = try await $0.authorize(
                    subject: "usr_123", action: "relay.messages.read", resource: "tenant:ten_001")
            }),
        WireCase(
            name: "authorize with context",
            answer: .json(Fixture.decision),
            wire: Wire(
                method: .post, path: "/v1/gate/authorize",
                body:
                    #"{"action":"read","context":{"ip":"203.0.113.7"},"resource":"doc:1","subject":"u"}"#
            ),
            blocking: {
                _ = try $0.authorize(
                    subject: "u", action: "read", resource: "doc:1", context: ["ip": "203.0.113.7"])
            },
            async: {
                _ = try await $0.authorize(
                    subject: "u", action: "read", resource: "doc:1", context: ["ip": "203.0.113.7"])
            }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "an empty subject", argument: "subject",
            blocking: { _ = try $0.authorize(subject: "", action: "a", resource: "r") },
            async: { _ = try await $0.authorize(subject: "", action: "a", resource: "r") }),
        RefusalCase(
            name: "an empty action", argument: "action",
            blocking: { _ = try $0.authorize(subject: "s", action: "", resource: "r") },
            async: { _ = try await $0.authorize(subject: "s", action: "", resource: "r") }),
        RefusalCase(
            name: "an empty resource", argument: "resource",
            blocking: { _ = try $0.authorize(subject: "s", action: "a", resource: "") },
            async: { _ = try await $0.authorize(subject: "s", action: "a", resource: "") }),
        RefusalCase(
            name: "a context that is not an object", argument: "context",
            blocking: {
                _ = try $0.authorize(subject: "s", action: "a", resource: "r", context: [1])
            },
            async: {
                _ = try await $0.authorize(subject: "s", action: "a", resource: "r", context: "x")
            }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("authorization is a read-only POST, safe to repeat")
    func repeatability() throws {
        let endpoint = try AuthorizeEndpoint(subject: "s", action: "a", resource: "r", context: nil)
        #expect(endpoint.method == .post)
        #expect(endpoint.repeatability == .safe)
    }

    @Test("a decision decodes, unknown members ignored")
    func decision() throws {
        let decision = try decode(
            AuthorizeEndpoint(subject: "s", action: "a", resource: "r", context: nil),
            Fixture.decision)

        #expect(decision.allowed)
        #expect(decision.decisionID == "dec_1")
        #expect(decision.reason == .memberWithPermission)
        #expect(decision.role == "admin")
        #expect(decision.message == nil)
    }

    @Test("a denial with a sentence")
    func denialWithMessage() throws {
        let decision = try decode(
            AuthorizeEndpoint(subject: "s", action: "a", resource: "r", context: nil),
            #"{"allowed": false, "decision_id": "dec_2", "reason": "not_owned_by_tenant", "#
                + #""message": "The subject belongs to another tenant."}"#)

        #expect(!decision.allowed)
        #expect(decision.reason == .notOwnedByTenant)
        #expect(decision.message == "The subject belongs to another tenant.")
    }

    @Test("an unknown reason decodes and is a denial")
    func unknownReason() throws {
        let decision = try decode(
            AuthorizeEndpoint(subject: "s", action: "a", resource: "r", context: nil),
            #"{"allowed": false, "decision_id": "dec_3", "reason": "quota_exceeded"}"#)

        #expect(!decision.allowed)
        #expect(decision.reason == Decision.Reason(rawValue: "quota_exceeded"))
        #expect(!Decision.Reason.documented.contains(decision.reason))
    }

    @Test("a decision without a usable allowed member fails closed")
    func failsClosed() throws {
        let endpoint = try AuthorizeEndpoint(subject: "s", action: "a", resource: "r", context: nil)
        #expect(try !decode(endpoint, #"{"decision_id": "d"}"#).allowed)
        #expect(try !decode(endpoint, #"{"allowed": "true", "reason": "owned_by_tenant"}"#).allowed)
        #expect(try !decode(endpoint, #"{"allowed": 1}"#).allowed)
    }

    @Test("every documented reason has its wire string")
    func reasons() {
        #expect(
            Decision.Reason.documented.map(\.rawValue) == [
                "member_with_permission", "member_without_permission", "not_a_member",
                "subject_inactive", "no_such_organization", "owned_by_tenant",
                "not_owned_by_tenant", "not_a_known_identity",
            ])
    }
}
