import Foundation
import VerneCore

/// `/v1/gate/organizations/{org}/members`.
///
/// Adding needs one of the tenant's identities (`404` otherwise) that is not a member yet
/// (`409`); a deadline is a future time at most 10 years ahead. An update's `expires_at`
/// has three states: left out keeps the deadline, `null` removes it, a time sets it;
/// sending neither `role_id` nor `expires_at` is a `400`. A membership whose deadline has
/// passed counts as no membership.
enum MemberRoutes: EmulatorRouteGroup {
    /// How far ahead a deadline may be.
    static let maximumDeadline: TimeInterval = 10 * 365.25 * 86_400

    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        let members = "/v1/gate/organizations/{org}/members"
        router.add("POST", members, access: access, handler: add)
        router.add("GET", members, access: access, handler: list)
        router.add("PATCH", members + "/{identity}", access: access, handler: update)
        router.add("DELETE", members + "/{identity}", access: access, handler: remove)
    }

    private static func add(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let identityID = try Field.requiredString(body, "identity_id")
        let roleID = try Field.requiredString(body, "role_id")
        let deadline = try body["expires_at"].flatMap { try self.deadline($0, now: call.now) }
        let organization = try OrganizationRoutes.find(call, state)

        let membership = try state.withTenant(call.tenantID) { tenant throws -> StoredMembership in
            guard tenant.gate.identities[identityID] != nil else {
                throw EmulatorFailure.notFound("No identity '\(identityID)' in this project.")
            }
            guard tenant.gate.organizations.role(roleID, in: organization.id) != nil else {
                throw EmulatorFailure.notFound("No role '\(roleID)' in this organization.")
            }
            guard
                tenant.gate.organizations.membership(identityID, in: organization.id, at: call.now)
                    == nil
            else {
                throw EmulatorFailure.conflict(
                    "This identity is already a member; change its role with an update.")
            }
            let membership = StoredMembership(
                sequence: tenant.gate.takeSequence(), organizationID: organization.id,
                identityID: identityID,
                roleID: roleID, expiresAt: deadline, createdAt: call.now, updatedAt: call.now)
            tenant.gate.organizations.memberships[organization.id, default: [:]][identityID] =
                membership
            tenant.gate.scheduleRevoke(of: membership, at: call.now)
            tenant.gate.audit(
                "organization.member_added", call, target: IdentityRoutes.target(identityID),
                details: facts(membership)
            )
            return membership
        }
        return EmulatorReply(status: 201, json: membership.wire)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let organization = try OrganizationRoutes.find(call, state)
        let members =
            state.tenants[call.tenantID]?.gate.organizations.members(
                of: organization.id, at: call.now) ?? []
        return .ok(
            try EmulatorPage.oldestFirst(
                members, kind: "member", query: call.query, sequence: \.sequence, wire: \.wire)
        )
    }

    private static func update(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let roleID = try Field.optionalString(body, "role_id")
        let deadlineChange: Date?? = try body["expires_at"].map { try deadline($0, now: call.now) }
        guard roleID != nil || deadlineChange != nil else {
            throw EmulatorFailure.invalidPayload("Send 'role_id', 'expires_at' or both.")
        }
        var membership = try find(call, state)

        return try state.withTenant(call.tenantID) { tenant throws -> EmulatorReply in
            if let roleID {
                guard tenant.gate.organizations.role(roleID, in: membership.organizationID) != nil
                else {
                    throw EmulatorFailure.notFound("No role '\(roleID)' in this organization.")
                }
                membership.roleID = roleID
            }
            if let deadlineChange { membership.expiresAt = deadlineChange }
            membership.updatedAt = call.now
            tenant.gate.organizations.memberships[membership.organizationID]?[
                membership.identityID] = membership
            if deadlineChange != nil { tenant.gate.scheduleRevoke(of: membership, at: call.now) }
            tenant.gate.audit(
                "organization.member_updated", call,
                target: IdentityRoutes.target(membership.identityID),
                details: facts(membership))
            return .ok(membership.wire)
        }
    }

    private static func remove(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let membership = try find(call, state)
        state.withTenant(call.tenantID) { tenant in
            tenant.gate.organizations.memberships[membership.organizationID]?[
                membership.identityID] = nil
            tenant.gate.audit(
                "organization.member_removed", call,
                target: IdentityRoutes.target(membership.identityID),
                details: facts(membership))
        }
        return .noContent
    }

    /// Reads a deadline: `null` for none, else a time after `now` and at most 10 years on.
    private static func deadline(_ value: JSONValue, now: Date) throws -> Date? {
        guard !value.isNull else { return nil }
        let date = try Field.requiredTime(value, "expires_at")
        guard date > now, date.timeIntervalSince(now) <= maximumDeadline else {
            throw EmulatorFailure.invalidPayload(
                "Field 'expires_at' must be a future time at most 10 years ahead.")
        }
        return date
    }

    private static func facts(_ membership: StoredMembership) -> [String: JSONValue] {
        [
            "organization_id": .string(membership.organizationID),
            "role_id": .string(membership.roleID),
            "expires_at": membership.expiresAt.map { .string(EmulatorTime.gate($0)) } ?? .null,
        ]
    }

    /// The live membership named by the `identity` path parameter.
    ///
    /// - Throws: `404 not_found` for an unknown organization or a non-member.
    private static func find(_ call: RouteCall, _ state: EmulatorState) throws -> StoredMembership {
        let organization = try OrganizationRoutes.find(call, state)
        let id = call.parameter("identity")
        let store = state.tenants[call.tenantID]?.gate.organizations
        guard let membership = store?.membership(id, in: organization.id, at: call.now) else {
            throw EmulatorFailure.notFound("Identity '\(id)' is not a member of this organization.")
        }
        return membership
    }
}
