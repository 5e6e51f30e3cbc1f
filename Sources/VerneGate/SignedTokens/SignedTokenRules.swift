import Foundation
import VerneCore

/// The checks of a token after its signature: issuer, times and subject.
struct SignedTokenRules: Sendable {
    /// The only `iss` accepted.
    let issuer: String
    /// The clock skew allowed on `exp`, `nbf` and `iat`, in seconds.
    let leeway: TimeInterval

    /// Checks the claims of a token whose signature verified, in the order API.md lists.
    ///
    /// - Parameters:
    ///   - claims: The payload's members.
    ///   - now: The current time.
    /// - Returns: The typed claims.
    /// - Throws: ``VerneTokenError`` with ``VerneTokenError/Reason/wrongIssuer``,
    ///   ``VerneTokenError/Reason/missingClaim``, ``VerneTokenError/Reason/expired``,
    ///   ``VerneTokenError/Reason/notYetValid`` or ``VerneTokenError/Reason/malformed``.
    func check(_ claims: [String: JSONValue], now: Date) throws -> SignedTokenClaims {
        guard claims["iss"]?.stringValue == issuer else {
            throw VerneTokenError(
                reason: .wrongIssuer,
                message: "The token was not issued by \(issuer), for example it belongs to "
                    + "another tenant.")
        }

        guard let expiry = claims["exp"] else {
            throw VerneTokenError(reason: .missingClaim, message: "The token has no exp claim.")
        }
        guard let exp = expiry.doubleValue else {
            throw VerneTokenError(
                reason: .missingClaim, message: "The token's exp claim is not a number.")
        }
        let current = now.timeIntervalSince1970
        guard current <= exp + leeway else {
            throw VerneTokenError(reason: .expired, message: "The token has expired.")
        }

        for name in ["nbf", "iat"] {
            guard let claim = claims[name] else { continue }
            guard let time = claim.doubleValue else {
                throw VerneTokenError(
                    reason: .malformed, message: "The token's \(name) claim is not a number.")
            }
            guard time <= current + leeway else {
                throw VerneTokenError(
                    reason: .notYetValid,
                    message: "The token's \(name) claim is in the future; it is not valid yet.")
            }
        }

        guard let subject = claims["sub"]?.stringValue, !subject.isEmpty else {
            throw VerneTokenError(
                reason: .missingClaim, message: "The token has no sub claim, or an empty one.")
        }
        return try SignedTokenClaims(raw: claims)
    }
}
