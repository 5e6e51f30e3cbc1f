import Foundation
import VerneCore

/// `GET /v1/gate/audit-log`: the tenant's entries, newest first, filtered.
///
/// `action` must be one of ``AuditActions/known`` (`400` otherwise); `actor_type`,
/// `actor_id` and `target_id` match exactly (the actor types are an open set); `from`
/// keeps entries at or after it and `to` entries before it, and `to` must be later than
/// `from`.
enum AuditLogRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        router.add("GET", "/v1/gate/audit-log", access: .apiKey(.gate), handler: list)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let query = call.query.filter { !$0.value.isEmpty }
        if let action = query["action"], !AuditActions.known.contains(action) {
            throw EmulatorFailure.invalidPayload("Unknown audit action '\(action)'.")
        }
        let from = try time(query["from"], "from")
        let to = try time(query["to"], "to")
        if let from, let to, to <= from {
            throw EmulatorFailure.invalidPayload("'to' must be later than 'from'.")
        }

        let entries = (state.tenants[call.tenantID]?.gate.auditLog ?? []).filter { entry in
            (query["action"].map { entry.action == $0 } ?? true)
                && (query["actor_type"].map { entry.actor.type == $0 } ?? true)
                && (query["actor_id"].map { entry.actor.id == $0 } ?? true)
                && (query["target_id"].map { entry.target?.id == $0 } ?? true)
                && (from.map { entry.occurredAt >= $0 } ?? true)
                && (to.map { entry.occurredAt < $0 } ?? true)
        }
        let tenantID = call.tenantID
        return .ok(
            try EmulatorPage.newestFirst(
                entries, kind: "audit", query: call.query, sequence: \.sequence,
                wire: { $0.wire(projectID: tenantID) }))
    }

    private static func time(_ text: String?, _ name: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = EmulatorTime.parse(text) else {
            throw EmulatorFailure.invalidPayload("'\(name)' must be an RFC 3339 time.")
        }
        return date
    }
}
