import VerneCore

/// A signed token minted for a signed-in user, and the session it was made from.
///
/// Hand ``token`` to services that verify it offline with ``AsyncSignedTokenVerifier`` or
/// ``SignedTokenVerifier``. It lives 15 minutes and cannot be revoked. Printing a
/// `SignedToken` never shows the token.
public struct SignedToken: Sendable, Hashable {
    /// The compact JWS (ES256); a bearer credential, keep it out of logs.
    public var token: String
    /// The session object the answer carried, without the token.
    public var session: JSONValue

    /// Creates a signed token.
    ///
    /// - Parameters:
    ///   - token: The compact JWS.
    ///   - session: The session object.
    public init(token: String, session: JSONValue) {
        self.token = token
        self.session = session
    }
}

extension SignedToken: CustomStringConvertible, CustomDebugStringConvertible {
    /// The session's ID; never the token.
    public var description: String {
        "SignedToken(token: <redacted>, session: \(session["id"]?.stringValue ?? "?"))"
    }

    /// The same as ``description``.
    public var debugDescription: String { description }
}

extension SignedToken: CustomReflectable {
    /// A mirror that hides the token.
    public var customMirror: Mirror {
        Mirror(self, children: ["token": "<redacted>", "session": session])
    }
}
