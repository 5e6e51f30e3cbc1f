import Foundation

/// A session the emulator started for an end user, as if they had signed in.
///
/// Use ``sessionToken`` wherever a client sends `X-Session-Token`: the session check,
/// a step-up login flow, or minting a signed token. Printing the value never shows the
/// token.
public struct EmulatorSession: Sendable, Hashable, CustomStringConvertible {
    /// The secret the end user's client holds.
    public let sessionToken: String
    /// The session's ID, as the session list and `sid` claims show it.
    public let sessionID: String
    /// The end user's identity ID.
    public let identityID: String
    /// The tenant the session belongs to.
    public let tenantID: String

    /// The IDs; never the token.
    public var description: String {
        "EmulatorSession(sessionID: \(sessionID), identityID: \(identityID), sessionToken: <redacted>)"
    }
}

/// How strongly an emulated session was signed in.
public enum EmulatorAssuranceLevel: String, Sendable, Hashable, CaseIterable {
    /// One factor (a password or a social login).
    case aal1
    /// Two factors: what a tenant that requires MFA accepts.
    case aal2
}

/// A set-up call on the emulator that could not be done, such as starting a session for an
/// identity the tenant does not have.
public struct EmulatorSetupError: Error, Sendable, CustomStringConvertible {
    /// What was wrong.
    public let description: String
}
