import VerneCore

/// One organization an end user belongs to, with the role held there and its permissions.
///
/// Gate reports memberships in this form everywhere: introspection, the session check and
/// `identities.organizations(of:)`.
public struct OrgClaim: Sendable, Hashable, Codable, Identifiable {
    /// The organization ID.
    public var id: String
    /// The name of the role the end user holds there.
    public var role: String
    /// That role's permissions, for example `invoices:write`.
    public var permissions: [String]

    /// Creates a claim.
    ///
    /// - Parameters:
    ///   - id: The organization ID.
    ///   - role: The role name.
    ///   - permissions: The role's permissions.
    public init(id: String, role: String, permissions: [String]) {
        self.id = id
        self.role = role
        self.permissions = permissions
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case role
        case permissions
    }

    /// Decodes a claim; `role` and `permissions` may be missing.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when `id` is missing or a member has the wrong type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        role = try container.decodeIfPresent(String.self, forKey: .role) ?? ""
        permissions = try container.decodeIfPresent([String].self, forKey: .permissions) ?? []
    }
}
