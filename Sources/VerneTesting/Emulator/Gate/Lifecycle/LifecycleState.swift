import Foundation
import VerneCore

/// A lifecycle rule as a tenant set it up.
struct StoredLifecycleRule: Sendable {
    var kind: String
    var enabled: Bool
    var params: [String: JSONValue]
    var enabledAt: Date?
    var updatedAt: Date
    /// `plan` when a plan change switched the rule off.
    var disabledReason: String?
}

/// Something a rule scheduled or did to one person.
struct LifecycleAction: Sendable {
    var sequence: Int
    /// `lca_…`.
    var id: String
    var kind: String
    /// `remind`, `warn`, `delete` or `revoke`.
    var step: String
    var identityID: String
    /// The organization of a `revoke` step; not on the wire.
    var organizationID: String?
    /// `pending`, `done`, `cancelled` or `failed`.
    var status = "pending"
    var basisAt: Date
    var dueAt: Date
    var reason: String?
    var createdAt: Date
    var finishedAt: Date?

    /// The Action of the wire contract.
    var wire: JSONValue {
        [
            "id": .string(id), "kind": .string(kind), "step": .string(step),
            "identity_id": .string(identityID), "status": .string(status),
            "basis_at": .string(EmulatorTime.gate(basisAt)),
            "due_at": .string(EmulatorTime.gate(dueAt)),
            "reason": reason.map(JSONValue.string) ?? .null,
            "created_at": .string(EmulatorTime.gate(createdAt)),
            "finished_at": finishedAt.map { .string(EmulatorTime.gate($0)) } ?? .null,
        ]
    }
}

/// One tenant's lifecycle rules and the actions they scheduled, oldest first.
struct LifecycleState: Sendable {
    var rules: [String: StoredLifecycleRule] = [:]
    var actions: [LifecycleAction] = []
    /// When the earliest pending action is due, so requests need not scan the actions.
    private(set) var earliestDue: Date?

    /// The enabled rule of a kind, if any.
    func enabledRule(_ kind: String) -> StoredLifecycleRule? {
        rules[kind].flatMap { $0.enabled ? $0 : nil }
    }

    /// How many people have something pending from a rule.
    func pendingPeople(_ kind: String) -> Int {
        Set(actions.filter { $0.kind == kind && $0.status == "pending" }.map(\.identityID)).count
    }

    /// Ends every pending action that matches, with a reason.
    mutating func cancel(
        reason: String, at now: Date, where matches: (LifecycleAction) -> Bool
    ) {
        for index in actions.indices
        where actions[index].status == "pending" && matches(actions[index]) {
            actions[index].status = "cancelled"
            actions[index].reason = reason
            actions[index].finishedAt = now
        }
        refreshEarliestDue()
    }

    /// Adds a pending action.
    mutating func schedule(_ action: LifecycleAction) {
        actions.append(action)
        earliestDue = min(earliestDue ?? action.dueAt, action.dueAt)
    }

    /// Recomputes ``earliestDue``.
    mutating func refreshEarliestDue() {
        earliestDue = actions.lazy.filter { $0.status == "pending" }.map(\.dueAt).min()
    }
}
