/// A signed token must not be trusted: it is malformed, forged, foreign, expired, or its
/// keys cannot be fetched.
///
/// Branch on ``reason``; reasons are an open set of strings, so compare with the static
/// members of ``Reason`` you handle and refuse the rest.
///
/// ```swift
/// do {
///     let claims = try await verifier.verify(token)
///     print("signed in as \(claims.subject)")
/// } catch let error as VerneTokenError where error.reason == .expired {
///     // ask the client for a fresh token
/// }
/// ```
///
/// Neither ``message`` nor ``description`` ever contains the token.
public struct VerneTokenError: VerneError {
    /// Why the token was refused; an open set of reasons, so new ones never break a
    /// `switch`.
    public struct Reason: WireString {
        /// The reason's wire name, for example `bad_signature`.
        public let rawValue: String

        /// Creates a reason from its name.
        ///
        /// - Parameter rawValue: The name, for example `expired`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Not a compact JWS: not three base64url parts, or a header or payload that is
        /// not a JSON object, or a header without a `kid`.
        public static let malformed: Reason = "malformed"
        /// The header's `alg` is not `ES256` (`none`, `HS256` and `RS256` included).
        public static let unsupportedAlgorithm: Reason = "unsupported_alg"
        /// The `kid` names no key of the tenant's key set, even after a refetch.
        public static let unknownKeyID: Reason = "unknown_kid"
        /// The signature is not 64 bytes or does not verify with the named key.
        public static let badSignature: Reason = "bad_signature"
        /// The `iss` claim is not the tenant's issuer, for example a token of another
        /// tenant.
        public static let wrongIssuer: Reason = "wrong_issuer"
        /// The `exp` claim is past, beyond the leeway.
        public static let expired: Reason = "expired"
        /// The `nbf` or `iat` claim is in the future, beyond the leeway.
        public static let notYetValid: Reason = "not_yet_valid"
        /// A required claim (`exp`, `sub`) is absent, empty or of the wrong type.
        public static let missingClaim: Reason = "missing_claim"
        /// The tenant's key set could not be fetched and none is cached.
        public static let jwksUnavailable: Reason = "jwks_unavailable"
    }

    /// Why the token was refused.
    public var reason: Reason
    /// A sentence that says what was wrong; never the token.
    public var message: String

    /// Creates a token error.
    ///
    /// - Parameters:
    ///   - reason: Why the token was refused.
    ///   - message: What was wrong; credentials in it are redacted.
    public init(reason: Reason, message: String) {
        self.reason = reason
        self.message = Redactor.redact(message)
    }

    /// The reason and message in one line.
    public var description: String {
        "Verne token error \(reason.rawValue): \(message)"
    }
}
