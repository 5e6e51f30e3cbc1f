import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Lifecycle rules")
struct LifecycleTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "list rules",
            answer: .json(Fixture.lifecycleRules),
            wire: Wire(method: .get, path: "/v1/gate/lifecycle/rules"),
            blocking: { _ = try $0.lifecycle.rules() },
            async: { _ = try await $0.lifecycle.rules() }),
        WireCase(
            name: "set a rule with params",
            answer: .json(Fixture.lifecycleRule),
            wire: Wire(
                method: .put, path: "/v1/gate/lifecycle/rules/delete_unverified",
                body: #"{"enabled":true,"params":{"delete_after_days":30,"warn_before_days":7}}"#),
            blocking: {
                try $0.lifecycle.setRule(
                    .deleteUnverified, enabled: true,
                    params: ["delete_after_days": 30, "warn_before_days": 7])
            },
            async: {
                try await $0.lifecycle.setRule(
                    .deleteUnverified, enabled: true,
                    params: ["delete_after_days": 30, "warn_before_days": 7])
            }),
        WireCase(
            name: "switch a rule off, keeping its params: params left out",
            answer: .json(Fixture.lifecycleRule),
            wire: Wire(
                method: .put, path: "/v1/gate/lifecycle/rules/delete_unverified",
                body: #"{"enabled":false}"#),
            blocking: { try $0.lifecycle.setRule(.deleteUnverified, enabled: false) },
            async: { try await $0.lifecycle.setRule(.deleteUnverified, enabled: false) }),
        WireCase(
            name: "delete a rule",
            answer: .noContent,
            wire: Wire(method: .delete, path: "/v1/gate/lifecycle/rules/expire_roles"),
            blocking: { try $0.lifecycle.deleteRule(.expireRoles) },
            async: { try await $0.lifecycle.deleteRule(.expireRoles) }),
        WireCase(
            name: "preview with params",
            answer: .json(Fixture.lifecyclePreview),
            wire: Wire(
                method: .post, path: "/v1/gate/lifecycle/rules/delete_inactive/preview",
                body: #"{"params":{"inactive_after_months":12,"warn_before_days":30}}"#),
            blocking: {
                _ = try $0.lifecycle.preview(
                    .deleteInactive, params: ["inactive_after_months": 12, "warn_before_days": 30])
            },
            async: {
                _ = try await $0.lifecycle.preview(
                    .deleteInactive, params: ["inactive_after_months": 12, "warn_before_days": 30])
            }),
        WireCase(
            name: "preview without params sends an empty object",
            answer: .json(Fixture.lifecyclePreview),
            wire: Wire(
                method: .post, path: "/v1/gate/lifecycle/rules/expire_roles/preview",
                body: #"{"params":{}}"#),
            blocking: { _ = try $0.lifecycle.preview(.expireRoles) },
            async: { _ = try await $0.lifecycle.preview(.expireRoles) }),
        WireCase(
            name: "list actions with every filter",
            answer: .json(Fixture.page(Fixture.lifecycleAction)),
            wire: Wire(
                method: .get, path: "/v1/gate/lifecycle/actions",
                query:
                    "status=pending&kind=remind_unverified&identity_id=idn_123&limit=10&cursor=c2"),
            blocking: {
                _ = try $0.lifecycle.actions(
                    status: .pending, kind: .remindUnverified, identityID: "idn_123", limit: 10,
                    cursor: "c2")
            },
            async: {
                _ = try await $0.lifecycle.actions(
                    status: .pending, kind: .remindUnverified, identityID: "idn_123", limit: 10,
                    cursor: "c2")
            }),
        WireCase(
            name: "list actions with no filter",
            answer: .json(Fixture.page(Fixture.lifecycleAction)),
            wire: Wire(method: .get, path: "/v1/gate/lifecycle/actions"),
            blocking: { _ = try $0.lifecycle.actions() },
            async: { _ = try await $0.lifecycle.actions() }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "params that are not an object", argument: "params",
            blocking: { try $0.lifecycle.setRule(.deleteUnverified, enabled: true, params: [30]) },
            async: { _ = try await $0.lifecycle.preview(.deleteUnverified, params: nil) }),
        RefusalCase(
            name: "an empty kind", argument: "kind",
            blocking: { try $0.lifecycle.deleteRule("") },
            async: { try await $0.lifecycle.setRule("..", enabled: true) }),
        RefusalCase(
            name: "a page size below 1", argument: "limit",
            blocking: { _ = try $0.lifecycle.actions(limit: 0) },
            async: { _ = try await $0.lifecycle.actions(limit: 0) }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("the rules and the plan decode, null params and times included")
    func rules() throws {
        let rules = try decode(ListLifecycleRulesEndpoint(), Fixture.lifecycleRules)

        #expect(rules.tier == "free")
        let first = try #require(rules.rule(.deleteUnverified))
        #expect(first.configured && first.enabled && first.available)
        #expect(first.params == ["delete_after_days": 30, "warn_before_days": 7])
        #expect(first.enabledAt == march17)
        #expect(first.pending == 4)

        let second = try #require(rules.rule(.expireRoles))
        #expect(second.params == nil)
        #expect(second.disabledReason == "plan")
        #expect(second.enabledAt == nil)
        #expect(!second.available)
        #expect(rules.rule(.deleteInactive) == nil)
    }

    @Test("a rule, a preview and an action decode")
    func answers() throws {
        let rule = try decode(
            SetLifecycleRuleEndpoint(kind: .deleteUnverified, enabled: true, params: nil),
            Fixture.lifecycleRule)
        #expect(rule.kind == .deleteUnverified)
        #expect(!rule.enabled)
        #expect(rule.updatedAt == march17)

        let preview = try decode(
            PreviewLifecycleRuleEndpoint(kind: .deleteInactive, params: [:]),
            Fixture.lifecyclePreview)
        #expect(
            preview
                == LifecyclePreview(
                    kind: .deleteInactive, available: false, matchingNow: 1000, capped: true))

        let page = try decode(
            ListLifecycleActionsEndpoint(
                status: nil, kind: nil, identityID: nil, limit: nil, cursor: nil),
            Fixture.page(Fixture.lifecycleAction))
        let action = try #require(page.items.first)
        #expect(action.id == "lca_1")
        #expect(action.kind == .deleteUnverified)
        #expect(action.step == .warn)
        #expect(action.status == .done)
        #expect(action.identityID == "idn_123")
        #expect(action.basisAt == instant(1_772_323_200))
        #expect(abs(action.dueAt.timeIntervalSince(march17) - 0.000_001) < 0.000_000_5)
        #expect(action.reason == nil)
        #expect(action.finishedAt == march17.addingTimeInterval(1))
    }

    @Test("an action without created_at decodes, as the reference client allows")
    func actionWithoutCreatedAt() throws {
        let page = try decode(
            ListLifecycleActionsEndpoint(
                status: nil, kind: nil, identityID: nil, limit: nil, cursor: nil),
            Fixture.page(
                #"{"id": "lca_2", "kind": "delete_unverified", "step": "remind", "#
                    + #""identity_id": "idn_1", "status": "pending", "#
                    + #""basis_at": "2026-03-01T00:00:00Z", "due_at": "2026-03-17T12:00:00Z"}"#))
        let action = try #require(page.items.first)
        #expect(action.createdAt == nil)
        #expect(action.dueAt == march17)
    }

    @Test("a preview is a read-only POST, safe to repeat")
    func previewIsSafe() throws {
        #expect(
            try PreviewLifecycleRuleEndpoint(kind: .expireRoles, params: [:]).repeatability == .safe
        )
    }

    @Test("kinds, steps and statuses have their wire strings")
    func wireStrings() {
        let kinds: [LifecycleRuleKind] = [
            .deleteUnverified, .remindUnverified, .expireRoles, .deleteInactive,
        ]
        #expect(
            kinds.map(\.rawValue) == [
                "delete_unverified", "remind_unverified", "expire_roles", "delete_inactive",
            ])
        let steps: [LifecycleAction.Step] = [.remind, .warn, .delete, .revoke]
        #expect(steps.map(\.rawValue) == ["remind", "warn", "delete", "revoke"])
        let statuses: [LifecycleAction.Status] = [.pending, .done, .cancelled, .failed]
        #expect(statuses.map(\.rawValue) == ["pending", "done", "cancelled", "failed"])
    }
}
