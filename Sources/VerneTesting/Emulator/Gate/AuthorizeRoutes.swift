import Foundation
import VerneCore

/// `POST /v1/gate/authorize`.
///
/// With `resource` = `organization:<id>` the question is whether the end user may do
/// `action` (a permission, checked for syntax first) in that organization, answered live
/// from the role they hold. For any other resource the question is only whether the
/// subject is one of the tenant's active end users.
enum AuthorizeRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        router.add("POST", "/v1/gate/authorize", access: .apiKey(.gate), handler: authorize)
    }

    private static func authorize(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let body = try call.objectBody()
        let subject = try Field.requiredString(body, "subject")
        let action = try Field.requiredString(body, "action")
        let resource = try Field.requiredString(body, "resource")
        _ = try Field.optionalObject(body, "context")

        let prefix = "organization:"
        if resource.hasPrefix(prefix) {
            try OrganizationRules.permission(action)
            let gate = state.tenants[call.tenantID]?.gate ?? GateState()
            let answer = organizationDecision(
                gate, orgID: String(resource.dropFirst(prefix.count)), subject: subject,
                permission: action, now: call.now)
            return .ok(.object(answer))
        }

        let identity = state.tenants[call.tenantID]?.gate.identities[subject]
        let decision: Decision
        if let identity {
            decision = identity.state == "active" ? .ownedByTenant : .subjectInactive
        } else if state.identityOwners[subject] != nil {
            decision = .notOwnedByTenant
        } else {
            decision = .notAKnownIdentity
        }
        return .ok([
            "allowed": .bool(decision.allowed), "decision_id": .string(EmulatorIDs.make("dec_")),
            "reason": .string(decision.reason), "message": .string(decision.message),
        ])
    }

    /// The decision for a permission in an organization: `no_such_organization`, then
    /// `subject_inactive`, `not_a_member`, `member_without_permission` or
    /// `member_with_permission`; `role` names the role held, when there is one.
    private static func organizationDecision(
        _ gate: GateState, orgID: String, subject: String, permission: String, now: Date
    ) -> [String: JSONValue] {
        var answer: [String: JSONValue] = ["decision_id": .string(EmulatorIDs.make("dec_"))]
        let membership = gate.organizations.membership(subject, in: orgID, at: now)
        let role = membership.flatMap { gate.organizations.roles[$0.roleID] }
        if let role { answer["role"] = .string(role.name) }

        let reason: String
        if gate.organizations.organizations[orgID] == nil {
            reason = "no_such_organization"
            answer["role"] = nil
        } else if let identity = gate.identities[subject], identity.state != "active" {
            reason = "subject_inactive"
        } else if role == nil {
            reason = "not_a_member"
        } else if role?.permissions.contains(permission) == true {
            reason = "member_with_permission"
        } else {
            reason = "member_without_permission"
        }
        answer["reason"] = .string(reason)
        answer["allowed"] = .bool(reason == "member_with_permission")
        return answer
    }

    /// A decision's reason and sentence, for a resource that is not an organization.
    struct Decision {
        var allowed: Bool
        var reason: String
        var message: String

        static let ownedByTenant = Decision(
            allowed: true, reason: "owned_by_tenant",
            message: "The subject is an active end user of this tenant.")
        static let subjectInactive = Decision(
            allowed: false, reason: "subject_inactive",
            message: "The subject is an end user of this tenant, but it is not active.")
        static let notOwnedByTenant = Decision(
            allowed: false, reason: "not_owned_by_tenant",
            message: "The subject is an end user of another tenant.")
        static let notAKnownIdentity = Decision(
            allowed: false, reason: "not_a_known_identity",
            message: "The subject is not a known end user.")
    }
}
