import Foundation
import VerneCore

/// The verified claims of a Gate signed token.
///
/// The claims Gate documents are typed; every claim, those included, stays reachable in
/// ``raw``. The token cannot be revoked and lives 15 minutes: ``orgs`` and ``role`` are as
/// old as the token.
public struct SignedTokenClaims: Sendable, Hashable {
    /// The issuer (`iss`), `<base URL>/auth/<tenant ID>`; the verifier checked it is yours.
    public var issuer: String
    /// The subject (`sub`): the end user's identity ID.
    public var subject: String
    /// When the token expires (`exp`).
    public var expiresAt: Date
    /// The session the token was made from (`sid`), if given.
    public var sessionID: String?
    /// The tenant's ID, from `tenant_id`.
    public var tenantID: String?
    /// The identity schema's ID, from `schema_id`.
    public var schemaID: String?
    /// The user's email address, if given.
    public var email: String?
    /// The database role, always `authenticated` when present.
    public var role: String?
    /// The organizations the user belonged to when the token was made; empty when the
    /// claim is absent.
    public var orgs: [OrgClaim]
    /// Whether ``orgs`` was cut short; list the user's organizations through Gate then.
    public var orgsTruncated: Bool
    /// When the token was issued (`iat`), if given.
    public var issuedAt: Date?
    /// When the token starts to be valid (`nbf`), if given.
    public var notBefore: Date?
    /// The token's unique ID (`jti`), if given.
    public var tokenID: String?
    /// Every claim of the payload as received.
    public var raw: [String: JSONValue]

    /// Reads claims from a token's payload object.
    ///
    /// A documented claim of an unexpected type is left `nil` (or empty) in its typed
    /// property and stays in ``raw``.
    ///
    /// - Parameter raw: The payload's members.
    /// - Throws: ``VerneTokenError`` with ``VerneTokenError/Reason/missingClaim`` when
    ///   `iss` or `sub` is not a string or `exp` is not a number.
    public init(raw: [String: JSONValue]) throws {
        guard let iss = raw["iss"]?.stringValue else {
            throw VerneTokenError(reason: .missingClaim, message: "The token has no iss claim.")
        }
        guard let sub = raw["sub"]?.stringValue else {
            throw VerneTokenError(reason: .missingClaim, message: "The token has no sub claim.")
        }
        guard let exp = Self.date(raw["exp"]) else {
            throw VerneTokenError(reason: .missingClaim, message: "The token has no exp claim.")
        }

        issuer = iss
        subject = sub
        expiresAt = exp
        sessionID = raw["sid"]?.stringValue
        tenantID = raw["tenant_id"]?.stringValue
        schemaID = raw["schema_id"]?.stringValue
        email = raw["email"]?.stringValue
        role = raw["role"]?.stringValue
        orgs = raw["orgs"]?.arrayValue?.compactMap(OrgClaim.init) ?? []
        orgsTruncated = raw["orgs_truncated"]?.boolValue ?? false
        issuedAt = Self.date(raw["iat"])
        notBefore = Self.date(raw["nbf"])
        tokenID = raw["jti"]?.stringValue
        self.raw = raw
    }

    /// A JWT NumericDate (seconds since 1970, possibly fractional) as a date.
    ///
    /// - Parameter value: The claim.
    /// - Returns: The date, or `nil` when the claim is absent or not a number.
    static func date(_ value: JSONValue?) -> Date? {
        value?.doubleValue.map(Date.init(timeIntervalSince1970:))
    }
}
