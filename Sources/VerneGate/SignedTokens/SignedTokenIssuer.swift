import Foundation
import VerneCore

/// One tenant as the issuer of signed tokens, as both verifiers see it: the `iss` its
/// tokens carry, where its keys are published, and the checks of a token once the key its
/// `kid` names is known.
///
/// ``AsyncSignedTokenVerifier`` and ``SignedTokenVerifier`` differ only in how they wait
/// for the key set; everything else they ask of this.
struct SignedTokenIssuer: Sendable {
    /// The tenant's ID.
    let tenantID: String
    /// `<base URL>/auth/<tenant ID>`, the only `iss` accepted.
    let issuer: String
    /// The clock skew allowed on `exp`, `nbf` and `iat`.
    let leeway: Duration
    /// The tenant's key set.
    let keySetEndpoint: JSONWebKeySetEndpoint
    /// Where the tenant's key set is published.
    let keySetURL: URL
    /// The clock.
    let now: @Sendable () -> Date

    private let rules: SignedTokenRules

    /// The issuer for a tenant under a base URL.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant's ID.
    ///   - baseURL: The issuer's root.
    ///   - leeway: The clock skew allowed.
    ///   - now: The clock.
    /// - Throws: ``VerneInvalidRequestError`` when the tenant ID is empty, `.` or `..`.
    init(
        tenantID: String, baseURL: BaseURL, leeway: Duration, now: @escaping @Sendable () -> Date
    ) throws {
        keySetEndpoint = try JSONWebKeySetEndpoint(tenantID: tenantID)
        keySetURL = baseURL.appending(keySetEndpoint.path, query: QueryItems())
        self.tenantID = tenantID
        issuer = "\(baseURL)/auth/\(tenantID)"
        self.leeway = leeway
        self.now = now
        rules = SignedTokenRules(issuer: issuer, leeway: leeway.seconds)
    }

    /// The claims of a parsed token, once the key its `kid` names is known: the signature
    /// is checked first, then the claims.
    ///
    /// - Parameters:
    ///   - token: The parsed token.
    ///   - key: The tenant's key with the token's `kid`.
    /// - Returns: The verified claims.
    /// - Throws: ``VerneTokenError`` with the reason the token must not be trusted.
    func claims(of token: CompactSignedToken, key: P256PublicKey) throws -> SignedTokenClaims {
        guard key.isValidSignature(token.signature, for: token.signingInput) else {
            throw VerneTokenError(
                reason: .badSignature, message: "The token's signature does not verify.")
        }
        return try rules.check(token.claims, now: now())
    }
}
