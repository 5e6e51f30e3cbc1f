import Foundation
import VerneCore

extension EmulatorState {
    /// Carries out the tenant's lifecycle actions that are due, before a Gate call reads
    /// its data.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant.
    ///   - now: The current time.
    mutating func runLifecycle(tenantID: String, now: Date) {
        guard let due = tenants[tenantID]?.gate.lifecycle.earliestDue, due <= now else { return }
        let deleted = withTenant(tenantID) { $0.gate.runDueLifecycleActions(at: now) }
        for id in deleted { identityOwners[id] = nil }
    }

    /// Finds the live session a token names, in whichever tenant holds it.
    ///
    /// - Parameters:
    ///   - token: The session token.
    ///   - now: The current time.
    /// - Returns: The tenant and the session.
    /// - Throws: `401 unauthorized` when the token is unknown, the session is revoked or
    ///   expired, or its identity is gone or inactive.
    mutating func liveSession(
        token: String?, now: Date
    ) throws -> (tenantID: String, session: StoredSession) {
        let dead = EmulatorFailure.unauthorized("The session is not active.")
        guard let token, let tenantID = sessionTenants[token] else { throw dead }
        runLifecycle(tenantID: tenantID, now: now)
        guard let gate = tenants[tenantID]?.gate, let session = gate.sessions.session(token: token),
            session.isLive(at: now), gate.isActive(session.identityID)
        else { throw dead }
        return (tenantID, session)
    }

    /// Starts a session for an identity of a tenant.
    ///
    /// - Parameters:
    ///   - identityID: The identity.
    ///   - tenantID: Its tenant.
    ///   - aal: `aal1` or `aal2`.
    ///   - method: `password` or `oidc`.
    ///   - now: The current time.
    /// - Returns: The session.
    /// - Throws: `404 not_found` for an identity the tenant does not have, `401` for an
    ///   inactive one.
    mutating func startSession(
        identityID: String, tenantID: String, aal: String, method: String, now: Date
    ) throws -> StoredSession {
        let session = try withTenant(tenantID) { tenant throws -> StoredSession in
            guard let identity = tenant.gate.identities[identityID] else {
                throw EmulatorFailure.notFound("No identity '\(identityID)' in this project.")
            }
            guard identity.state == "active" else {
                throw EmulatorFailure.unauthorized("An inactive identity cannot sign in.")
            }
            let session = StoredSession(
                sequence: tenant.gate.takeSequence(), id: EmulatorIDs.uuid(),
                token: EmulatorIDs.make("ory_st_", length: 32), identityID: identityID, aal: aal,
                method: method, authenticatedAt: now,
                expiresAt: now.addingTimeInterval(StoredSession.lifetime))
            tenant.gate.sessions.add(session)
            tenant.gate.audit(
                "identity.login", actor: .endUser(identityID), at: now,
                target: AuditTarget(type: "identity", id: identityID),
                details: [
                    "method": .string(method), "aal": .string(aal),
                    "session_id": .string(session.id),
                ])
            tenant.gate.restartInactivity(of: identityID, at: now)
            return session
        }
        sessionTenants[session.token] = tenantID
        return session
    }
}
