import VerneCore

/// End users' sessions, for blocking code: list them, revoke them, and check that one is
/// good enough to act on.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncSessions`` instead.
public struct Sessions: Sendable {
    let engine: BlockingEngine

    /// Lists an end user's active sessions.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Returns: Every active session; the list is not paged.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``
    ///   (`403 forbidden` for another tenant's user).
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func list(identityID: String) throws -> [Session] {
        try engine.run(ListSessionsEndpoint(identityID: identityID))
    }

    /// Revokes every session of an end user: "sign out everywhere".
    ///
    /// A user with no session is a success too. Signed tokens already issued keep
    /// verifying until they expire.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func revokeAll(identityID: String) throws {
        _ = try engine.run(RevokeAllSessionsEndpoint(identityID: identityID))
    }

    /// Revokes one session; revoking it again succeeds again.
    ///
    /// - Parameter sessionID: The session ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func revoke(sessionID: String) throws {
        _ = try engine.run(RevokeSessionEndpoint(sessionID: sessionID))
    }

    /// Checks an end user's session against what your tenant requires.
    ///
    /// The token travels in `X-Session-Token`, never in the URL. When a second factor is
    /// owed the call throws `403 mfa_required`; start a step-up with
    /// `loginFlow(aal: .aal2, sessionToken:)`.
    ///
    /// ```swift
    /// do {
    ///     let check = try gate.sessions.check(sessionToken: token)
    ///     guard check.mfaSatisfied else { return deny() }
    /// } catch let error as VerneAPIError where error.code == .mfaRequired {
    ///     print("step up to", error.requiredAAL ?? "aal2")
    /// }
    /// ```
    ///
    /// - Parameter sessionToken: The end user's session token.
    /// - Returns: The check result; gate on ``SessionCheck/mfaSatisfied``.
    /// - Throws: ``VerneAPIError`` with status `401` for a dead, foreign or unknown
    ///   session, or code ``VerneAPIError/Code/mfaRequired`` with
    ///   ``VerneAPIError/requiredAAL``; another ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func check(sessionToken: String) throws -> SessionCheck {
        try engine.run(CheckSessionEndpoint(sessionToken: sessionToken))
    }
}
