import Foundation
import VerneCore

/// An end user's membership of an organization, with the one role they hold there.
public struct Member: Sendable, Hashable, Codable {
    /// The organization ID; empty when the answer leaves it out.
    public var organizationID: String
    /// The end user's identity ID.
    public var identityID: String
    /// The role held.
    public var roleID: String
    /// When the membership ends by itself; `nil` for never.
    public var expiresAt: Date?
    /// When the membership was created; `nil` when the answer leaves it out.
    public var createdAt: Date?
    /// When it last changed; `nil` when the answer leaves it out.
    public var updatedAt: Date?

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
        createdAt: Date? = nil, updatedAt: Date? = nil
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

    /// Decodes a membership, as tolerant as the reference client: a missing
    /// `organization_id` is an empty string and missing timestamps are `nil`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a required member is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        organizationID =
            try container.decodeIfPresent(String.self, forKey: .organizationID) ?? ""
        identityID = try container.decode(String.self, forKey: .identityID)
        roleID = try container.decode(String.self, forKey: .roleID)
        expiresAt = try container.decodeIfPresent(Date.self, forKey: .expiresAt)
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
    }
}
