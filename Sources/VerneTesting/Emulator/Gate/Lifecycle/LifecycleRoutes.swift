import Foundation
import VerneCore

/// `/v1/gate/lifecycle/rules` and `/v1/gate/lifecycle/actions`.
///
/// A rule is written with exactly `{"enabled", "params"?}`; parameters are checked against
/// their kind's bounds (`400`), left out they keep the saved ones (a first write needs them,
/// except for `expire_roles`), and switching on a kind outside the plan is
/// `403 plan_required`. Switching a rule off, changing its parameters or deleting it
/// cancels what it scheduled; switching it on schedules its steps for everyone it covers.
/// An unknown kind in the path is `404`.
enum LifecycleRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        let rules = "/v1/gate/lifecycle/rules"
        router.add("GET", rules, access: access, handler: list)
        router.add("PUT", rules + "/{kind}", access: access, handler: set)
        router.add("DELETE", rules + "/{kind}", access: access, handler: delete)
        router.add("POST", rules + "/{kind}/preview", access: access, handler: preview)
        router.add("GET", "/v1/gate/lifecycle/actions", access: access, handler: actions)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let gate = state.tenants[call.tenantID]?.gate ?? GateState()
        return .ok([
            "tier": .string(gate.plan.tier),
            "rules": .array(LifecycleKinds.all.map { wire($0, gate) }),
        ])
    }

    private static func set(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let kind = try self.kind(call)
        let body = try call.objectBody()
        try Field.onlyMembers(body, ["enabled", "params"])
        let enabled = try Field.requiredBool(body, "enabled")
        let given = try body["params"].map { value -> [String: JSONValue] in
            guard let object = value.objectValue else {
                throw EmulatorFailure.invalidPayload("Field 'params' must be a JSON object.")
            }
            return try LifecycleKinds.check(object, for: kind)
        }

        return try state.withTenant(call.tenantID) { tenant throws -> EmulatorReply in
            let saved = tenant.gate.lifecycle.rules[kind]
            guard let params = given ?? saved?.params ?? (kind == "expire_roles" ? [:] : nil) else {
                throw EmulatorFailure.invalidPayload("A rule's first write needs 'params'.")
            }
            if enabled, !LifecycleKinds.isAvailable(kind, tier: tenant.gate.plan.tier) {
                throw EmulatorFailure(
                    status: 403, code: "plan_required",
                    message: "The \(tenant.gate.plan.tier) plan does not include the \(kind) rule.",
                    details: ["plan": .string(tenant.gate.plan.tier), "required_plan": "pro"])
            }
            let changed = saved?.enabled != enabled || saved?.params != params
            if saved?.enabled == true, changed {
                let reason = enabled ? "rule_changed" : "rule_disabled"
                tenant.gate.lifecycle.cancel(reason: reason, at: call.now) { $0.kind == kind }
            }
            let enabledAt = enabled ? (saved?.enabled == true ? saved?.enabledAt : call.now) : nil
            tenant.gate.lifecycle.rules[kind] = StoredLifecycleRule(
                kind: kind, enabled: enabled, params: params, enabledAt: enabledAt,
                updatedAt: call.now)
            if enabled, changed { tenant.gate.scheduleLifecycle(kind, at: call.now) }
            tenant.gate.audit(
                "lifecycle.rule_updated", call,
                target: AuditTarget(type: "lifecycle_rule", id: kind),
                details: [
                    "kind": .string(kind), "enabled": .bool(enabled), "params": .object(params),
                ])
            return .ok(wire(kind, tenant.gate))
        }
    }

    private static func delete(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let kind = try self.kind(call)
        state.withTenant(call.tenantID) { tenant in
            guard tenant.gate.lifecycle.rules.removeValue(forKey: kind) != nil else { return }
            tenant.gate.lifecycle.cancel(reason: "rule_deleted", at: call.now) { $0.kind == kind }
            tenant.gate.audit(
                "lifecycle.rule_deleted", call,
                target: AuditTarget(type: "lifecycle_rule", id: kind),
                details: ["kind": .string(kind)])
        }
        return .noContent
    }

    private static func preview(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let kind = try self.kind(call)
        let body = try call.objectBody()
        let params = try LifecycleKinds.check(
            try Field.optionalObject(body, "params") ?? [:], for: kind)
        let gate = state.tenants[call.tenantID]?.gate ?? GateState()
        let matching = gate.matchingNow(kind, params: params, at: call.now)
        return .ok([
            "kind": .string(kind),
            "available": .bool(LifecycleKinds.isAvailable(kind, tier: gate.plan.tier)),
            "matching_now": .integer(matching.count), "capped": .bool(matching.capped),
        ])
    }

    private static func actions(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let query = call.query.filter { !$0.value.isEmpty }
        if let status = query["status"], !LifecycleKinds.statuses.contains(status) {
            throw EmulatorFailure.invalidPayload(
                "'status' must be pending, done, cancelled or failed.")
        }
        if let kind = query["kind"], !LifecycleKinds.all.contains(kind) {
            throw EmulatorFailure.invalidPayload("Unknown rule kind '\(kind)'.")
        }
        let all = state.tenants[call.tenantID]?.gate.lifecycle.actions ?? []
        let matching = all.filter { action in
            (query["status"].map { action.status == $0 } ?? true)
                && (query["kind"].map { action.kind == $0 } ?? true)
                && (query["identity_id"].map { action.identityID == $0 } ?? true)
        }
        return .ok(
            try EmulatorPage.oldestFirst(
                matching, kind: "action", query: call.query, sequence: \.sequence, wire: \.wire))
    }

    private static func kind(_ call: RouteCall) throws -> String {
        let kind = call.parameter("kind")
        guard LifecycleKinds.all.contains(kind) else {
            throw EmulatorFailure.notFound("No lifecycle rule kind '\(kind)'.")
        }
        return kind
    }

    /// The Rule of the wire contract, set up or not.
    private static func wire(_ kind: String, _ gate: GateState) -> JSONValue {
        let rule = gate.lifecycle.rules[kind]
        let time = { (date: Date?) in date.map { JSONValue.string(EmulatorTime.gate($0)) } ?? .null
        }
        return [
            "kind": .string(kind), "configured": .bool(rule != nil),
            "enabled": .bool(rule?.enabled ?? false),
            "params": rule.map { .object($0.params) } ?? .null,
            "available": .bool(LifecycleKinds.isAvailable(kind, tier: gate.plan.tier)),
            "disabled_reason": rule?.disabledReason.map(JSONValue.string) ?? .null,
            "enabled_at": time(rule?.enabledAt),
            "updated_at": time(rule?.updatedAt),
            "pending": .integer(gate.lifecycle.pendingPeople(kind)),
        ]
    }
}
