import Foundation
import VerneCore

/// What Gate knows about an access token.
///
/// An unknown, expired or foreign token, or one whose end user was deactivated or
/// deleted, is inactive and carries nothing else.
public struct Introspection: Sendable, Hashable, Codable {
    /// Whether the token is valid now; gate on this.
    public var active: Bool
    /// The token's subject, when active.
    public var subject: String?
    /// Your tenant's ID, when active.
    public var tenantID: String?
    /// The token's scopes; empty when none or inactive.
    public var scopes: [String]
    /// When the token expires, when active.
    public var expiresAt: Date?
    /// When the subject is an end user, their organizations in the key's project, read now.
    public var orgs: [OrgClaim]?
    /// Whether ``orgs`` is incomplete; list them all with
    /// `identities.allOrganizations(of:)`.
    public var orgsTruncated: Bool

    /// Creates an introspection result.
    ///
    /// - Parameters:
    ///   - active: Whether the token is valid.
    ///   - subject: The subject.
    ///   - tenantID: The tenant ID.
    ///   - scopes: The scopes.
    ///   - expiresAt: The expiry.
    ///   - orgs: The subject's organizations.
    ///   - orgsTruncated: Whether `orgs` is incomplete.
    public init(
        active: Bool, subject: String? = nil, tenantID: String? = nil, scopes: [String] = [],
        expiresAt: Date? = nil, orgs: [OrgClaim]? = nil, orgsTruncated: Bool = false
    ) {
        self.active = active
        self.subject = subject
        self.tenantID = tenantID
        self.scopes = scopes
        self.expiresAt = expiresAt
        self.orgs = orgs
        self.orgsTruncated = orgsTruncated
    }

    private enum CodingKeys: String, CodingKey {
        case active
        case subject
        case tenantID = "tenant_id"
        case scopes
        case expiresAt = "expires_at"
        case orgs
        case orgsTruncated = "orgs_truncated"
    }

    /// Decodes an introspection answer; every member but `active` may be missing, and a
    /// missing `active` means inactive.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? false
        subject = try container.decodeIfPresent(String.self, forKey: .subject)
        tenantID = try container.decodeIfPresent(String.self, forKey: .tenantID)
        scopes = try container.decodeIfPresent([String].self, forKey: .scopes) ?? []
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        orgs = try container.decodeIfPresent([OrgClaim].self, forKey: .orgs)
        orgsTruncated = try container.decodeIfPresent(Bool.self, forKey: .orgsTruncated) ?? false
    }
}
