import VerneCore

extension AsyncTokens {
    /// Mints a signed token (an ES256 JWT) for a signed-in end user.
    ///
    /// The call is made with the user's session token in `X-Session-Token` and without the
    /// API key. The token lives 15 minutes and cannot be revoked; any service can check it
    /// offline with ``verifySigned(_:tenantID:)`` or an ``AsyncSignedTokenVerifier``.
    ///
    /// - Parameter sessionToken: The end user's session token.
    /// - Returns: The token and the session it was made for.
    /// - Throws: ``VerneInvalidRequestError`` for an empty session token; ``VerneAPIError``
    ///   (`401` for a dead session); ``VerneResponseError`` when the answer has no token.
    public func createSigned(sessionToken: String) async throws -> SignedToken {
        try await engine.run(CreateSignedTokenEndpoint(sessionToken: sessionToken))
    }

    /// Verifies a signed token of one tenant offline, against the tenant's published keys.
    ///
    /// One verifier per tenant is kept by the client, so its key set is fetched once and
    /// cached.
    ///
    /// - Parameters:
    ///   - token: The compact JWS.
    ///   - tenantID: The tenant that issued it.
    /// - Returns: The verified claims.
    /// - Throws: ``VerneTokenError`` with the reason the token must not be trusted, or
    ///   ``VerneInvalidRequestError`` for an unusable tenant ID.
    public func verifySigned(_ token: String, tenantID: String) async throws -> SignedTokenClaims {
        let engine = engine
        let verifier = try verifiers.verifier(for: tenantID) {
            try AsyncSignedTokenVerifier(tenantID: tenantID, engine: engine)
        }
        return try await verifier.verify(token)
    }
}

extension Tokens {
    /// Mints a signed token (an ES256 JWT) for a signed-in end user.
    ///
    /// The call is made with the user's session token in `X-Session-Token` and without the
    /// API key. The token lives 15 minutes and cannot be revoked.
    ///
    /// - Parameter sessionToken: The end user's session token.
    /// - Returns: The token and the session it was made for.
    /// - Throws: ``VerneInvalidRequestError`` for an empty session token; ``VerneAPIError``
    ///   (`401` for a dead session); ``VerneResponseError`` when the answer has no token.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func createSigned(sessionToken: String) throws -> SignedToken {
        try engine.run(CreateSignedTokenEndpoint(sessionToken: sessionToken))
    }

    /// Verifies a signed token of one tenant offline, against the tenant's published keys.
    ///
    /// - Parameters:
    ///   - token: The compact JWS.
    ///   - tenantID: The tenant that issued it.
    /// - Returns: The verified claims.
    /// - Throws: ``VerneTokenError`` with the reason the token must not be trusted, or
    ///   ``VerneInvalidRequestError`` for an unusable tenant ID.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func verifySigned(_ token: String, tenantID: String) throws -> SignedTokenClaims {
        let engine = engine
        let verifier = try verifiers.verifier(for: tenantID) {
            try SignedTokenVerifier(tenantID: tenantID, engine: engine)
        }
        return try verifier.verify(token)
    }
}
