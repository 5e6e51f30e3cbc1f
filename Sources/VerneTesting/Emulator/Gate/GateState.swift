import Foundation
import VerneCore

/// One tenant's Gate data.
struct GateState: Sendable {
    /// End users by ID.
    var identities: [String: StoredIdentity] = [:]
    /// Identity IDs in creation order.
    var identityOrder: [String] = []
    /// Identity ID by lowercased email, for the one-user-per-email rule.
    var identityByEmail: [String: String] = [:]
    /// Access tokens by token value.
    var tokens: [String: StoredToken] = [:]
    /// End users' sessions.
    var sessions = SessionStore()
    /// Organizations, roles and memberships.
    var organizations = OrganizationStore()
    /// Security, social-login and return-URL settings.
    var settings = GateSettings()
    /// The plan: lifecycle rules available, active-user limit.
    var plan = GatePlan()
    /// Lifecycle rules and their actions.
    var lifecycle = LifecycleState()
    /// The audit log, oldest first.
    var auditLog: [AuditEntry] = []
    /// Social-login codes waiting to be exchanged.
    var socialLoginCodes: [String: SocialLoginCode] = [:]
    /// The token-signing keys, made on first use.
    var signingKeys: SigningKeyRing?
    /// The sequence number of the next stored object (of any kind).
    private var nextSequence = 1

    /// A fresh sequence number; every kind of object shares the counter.
    mutating func takeSequence() -> Int {
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// Appends an audit entry.
    ///
    /// - Parameters:
    ///   - action: One of ``AuditActions/known``.
    ///   - actor: Who did it.
    ///   - now: When.
    ///   - target: What it was done to.
    ///   - details: Facts about the change, never personal data.
    ///   - userAgent: The caller's user agent.
    mutating func audit(
        _ action: String, actor: AuditActor, at now: Date, target: AuditTarget?,
        details: [String: JSONValue] = [:], userAgent: String? = nil
    ) {
        let entry = AuditEntry(
            sequence: takeSequence(), id: EmulatorIDs.make("aud_"), occurredAt: now, action: action,
            actor: actor, target: target, details: details, userAgent: userAgent)
        auditLog.append(entry)
    }

    /// Appends an audit entry for a change a route call made.
    mutating func audit(
        _ action: String, _ call: RouteCall, target: AuditTarget?,
        details: [String: JSONValue] = [:]
    ) {
        audit(
            action, actor: call.actor, at: call.now, target: target, details: details,
            userAgent: call.userAgent)
    }

    /// The signing keys, made when first needed.
    ///
    /// - Throws: ``EmulatorFailure`` `500` when the platform cannot make a key.
    mutating func keyRing() throws -> SigningKeyRing {
        if let signingKeys { return signingKeys }
        let ring = try SigningKeyRing()
        signingKeys = ring
        return ring
    }

    /// Whether an identity may act now: it exists and is active.
    func isActive(_ identityID: String) -> Bool {
        identities[identityID]?.state == "active"
    }

    /// Stores a new or changed identity and keeps the email index in step.
    ///
    /// - Parameter identity: The identity.
    mutating func store(_ identity: StoredIdentity) {
        if let previous = identities[identity.id] {
            identityByEmail[previous.emailKey] = nil
        } else {
            identityOrder.append(identity.id)
        }
        identities[identity.id] = identity
        identityByEmail[identity.emailKey] = identity.id
    }

    /// Removes an identity and everything that hangs on it: its access tokens, sessions,
    /// memberships and pending lifecycle actions.
    ///
    /// - Parameters:
    ///   - id: The identity ID.
    ///   - now: When.
    /// - Returns: Whether there was such an identity.
    @discardableResult
    mutating func remove(identity id: String, at now: Date) -> Bool {
        guard let identity = identities.removeValue(forKey: id) else { return false }
        identityByEmail[identity.emailKey] = nil
        identityOrder.removeAll { $0 == id }
        tokens = tokens.filter { $0.value.subject != id && $0.value.boundIdentity != id }
        sessions.removeAll(of: id)
        organizations.removeMemberships(of: id)
        socialLoginCodes = socialLoginCodes.filter { $0.value.identityID != id }
        lifecycle.cancel(reason: "identity_deleted", at: now) { $0.identityID == id }
        return true
    }

    /// Checks that no other identity of the tenant has this email.
    ///
    /// - Parameters:
    ///   - traits: The traits to store.
    ///   - id: The identity being written, which may keep its own email.
    /// - Throws: `409 conflict` when another identity has the email.
    func checkEmailFree(_ traits: [String: JSONValue], for id: String?) throws {
        let key = StoredIdentity.emailKey(of: traits)
        if let owner = identityByEmail[key], owner != id {
            throw EmulatorFailure.conflict("An identity with this email address already exists.")
        }
    }
}

/// An access token as Gate keeps it.
struct StoredToken: Sendable {
    /// The subject it was minted for.
    var subject: String
    /// Its scopes.
    var scopes: [String]
    /// When it stops working.
    var expiresAt: Date
    /// The identity the subject named when the token was minted, if any.
    var boundIdentity: String?
}
