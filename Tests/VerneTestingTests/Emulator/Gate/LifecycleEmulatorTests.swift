import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Lifecycle rules in the emulator")
struct LifecycleEmulatorTests {
    @discardableResult
    private func put(
        _ harness: EmulatorHarness, _ kind: String, _ body: JSONValue
    ) throws -> Answer {
        try harness.call(.put, "/v1/gate/lifecycle/rules/\(kind)", json: body)
    }

    @Test("the rules list has all four kinds and the free tier")
    func list() throws {
        let answer = try #require(try EmulatorHarness().call(.get, "/v1/gate/lifecycle/rules").json)
        let rules = try #require(answer["rules"]?.arrayValue)

        #expect(answer["tier"] == "free")
        #expect(
            rules.compactMap { $0["kind"]?.stringValue }
                == ["delete_unverified", "remind_unverified", "expire_roles", "delete_inactive"])
        #expect(rules.map { $0["available"] } == [true, false, false, false])
        #expect(
            rules.allSatisfy {
                $0["configured"] == false && $0["params"] == .null && $0["pending"] == 0
            })
    }

    @Test(
        "parameters outside their bounds are 400",
        arguments: [
            ("delete_unverified", #"{"delete_after_days": 1, "warn_before_days": 1}"#),
            ("delete_unverified", #"{"delete_after_days": 366, "warn_before_days": 1}"#),
            ("delete_unverified", #"{"delete_after_days": 14, "warn_before_days": 14}"#),
            ("delete_unverified", #"{"delete_after_days": 14, "warn_before_days": 0}"#),
            ("delete_unverified", #"{"delete_after_days": 14}"#),
            ("delete_unverified", #"{"delete_after_days": "14", "warn_before_days": 3}"#),
            ("delete_unverified", #"{"delete_after_days": 14, "warn_before_days": 3, "extra": 1}"#),
            ("remind_unverified", #"{"remind_after_hours": 0}"#),
            ("remind_unverified", #"{"remind_after_hours": 721}"#),
            ("expire_roles", #"{"anything": 1}"#),
            ("delete_inactive", #"{"inactive_after_months": 0, "warn_before_days": 7}"#),
            ("delete_inactive", #"{"inactive_after_months": 121, "warn_before_days": 7}"#),
            ("delete_inactive", #"{"inactive_after_months": 6, "warn_before_days": 6}"#),
            ("delete_inactive", #"{"inactive_after_months": 6, "warn_before_days": 91}"#),
            (
                "delete_inactive",
                #"{"inactive_after_months": 6, "warn_before_days": 7, "include_without_address": 1}"#
            ),
        ])
    func bounds(kind: String, params: String) throws {
        let harness = EmulatorHarness()
        try harness.emulator.setPlan("pro", forKey: "vrn_test")
        let body = Data(#"{"enabled": false, "params": \#(params)}"#.utf8)
        let preview = Data(#"{"params": \#(params)}"#.utf8)
        #expect(
            try harness.call(.put, "/v1/gate/lifecycle/rules/\(kind)", raw: body).errorCode
                == "invalid_payload")
        #expect(
            try harness.call(.post, "/v1/gate/lifecycle/rules/\(kind)/preview", raw: preview).status
                == 400)
    }

    @Test("the body is exactly {enabled, params?}; a first write needs params except expire_roles")
    func bodyShape() throws {
        let harness = EmulatorHarness()
        #expect(
            try put(harness, "delete_unverified", ["enabled": true]).errorCode == "invalid_payload")
        #expect(
            try put(harness, "delete_unverified", ["params": [:]]).errorCode == "invalid_payload")
        let extra: JSONValue = [
            "enabled": false, "kind": "x",
            "params": ["delete_after_days": 5, "warn_before_days": 1],
        ]
        #expect(try put(harness, "delete_unverified", extra).errorCode == "invalid_payload")
        #expect(try put(harness, "expire_roles", ["enabled": false]).json?["params"] == [:])
        #expect(try put(harness, "forever", ["enabled": false]).status == 404)
    }

    @Test("params left out keep the saved ones; the rule records enabled_at and updated_at")
    func keepParams() throws {
        let harness = EmulatorHarness()
        let params: JSONValue = ["delete_after_days": 14, "warn_before_days": 3]
        let created = try put(harness, "delete_unverified", ["enabled": false, "params": params])
            .json
        let switched = try put(harness, "delete_unverified", ["enabled": true]).json

        #expect(
            created?["configured"] == true && created?["enabled"] == false
                && created?["enabled_at"] == .null)
        #expect(switched?["params"] == params)
        #expect(switched?["enabled"] == true)
        #expect(switched?["enabled_at"]?.stringValue != nil)
        #expect(switched?["available"] == true)
    }

    @Test(
        "switching on a rule outside the free plan is 403 plan_required; configuring it off is fine"
    )
    func planLimit() throws {
        let harness = EmulatorHarness()
        let params: JSONValue = ["remind_after_hours": 24]

        let refused = try put(harness, "remind_unverified", ["enabled": true, "params": params])
        let off = try put(harness, "remind_unverified", ["enabled": false, "params": params])
        try harness.emulator.setPlan("pro", forKey: "vrn_test")
        let on = try put(harness, "remind_unverified", ["enabled": true])
        try harness.emulator.setPlan("free", forKey: "vrn_test")
        let demoted = try harness.call(.get, "/v1/gate/lifecycle/rules").json?["rules"]?[1]

        #expect(refused.status == 403)
        #expect(refused.errorCode == "plan_required")
        #expect(off.status == 200)
        #expect(on.json?["enabled"] == true)
        #expect(demoted?["enabled"] == false)
        #expect(demoted?["disabled_reason"] == "plan")
        #expect(throws: EmulatorSetupError.self) {
            try harness.emulator.setPlan("platinum", forKey: "vrn_test")
        }
    }

    @Test("delete is 204 also when there was no rule")
    func delete() throws {
        let harness = EmulatorHarness()
        try put(harness, "expire_roles", ["enabled": false])
        let path = "/v1/gate/lifecycle/rules/expire_roles"
        #expect(try harness.call(.delete, path).status == 204)
        #expect(try harness.call(.delete, path).status == 204)
        #expect(
            try harness.call(.get, "/v1/gate/lifecycle/rules").json?["rules"]?[2]?["configured"]
                == false)
    }

    @Test("preview counts who would get a step now, whatever the plan")
    func preview() throws {
        let harness = EmulatorHarness()
        _ = try harness.identityID("old@example.com")
        harness.emulator.clock.advance(by: .seconds(12 * 86_400))
        _ = try harness.identityID("new@example.com")
        let path = "/v1/gate/lifecycle/rules/delete_unverified/preview"

        let answer = try harness.call(
            .post, path, json: ["params": ["delete_after_days": 14, "warn_before_days": 3]]
        )
        .json
        let reminders = try harness.call(
            .post, "/v1/gate/lifecycle/rules/remind_unverified/preview",
            json: ["params": ["remind_after_hours": 1]]
        ).json

        #expect(
            answer == [
                "kind": "delete_unverified", "available": true, "matching_now": 1, "capped": false,
            ])
        #expect(reminders?["matching_now"] == 1)
        #expect(reminders?["available"] == false)
    }

    @Test(
        "an enabled rule schedules actions, carries them out with the clock, and cancels on switch-off"
    )
    func actions() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        try put(
            harness, "delete_unverified",
            ["enabled": true, "params": ["delete_after_days": 2, "warn_before_days": 1]])
        let bob = try harness.identityID("bob@example.com")
        let pending = try harness.call(.get, "/v1/gate/lifecycle/actions?status=pending").json?[
            "data"]?.arrayValue

        harness.emulator.clock.advance(by: .seconds(2 * 86_400 + 60))
        let deleted = try harness.call(.get, "/v1/gate/identities/\(ada)").status
        let done = try harness.call(
            .get, "/v1/gate/lifecycle/actions?status=done&identity_id=\(ada)"
        ).json

        #expect(pending?.count == 4)
        #expect(
            pending?.compactMap { $0["step"]?.stringValue } == ["warn", "delete", "warn", "delete"])
        #expect(pending?.first?["kind"] == "delete_unverified")
        #expect(deleted == 404)
        #expect(
            done?["data"]?.arrayValue?.compactMap { $0["step"]?.stringValue } == ["warn", "delete"])
        #expect(try harness.call(.get, "/v1/gate/identities/\(bob)").status == 404)
        #expect(try harness.auditActions("&action=identity.deleted").count == 2)
    }

    @Test("switching a rule off cancels what it scheduled; filters and paging work")
    func cancel() throws {
        let harness = EmulatorHarness()
        for index in 0..<3 { _ = try harness.identityID("u\(index)@example.com") }
        try put(
            harness, "delete_unverified",
            ["enabled": true, "params": ["delete_after_days": 30, "warn_before_days": 7]])
        let rules = try harness.call(.get, "/v1/gate/lifecycle/rules").json?["rules"]?[0]
        try put(harness, "delete_unverified", ["enabled": false])

        let cancelled = try harness.call(
            .get, "/v1/gate/lifecycle/actions?status=cancelled&limit=4"
        ).json
        let pending = try harness.call(.get, "/v1/gate/lifecycle/actions?status=pending").json

        #expect(rules?["pending"] == 3)
        #expect(cancelled?["data"]?.arrayValue?.count == 4)
        #expect(cancelled?["has_more"] == true)
        #expect(cancelled?["data"]?[0]?["reason"] == "rule_disabled")
        #expect(cancelled?["data"]?[0]?["finished_at"]?.stringValue != nil)
        #expect(pending?["data"] == [])
        #expect(try harness.call(.get, "/v1/gate/lifecycle/actions?status=lost").status == 400)
        #expect(try harness.call(.get, "/v1/gate/lifecycle/actions?kind=forever").status == 400)
    }

    @Test("expire_roles removes a membership at its deadline")
    func expireRoles() throws {
        let harness = EmulatorHarness()
        try harness.emulator.setPlan("pro", forKey: "vrn_test")
        try put(harness, "expire_roles", ["enabled": true])
        let org = try harness.organizationID()
        let ada = try harness.identityID("ada@example.com")
        let deadline = RFC3339.string(from: harness.emulator.clock.now.addingTimeInterval(3600))
        try harness.addMember(
            ada, to: org, role: try harness.roleID(in: org, "r", []), expiresAt: .string(deadline))

        harness.emulator.clock.advance(by: .seconds(3601))
        let actions = try harness.call(.get, "/v1/gate/lifecycle/actions?kind=expire_roles").json?[
            "data"]

        #expect(actions?[0]?["step"] == "revoke")
        #expect(actions?[0]?["status"] == "done")
        #expect(try harness.auditActions("&action=organization.member_removed").count == 1)
    }
}
