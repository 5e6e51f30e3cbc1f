import VerneCore

/// One organization a user belonged to when a signed token was made, from its `orgs`
/// claim.
///
/// The claim is as old as the token and cannot follow a role change or a removal; for a
/// live answer ask Gate.
public struct SignedTokenOrgClaim: Sendable, Hashable {
    /// The organization's ID.
    public var id: String
    /// The name of the role the user held there.
    public var role: String
    /// That role's permissions, for example `invoices:write`.
    public var permissions: [String]

    /// Creates an organization claim.
    ///
    /// - Parameters:
    ///   - id: The organization's ID.
    ///   - role: The role's name.
    ///   - permissions: The role's permissions.
    public init(id: String, role: String, permissions: [String]) {
        self.id = id
        self.role = role
        self.permissions = permissions
    }

    /// Reads one element of the `orgs` claim.
    ///
    /// - Parameter value: The element.
    /// - Returns: The claim, or `nil` when the element is not an object with a string `id`.
    init?(_ value: JSONValue) {
        guard let id = value["id"]?.stringValue else { return nil }
        self.id = id
        role = value["role"]?.stringValue ?? ""
        permissions = value["permissions"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
