import Foundation
import VerneCore

/// A named set of permissions inside one organization.
public struct Role: Sendable, Hashable, Codable, Identifiable {
    /// The role ID.
    public var id: String
    /// The organization the role belongs to; empty when the answer leaves it out.
    public var organizationID: String
    /// The name: lowercase letters, digits, `_` and `-`, unique in the organization.
    public var name: String
    /// The permissions, sorted and de-duplicated by the service.
    public var permissions: [String]
    /// When the role was created; `nil` when the answer leaves it out.
    public var createdAt: Date?
    /// When it last changed; `nil` when the answer leaves it out.
    public var updatedAt: Date?

    /// Creates a role value.
    ///
    /// - Parameters:
    ///   - id: The ID.
    ///   - organizationID: The organization ID.
    ///   - name: The name.
    ///   - permissions: The permissions.
    ///   - createdAt: When it was created.
    ///   - updatedAt: When it last changed.
    public init(
        id: String, organizationID: String, name: String, permissions: [String],
        createdAt: Date? = nil, updatedAt: Date? = nil
    ) {
        self.id = id
        self.organizationID = organizationID
        self.name = name
        self.permissions = permissions
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case organizationID = "organization_id"
        case name
        case permissions
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }

    /// Decodes a role, as tolerant as the reference client: a missing or `null`
    /// `permissions` is an empty list, a missing `organization_id` an empty string, and
    /// missing timestamps are `nil`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when a required member is missing or has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        organizationID =
            try container.decodeIfPresent(String.self, forKey: .organizationID) ?? ""
        name = try container.decode(String.self, forKey: .name)
        permissions = try container.decodeIfPresent([String].self, forKey: .permissions) ?? []
        createdAt = try container.decodeIfPresent(Date.self, forKey: .createdAt)
        updatedAt = try container.decodeIfPresent(Date.self, forKey: .updatedAt)
    }
}
