import Foundation
import VerneCore

/// One tenant's Gate data; later areas (organizations, sessions, settings…) add members.
struct GateState: Sendable {
    /// End users by ID.
    var identities: [String: StoredIdentity] = [:]
    /// Identity IDs in creation order.
    var identityOrder: [String] = []
    /// Identity ID by lowercased email, for the one-user-per-email rule.
    var identityByEmail: [String: String] = [:]
    /// Access tokens by token value.
    var tokens: [String: StoredToken] = [:]

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

    /// Removes an identity and everything that hangs on it: its access tokens.
    ///
    /// - Parameter id: The identity ID.
    /// - Returns: Whether there was such an identity.
    @discardableResult
    mutating func remove(identity id: String) -> Bool {
        guard let identity = identities.removeValue(forKey: id) else { return false }
        identityByEmail[identity.emailKey] = nil
        identityOrder.removeAll { $0 == id }
        tokens = tokens.filter { $0.value.subject != id && $0.value.boundIdentity != id }
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
