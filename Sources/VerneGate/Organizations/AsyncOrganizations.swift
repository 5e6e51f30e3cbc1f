import VerneCore

/// Organizations of your end users, for async code: their teams, workspaces or
/// companies, with named roles and members.
///
/// Gate keeps the data and answers permission questions; your service enforces them.
///
/// ```swift
/// let org = try await gate.organizations.create(name: "Acme")
/// let admin = try await gate.organizations.roles(in: org.id)
///     .create(name: "admin", permissions: ["invoices:write"])
/// try await gate.organizations.members(of: org.id).add(identityID: userID, roleID: admin.id)
/// let allowed = try await gate.organizations.can(
///     orgID: org.id, identityID: userID, permission: "invoices:write")
/// ```
public struct AsyncOrganizations: Sendable {
    let engine: AsyncEngine

    /// Creates an organization.
    ///
    /// - Parameter name: Free text of 1–120 characters; names need not be unique.
    /// - Returns: The new organization.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable name; a ``VerneError``.
    public func create(name: String) async throws -> Organization {
        try await engine.run(CreateOrganizationEndpoint(name: name))
    }

    /// Lists the project's organizations, oldest first, one page at a time.
    ///
    /// - Parameters:
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, or `nil` for the first page.
    /// - Returns: One page.
    /// - Throws: ``VerneInvalidRequestError`` for a limit below 1; a ``VerneError``.
    public func list(
        limit: Int? = nil, cursor: String? = nil
    ) async throws -> Page<Organization> {
        try await engine.run(ListOrganizationsEndpoint(limit: limit, cursor: cursor))
    }

    /// Every organization of the project, oldest first, fetched page by page as you
    /// iterate.
    ///
    /// - Parameter pageSize: Items per request; 100 by default.
    /// - Returns: The organizations as an async sequence.
    public func all(pageSize: Int = 100) -> PageSequence<Organization> {
        let engine = engine
        return PageSequence { cursor in
            try await engine.run(ListOrganizationsEndpoint(limit: pageSize, cursor: cursor))
        }
    }

    /// Reads an organization.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Returns: The organization.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func get(_ orgID: String) async throws -> Organization {
        try await engine.run(GetOrganizationEndpoint(orgID: orgID))
    }

    /// Renames an organization.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - name: The new name, 1–120 characters.
    /// - Returns: The renamed organization.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @discardableResult
    public func rename(_ orgID: String, to name: String) async throws -> Organization {
        try await engine.run(RenameOrganizationEndpoint(orgID: orgID, name: name))
    }

    /// Deletes an organization with its roles and memberships.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    public func delete(_ orgID: String) async throws {
        _ = try await engine.run(DeleteOrganizationEndpoint(orgID: orgID))
    }

    /// The roles of one organization.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Returns: The roles API of that organization.
    public func roles(in orgID: String) -> AsyncRoles { AsyncRoles(engine: engine, orgID: orgID) }

    /// The members of one organization.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Returns: The members API of that organization.
    public func members(of orgID: String) -> AsyncMembers {
        AsyncMembers(engine: engine, orgID: orgID)
    }

    /// Asks whether an end user may do something in an organization, answered from the
    /// role they hold there now.
    ///
    /// The permission must match exactly; there are no wildcards. The resource sent is
    /// `organization:<orgID>`.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - identityID: The end user.
    ///   - permission: The permission, for example `invoices:write`.
    /// - Returns: The decision, with ``Decision/reason`` and ``Decision/role``.
    /// - Throws: ``VerneInvalidRequestError`` for an empty ID or a malformed permission
    ///   (upper case, `*`, the `nautilus:` prefix); a ``VerneError``.
    public func authorize(
        orgID: String, identityID: String, permission: String
    ) async throws -> Decision {
        try await engine.run(
            AuthorizeEndpoint(orgID: orgID, identityID: identityID, permission: permission))
    }

    /// Whether an end user holds a permission in an organization: the answer of
    /// ``authorize(orgID:identityID:permission:)`` as a Boolean.
    ///
    /// Errors are thrown, never turned into `false`.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - identityID: The end user.
    ///   - permission: The permission.
    /// - Returns: `true` when allowed.
    /// - Throws: As ``authorize(orgID:identityID:permission:)``.
    public func can(
        orgID: String, identityID: String, permission: String
    ) async throws -> Bool {
        try await authorize(orgID: orgID, identityID: identityID, permission: permission).allowed
    }
}
