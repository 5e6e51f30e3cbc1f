import VerneCore

/// `GET /v1/gate/identities/{id}/sessions`: an end user's active sessions (not paged).
public struct ListSessionsEndpoint: Endpoint {
    /// The answer: the sessions.
    public typealias Response = [Session]

    /// `/v1/gate/identities/{id}/sessions`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws {
        path = try GatePaths.identity(identityID).appending("/sessions")
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
}

/// `DELETE /v1/gate/identities/{id}/sessions`: sign an end user out everywhere; a
/// success also when there was no session.
public struct RevokeAllSessionsEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/identities/{id}/sessions`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter identityID: The identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(identityID: String) throws {
        path = try GatePaths.identity(identityID).appending("/sessions")
    }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}

/// `DELETE /v1/gate/sessions/{id}`: revoke one session; again `204` when already revoked.
public struct RevokeSessionEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/sessions/{id}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter sessionID: The session ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(sessionID: String) throws { path = try GatePaths.session(sessionID) }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}

/// `GET /v1/gate/auth/session`: check an end user's session, sent with the API key and
/// the session token in `X-Session-Token` (never in the URL).
///
/// Printing the endpoint never shows the token.
public struct CheckSessionEndpoint: Endpoint, CustomStringConvertible, CustomReflectable {
    /// The answer: the check result.
    public typealias Response = SessionCheck

    private let sessionToken: String

    /// Checks the token and builds the endpoint.
    ///
    /// - Parameter sessionToken: The end user's session token; must not be empty.
    /// - Throws: ``VerneInvalidRequestError`` when the token is empty.
    public init(sessionToken: String) throws {
        try Check.notEmpty(sessionToken, "sessionToken")
        self.sessionToken = sessionToken
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/auth/session`.
    public var path: EndpointPath { GatePaths.sessionCheck }
    /// The API key and the session token, as the reference client sends them.
    public var authentication: Authentication { .apiKeyAndSessionToken(sessionToken) }

    /// The route; never the token.
    public var description: String { "CheckSessionEndpoint(sessionToken: <redacted>)" }
    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["endpoint": description]) }
}
