import Foundation
import VerneCore

/// `POST /v1/gate/authorize`.
///
/// For any resource but `organization:<id>` the question is only whether the subject is
/// one of the tenant's active end users. The emulator keeps no organizations yet, so an
/// organization resource answers `no_such_organization` (or `subject_inactive`).
enum AuthorizeRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        router.add("POST", "/v1/gate/authorize", access: .apiKey(.gate), handler: authorize)
    }

    private static func authorize(_ call: RouteCall, _ state: inout EmulatorState) throws -> EmulatorReply {
        let body = try call.objectBody()
        let subject = try Field.requiredString(body, "subject")
        _ = try Field.requiredString(body, "action")
        let resource = try Field.requiredString(body, "resource")
        _ = try Field.optionalObject(body, "context")

        let identity = state.tenants[call.tenantID]?.gate.identities[subject]
        let decision: Decision
        if resource.hasPrefix("organization:") {
            decision = identity?.state == "inactive" ? .subjectInactive : .noSuchOrganization
        } else if let identity {
            decision = identity.state == "active" ? .ownedByTenant : .subjectInactive
        } else if state.identityOwners[subject] != nil {
            decision = .notOwnedByTenant
        } else {
            decision = .notAKnownIdentity
        }

        var answer: [String: JSONValue] = [
            "allowed": .bool(decision.allowed), "decision_id": .string(EmulatorIDs.make("dec_")),
            "reason": .string(decision.reason),
        ]
        if !resource.hasPrefix("organization:") { answer["message"] = .string(decision.message) }
        return .ok(.object(answer))
    }

    /// A decision's reason and sentence.
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
        static let noSuchOrganization = Decision(
            allowed: false, reason: "no_such_organization",
            message: "There is no such organization in this project.")
    }
}
