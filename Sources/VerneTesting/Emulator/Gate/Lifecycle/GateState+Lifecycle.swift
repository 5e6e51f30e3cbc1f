import Foundation
import VerneCore

extension GateState {
    /// Schedules an enabled rule's steps for everyone it covers now.
    ///
    /// A step already overdue is moved to `now`, and later steps keep their distance from
    /// it, so switching a rule on warns before it deletes.
    mutating func scheduleLifecycle(_ kind: String, at now: Date) {
        guard lifecycle.enabledRule(kind) != nil else { return }
        if kind == "expire_roles" {
            let deadlined = organizations.memberships.values.flatMap(\.values).filter {
                $0.expiresAt != nil
            }
            for membership in deadlined.sorted(by: { $0.sequence < $1.sequence }) {
                scheduleRevoke(of: membership, at: now)
            }
            return
        }
        for id in identityOrder { scheduleLifecycle(kind, forIdentity: id, at: now) }
    }

    /// Schedules one rule's steps for one person.
    mutating func scheduleLifecycle(_ kind: String, forIdentity id: String, at now: Date) {
        guard let rule = lifecycle.enabledRule(kind), kind != "expire_roles",
            let identity = identities[id]
        else { return }
        let basis =
            kind == "delete_inactive"
            ? sessions.lastSignIn(of: id) ?? identity.createdAt : identity.createdAt
        let planned = LifecycleKinds.steps(kind, rule.params, basis: basis)
        guard let first = planned.first else { return }
        let shift = max(0, now.timeIntervalSince(first.due))
        for (step, due) in planned {
            lifecycle.schedule(
                LifecycleAction(
                    sequence: takeSequence(), id: EmulatorIDs.make("lca_"), kind: kind, step: step,
                    identityID: id, basisAt: basis, dueAt: due.addingTimeInterval(shift),
                    createdAt: now))
        }
    }

    /// Schedules the removal of a membership at its deadline, when `expire_roles` is on.
    mutating func scheduleRevoke(of membership: StoredMembership, at now: Date) {
        guard lifecycle.enabledRule("expire_roles") != nil, let deadline = membership.expiresAt
        else { return }
        lifecycle.schedule(
            LifecycleAction(
                sequence: takeSequence(), id: EmulatorIDs.make("lca_"), kind: "expire_roles",
                step: "revoke",
                identityID: membership.identityID, organizationID: membership.organizationID,
                basisAt: membership.createdAt, dueAt: max(deadline, now), createdAt: now))
    }

    /// A sign-in restarts the `delete_inactive` countdown of the person.
    mutating func restartInactivity(of id: String, at now: Date) {
        guard lifecycle.enabledRule("delete_inactive") != nil else { return }
        lifecycle.cancel(reason: "signed_in", at: now) {
            $0.kind == "delete_inactive" && $0.identityID == id
        }
        scheduleLifecycle("delete_inactive", forIdentity: id, at: now)
    }

    /// How many people a rule with these parameters would act on now, capped at 1000.
    func matchingNow(
        _ kind: String, params: [String: JSONValue], at now: Date
    ) -> (count: Int, capped: Bool) {
        let count: Int
        if kind == "expire_roles" {
            let expired = organizations.memberships.values.flatMap(\.values).filter {
                !$0.isLive(at: now)
            }
            count = Set(expired.map(\.identityID)).count
        } else {
            count =
                identityOrder.compactMap { identities[$0] }.filter { identity in
                    let basis =
                        kind == "delete_inactive"
                        ? sessions.lastSignIn(of: identity.id) ?? identity.createdAt
                        : identity.createdAt
                    return LifecycleKinds.steps(kind, params, basis: basis).first.map {
                        $0.due <= now
                    } ?? false
                }.count
        }
        return (min(count, 1000), count > 1000)
    }

    /// Carries out every pending action that is due.
    ///
    /// - Parameter now: The current time.
    /// - Returns: The identities deleted.
    mutating func runDueLifecycleActions(at now: Date) -> [String] {
        guard let earliest = lifecycle.earliestDue, earliest <= now else { return [] }
        var deleted: [String] = []
        let due = lifecycle.actions.indices.filter {
            lifecycle.actions[$0].status == "pending" && lifecycle.actions[$0].dueAt <= now
        }
        for index in due.sorted(by: { lifecycle.actions[$0].dueAt < lifecycle.actions[$1].dueAt }) {
            let action = lifecycle.actions[index]
            guard action.status == "pending" else { continue }
            lifecycle.actions[index].finishedAt = now
            lifecycle.actions[index].status = "done"
            let target = AuditTarget(type: "identity", id: action.identityID)
            let facts: [String: JSONValue] = [
                "kind": .string(action.kind), "step": .string(action.step),
            ]
            switch action.step {
            case "delete":
                remove(identity: action.identityID, at: now)
                deleted.append(action.identityID)
                audit("identity.deleted", actor: .system, at: now, target: target, details: facts)
            case "revoke":
                let orgID = action.organizationID ?? ""
                guard let membership = organizations.memberships[orgID]?[action.identityID],
                    !membership.isLive(at: now)
                else {
                    lifecycle.actions[index].status = "cancelled"
                    lifecycle.actions[index].reason = "membership_changed"
                    continue
                }
                organizations.memberships[orgID]?[action.identityID] = nil
                var details = facts
                details["organization_id"] = .string(orgID)
                audit(
                    "organization.member_removed", actor: .system, at: now, target: target,
                    details: details)
            default:
                audit(
                    "lifecycle.action_done", actor: .system, at: now, target: target, details: facts
                )
            }
        }
        lifecycle.refreshEarliestDue()
        return deleted
    }
}
