import VerneCore

/// The roles of one organization, for blocking code: named sets of permissions.
///
/// Get one from `organizations.roles(in:)`.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncRoles`` instead.
public struct Roles: Sendable {
    let engine: BlockingEngine
    /// The organization these roles belong to.
    public let orgID: String

    /// Defines a role.
    ///
    /// - Parameters:
    ///   - name: 1–64 lowercase letters, digits, `_` and `-`, starting with a letter or
    ///     digit; unique in the organization.
    ///   - permissions: Lowercase segments joined by `:`, such as `invoices:write`; at most
    ///     100. The service sorts and de-duplicates them.
    /// - Returns: The new role.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; ``VerneAPIError``
    ///   (`409 conflict` for a name in use, `409 limit_reached` past 100 roles) and other
    ///   ``VerneError``s.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func create(name: String, permissions: [String]? = nil) throws -> Role {
        try engine.run(CreateRoleEndpoint(orgID: orgID, name: name, permissions: permissions))
    }

    /// Lists the organization's roles, one page at a time.
    ///
    /// - Parameters:
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, or `nil` for the first page.
    /// - Returns: One page.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func list(limit: Int? = nil, cursor: String? = nil) throws -> Page<Role> {
        try engine.run(ListRolesEndpoint(orgID: orgID, limit: limit, cursor: cursor))
    }

    /// Every role of the organization, fetched page by page as you iterate.
    ///
    /// - Parameter pageSize: Items per request; 100 by default.
    /// - Returns: The roles.
    public func all(pageSize: Int = 100) -> BlockingPages<Role> {
        let (engine, orgID) = (engine, orgID)
        return BlockingPages { cursor in
            try engine.run(ListRolesEndpoint(orgID: orgID, limit: pageSize, cursor: cursor))
        }
    }

    /// Reads a role.
    ///
    /// - Parameter roleID: The role ID.
    /// - Returns: The role.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func get(_ roleID: String) throws -> Role {
        try engine.run(GetRoleEndpoint(orgID: orgID, roleID: roleID))
    }

    /// Renames a role or replaces its permissions; everyone holding it has the new
    /// permissions at once.
    ///
    /// - Parameters:
    ///   - roleID: The role ID.
    ///   - name: The new name, or `nil` to keep it.
    ///   - permissions: The complete new list, replacing the old one, or `nil` to keep it.
    /// - Returns: The changed role.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @discardableResult
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func update(
        _ roleID: String, name: String? = nil, permissions: [String]? = nil
    ) throws -> Role {
        try engine.run(
            UpdateRoleEndpoint(orgID: orgID, roleID: roleID, name: name, permissions: permissions))
    }

    /// Deletes a role; a role someone holds is refused with `409 conflict`.
    ///
    /// - Parameter roleID: The role ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func delete(_ roleID: String) throws {
        _ = try engine.run(DeleteRoleEndpoint(orgID: orgID, roleID: roleID))
    }
}
