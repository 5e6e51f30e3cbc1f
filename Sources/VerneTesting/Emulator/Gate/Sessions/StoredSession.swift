import Foundation
import VerneCore

/// An end user's session as Gate keeps it.
struct StoredSession: Sendable {
    /// How long a session lives after sign-in.
    static let lifetime: TimeInterval = 24 * 3600

    /// Orders sessions.
    var sequence: Int
    /// A lowercase UUID.
    var id: String
    /// The secret the end user's client holds (`ory_st_…`).
    var token: String
    /// Whose session it is.
    var identityID: String
    /// `aal1` or `aal2`.
    var aal: String
    /// How the user signed in: `password` or `oidc`.
    var method: String
    /// When the user signed in.
    var authenticatedAt: Date
    /// When it stops working.
    var expiresAt: Date
    /// When it was revoked, if it was.
    var revokedAt: Date?

    /// Whether it is neither revoked nor expired (the identity's state is checked apart).
    func isLive(at now: Date) -> Bool {
        revokedAt == nil && now < expiresAt
    }

    /// The Session object, as the identity service writes it.
    ///
    /// - Parameters:
    ///   - identity: The session's identity, when it still exists.
    ///   - now: The current time.
    /// - Returns: The session.
    func wire(identity: StoredIdentity?, now: Date) -> JSONValue {
        let signedIn = JSONValue.string(EmulatorTime.gate(authenticatedAt))
        var methods: [JSONValue] = [
            ["method": .string(method), "aal": "aal1", "completed_at": signedIn]
        ]
        if aal == "aal2" {
            methods.append(["method": "totp", "aal": "aal2", "completed_at": signedIn])
        }
        var object: [String: JSONValue] = [
            "id": .string(id),
            "active": .bool(isLive(at: now) && identity?.state == "active"),
            "authenticated_at": signedIn, "issued_at": signedIn,
            "expires_at": .string(EmulatorTime.gate(expiresAt)),
            "authenticator_assurance_level": .string(aal),
            "authentication_methods": .array(methods),
            "devices": [
                [
                    "id": .string(id), "ip_address": "127.0.0.1", "user_agent": "verne-emulator",
                    "location": "",
                ]
            ],
        ]
        if let identity { object["identity"] = identity.wire }
        return .object(object)
    }
}

/// One tenant's sessions.
struct SessionStore: Sendable {
    /// Sessions by ID, revoked ones included.
    private(set) var byID: [String: StoredSession] = [:]
    /// Session ID by token.
    private var idByToken: [String: String] = [:]

    /// Adds a session.
    mutating func add(_ session: StoredSession) {
        byID[session.id] = session
        idByToken[session.token] = session.id
    }

    /// The session a token names, live or not.
    func session(token: String) -> StoredSession? {
        idByToken[token].flatMap { byID[$0] }
    }

    /// An identity's live sessions, oldest first.
    func live(of identityID: String, at now: Date) -> [StoredSession] {
        byID.values.filter { $0.identityID == identityID && $0.isLive(at: now) }
            .sorted { $0.sequence < $1.sequence }
    }

    /// Revokes one session.
    ///
    /// - Returns: Whether it was live until now.
    @discardableResult
    mutating func revoke(_ id: String, at now: Date) -> Bool {
        guard var session = byID[id], session.isLive(at: now) else { return false }
        session.revokedAt = now
        byID[id] = session
        return true
    }

    /// Revokes every live session of an identity.
    ///
    /// - Returns: How many were revoked.
    mutating func revokeAll(of identityID: String, at now: Date) -> Int {
        let ids = live(of: identityID, at: now).map(\.id)
        for id in ids { revoke(id, at: now) }
        return ids.count
    }

    /// Forgets every session of a deleted identity.
    mutating func removeAll(of identityID: String) {
        for (id, session) in byID where session.identityID == identityID {
            byID[id] = nil
            idByToken[session.token] = nil
        }
    }

    /// When the identity last signed in, if ever.
    func lastSignIn(of identityID: String) -> Date? {
        byID.values.filter { $0.identityID == identityID }.map(\.authenticatedAt).max()
    }
}
