import Foundation
import VerneCore

/// An end user's membership of an organization, with the one role they hold there.
public struct Member: Sendable, Hashable, Codable {
    /// The organization ID.
    public var organizationID: String
    /// The end user's identity ID.
    public var identityID: String
    /// The role held.
    public var roleID: String
    /// When the membership ends by itself; `nil` for never.
    public var expiresAt: Date?
    /// When the membership was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a membership value.
    ///
    /// - Parameters:
    ///   - organizationID: The organization ID.
    ///   - identityID: The identity ID.
    ///   - roleID: The role ID.
    ///   - expiresAt: The deadline, or `nil`.
    ///   - createdAt: When it was created.
    ///   - updatedAt: When it last changed.
    public init(
        organizationID: String, identityID: String, roleID: String, expiresAt: Date?,
        createdAt: Date, updatedAt: Date
    ) {
        self.organizationID = organizationID
        self.identityID = identityID
        self.roleID = roleID
        self.expiresAt = expiresAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case organizationID = "organization_id"
        case identityID = "identity_id"
        case roleID = "role_id"
        case expiresAt = "expires_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}
