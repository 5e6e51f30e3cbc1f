import VerneCore

/// The `{"name"?, "permissions"?}` body of creating and updating a role.
struct RoleBody: Encodable, Sendable {
    var name: String?
    var permissions: [String]?

    init(name: String?, permissions: [String]?) throws {
        if let name { try Check.notEmpty(name, "name") }
        if let permissions {
            guard permissions.count <= 100 else {
                throw VerneInvalidRequestError(
                    argument: "permissions", message: "must hold at most 100 permissions")
            }
            for permission in permissions { try Permission.check(permission, "permissions") }
        }
        self.name = name
        self.permissions = permissions
    }
}

/// `POST /v1/gate/organizations/{org}/roles`: define a role.
public struct CreateRoleEndpoint: Endpoint {
    /// The answer: the new role.
    public typealias Response = Role

    /// `/v1/gate/organizations/{org}/roles`.
    public let path: EndpointPath
    let content: RoleBody

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - name: The name: 1–64 lowercase letters, digits, `_` and `-`.
    ///   - permissions: The permissions, or `nil` for none.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(orgID: String, name: String, permissions: [String]?) throws {
        path = try GatePaths.roles(of: orgID)
        content = try RoleBody(name: name, permissions: permissions)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `name`, and `permissions` when given.
    public var body: RequestBody? { RequestBody(content) }
}

/// `GET /v1/gate/organizations/{org}/roles`: one page of an organization's roles.
public struct ListRolesEndpoint: Endpoint {
    /// The answer: a page of roles.
    public typealias Response = Page<Role>

    /// `/v1/gate/organizations/{org}/roles`.
    public let path: EndpointPath
    let limit: Int?
    let cursor: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - limit: Page size from 1, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(orgID: String, limit: Int?, cursor: String?) throws {
        path = try GatePaths.roles(of: orgID)
        try Check.limit(limit)
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }

    /// `limit` and `cursor` when given.
    public var query: QueryItems { .page(limit: limit, cursor: cursor) }
}

/// `GET /v1/gate/organizations/{org}/roles/{role}`: read a role.
public struct GetRoleEndpoint: Endpoint {
    /// The answer: the role.
    public typealias Response = Role

    /// `/v1/gate/organizations/{org}/roles/{role}`.
    public let path: EndpointPath

    /// Checks the IDs and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - roleID: The role ID.
    /// - Throws: ``VerneInvalidRequestError`` when an ID is empty, `.` or `..`.
    public init(orgID: String, roleID: String) throws {
        path = try GatePaths.role(roleID, of: orgID)
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
}

/// `PATCH /v1/gate/organizations/{org}/roles/{role}`: rename a role or replace its
/// permissions.
public struct UpdateRoleEndpoint: Endpoint {
    /// The answer: the changed role.
    public typealias Response = Role

    /// `/v1/gate/organizations/{org}/roles/{role}`.
    public let path: EndpointPath
    let content: RoleBody

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - roleID: The role ID.
    ///   - name: The new name, or `nil` to keep it.
    ///   - permissions: The new permissions, replacing the old ones, or `nil` to keep them.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(orgID: String, roleID: String, name: String?, permissions: [String]?) throws {
        path = try GatePaths.role(roleID, of: orgID)
        content = try RoleBody(name: name, permissions: permissions)
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// `name` and `permissions` when given.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: the same update twice gives the same role.
    public var repeatability: Repeatability { .safe }
}

/// `DELETE /v1/gate/organizations/{org}/roles/{role}`: delete a role nobody holds.
public struct DeleteRoleEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/organizations/{org}/roles/{role}`.
    public let path: EndpointPath

    /// Checks the IDs and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - roleID: The role ID.
    /// - Throws: ``VerneInvalidRequestError`` when an ID is empty, `.` or `..`.
    public init(orgID: String, roleID: String) throws {
        path = try GatePaths.role(roleID, of: orgID)
    }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}
