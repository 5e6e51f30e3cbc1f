import VerneCore

/// Gate's access tokens, for blocking code: mint short-lived tokens and check them.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncTokens`` instead.
public struct Tokens: Sendable {
    let engine: BlockingEngine
    let verifiers: VerifierRegistry<SignedTokenVerifier>

    /// Exchanges the API key for a short-lived access token for a subject.
    ///
    /// ```swift
    /// let token = try gate.tokens.create(subject: "usr_123", ttl: .seconds(3600))
    /// ```
    ///
    /// - Parameters:
    ///   - subject: The user or service account the token stands for.
    ///   - scopes: The token's scopes, or `nil` for none.
    ///   - ttl: The lifetime in whole seconds, at most 24 hours; one hour when `nil`.
    /// - Returns: The token and its expiry.
    /// - Throws: ``VerneInvalidRequestError`` before sending for an empty subject or a
    ///   lifetime out of range; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func create(
        subject: String, scopes: [String]? = nil, ttl: Duration? = nil
    ) throws -> AccessToken {
        try engine.run(CreateTokenEndpoint(subject: subject, scopes: scopes, ttl: ttl))
    }

    /// Checks an access token and reads what it carries.
    ///
    /// An unknown, expired or foreign token is not an error: the answer is inactive.
    ///
    /// - Parameter accessToken: The token, `gat_…`.
    /// - Returns: The introspection result; gate on ``Introspection/active``.
    /// - Throws: ``VerneInvalidRequestError`` for an empty token; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func introspect(_ accessToken: String) throws -> Introspection {
        try engine.run(IntrospectTokenEndpoint(accessToken: accessToken))
    }
}
