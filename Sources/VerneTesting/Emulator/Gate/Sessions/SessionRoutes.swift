import Foundation
import VerneCore

/// A user's sessions (list, revoke all), one session (revoke) and the session check.
///
/// - Listing or revoking all of a user's sessions needs one of the tenant's identities:
///   another tenant's, an unknown or a deleted one is `403 forbidden` (listing answers
///   `404` for an ID no tenant knows).
/// - Revoking one session is `204` also when it was already revoked; an ID that is not one
///   of the tenant's sessions is `404`.
/// - The check reads `X-Session-Token`: `401` for a dead, foreign or unknown session (or an
///   inactive user), `403 mfa_required` with `required_aal` when the tenant requires MFA
///   and the session is `aal1`.
enum SessionRoutes: EmulatorRouteGroup {
    static func register(in router: inout EmulatorRouter) {
        let access = RouteAccess.apiKey(.gate)
        router.add("GET", "/v1/gate/identities/{id}/sessions", access: access, handler: list)
        router.add(
            "DELETE", "/v1/gate/identities/{id}/sessions", access: access, handler: revokeAll)
        router.add("DELETE", "/v1/gate/sessions/{session}", access: access, handler: revoke)
        router.add("GET", "/v1/gate/auth/session", access: access, handler: check)
    }

    private static func list(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let identity = try IdentityRoutes.findOwned(call, state)
        let gate = state.tenants[call.tenantID]?.gate ?? GateState()
        let sessions = gate.sessions.live(of: identity.id, at: call.now)
        return .ok(.array(sessions.map { $0.wire(identity: identity, now: call.now) }))
    }

    private static func revokeAll(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let id = call.parameter("id")
        guard state.tenants[call.tenantID]?.gate.identities[id] != nil else {
            throw EmulatorFailure.forbidden(
                "Identity '\(id)' is not one of this project's end users.")
        }
        state.withTenant(call.tenantID) { tenant in
            let count = tenant.gate.sessions.revokeAll(of: id, at: call.now)
            guard count > 0 else { return }
            tenant.gate.audit(
                "session.revoked_all", call, target: IdentityRoutes.target(id),
                details: ["count": .integer(count)])
        }
        return .noContent
    }

    private static func revoke(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let id = call.parameter("session")
        try state.withTenant(call.tenantID) { tenant throws in
            guard let session = tenant.gate.sessions.byID[id] else {
                throw EmulatorFailure.notFound("No session '\(id)' in this project.")
            }
            guard tenant.gate.sessions.revoke(id, at: call.now) else { return }
            tenant.gate.audit(
                "session.revoked", call, target: AuditTarget(type: "session", id: id),
                details: ["identity_id": .string(session.identityID)])
        }
        return .noContent
    }

    private static func check(
        _ call: RouteCall, _ state: inout EmulatorState
    ) throws -> EmulatorReply {
        let found = try? state.liveSession(token: call.sessionToken, now: call.now)
        guard let found, found.tenantID == call.tenantID,
            let gate = state.tenants[call.tenantID]?.gate
        else { throw EmulatorFailure.unauthorized("The session is not active.") }

        let session = found.session
        let mfaRequired = gate.settings.mfaEnabled
        if mfaRequired, session.aal != "aal2" {
            throw EmulatorFailure(
                status: 403, code: "mfa_required",
                message: "This project requires a second factor: step the session up to aal2.",
                details: ["required_aal": "aal2", "current_aal": .string(session.aal)])
        }
        let claims = gate.organizations.claims(of: session.identityID, at: call.now)
        return .ok([
            "active": true, "aal": .string(session.aal), "mfa_required": .bool(mfaRequired),
            "mfa_satisfied": true, "identity_id": .string(session.identityID), "orgs": claims.orgs,
            "orgs_truncated": .bool(claims.truncated),
        ])
    }
}
