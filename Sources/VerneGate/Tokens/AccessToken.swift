import Foundation
import VerneCore

/// A short-lived access token Gate issued for a subject.
///
/// Printing a token never shows it; read ``accessToken`` only to hand it on.
public struct AccessToken: Sendable, Hashable, Codable, CustomStringConvertible,
    CustomReflectable
{
    /// The token, `gat_…`; attach it to downstream requests.
    public var accessToken: String
    /// When the token stops working.
    public var expiresAt: Date
    /// The user or service account the token was made for.
    public var subject: String
    /// Your tenant's ID.
    public var tenantID: String

    /// Creates a token value.
    ///
    /// - Parameters:
    ///   - accessToken: The token.
    ///   - expiresAt: When it expires.
    ///   - subject: Its subject.
    ///   - tenantID: The tenant ID.
    public init(accessToken: String, expiresAt: Date, subject: String, tenantID: String) {
        self.accessToken = accessToken
        self.expiresAt = expiresAt
        self.subject = subject
        self.tenantID = tenantID
    }

    private enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case expiresAt = "expires_at"
        case subject
        case tenantID = "tenant_id"
    }

    /// The subject, tenant and expiry; never the token.
    public var description: String {
        "AccessToken(accessToken: <redacted>, subject: \(subject), tenantID: \(tenantID), "
            + "expiresAt: \(expiresAt))"
    }

    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror { Mirror(self, children: ["token": description]) }
}
