import VerneCore

/// The `{"name": …}` body of creating and renaming an organization.
struct OrganizationNameBody: Encodable, Sendable {
    var name: String

    init(_ name: String) throws {
        guard (1...120).contains(name.count) else {
            throw VerneInvalidRequestError(argument: "name", message: "must be 1 to 120 characters")
        }
        self.name = name
    }
}

/// `POST /v1/gate/organizations`: create an organization.
public struct CreateOrganizationEndpoint: Endpoint {
    /// The answer: the new organization.
    public typealias Response = Organization

    let content: OrganizationNameBody

    /// Checks the name and builds the endpoint.
    ///
    /// - Parameter name: Free text of 1–120 characters.
    /// - Throws: ``VerneInvalidRequestError`` when the name is empty or too long.
    public init(name: String) throws { content = try OrganizationNameBody(name) }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/organizations`.
    public var path: EndpointPath { GatePaths.organizations }
    /// `{"name": …}`.
    public var body: RequestBody? { RequestBody(content) }
}

/// `GET /v1/gate/organizations`: one page of the project's organizations, oldest first.
public struct ListOrganizationsEndpoint: Endpoint {
    /// The answer: a page of organizations.
    public typealias Response = Page<Organization>

    let limit: Int?
    let cursor: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - limit: Page size from 1, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Throws: ``VerneInvalidRequestError`` when `limit` is below 1.
    public init(limit: Int?, cursor: String?) throws {
        try Check.limit(limit)
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/organizations`.
    public var path: EndpointPath { GatePaths.organizations }

    /// `limit` and `cursor` when given.
    public var query: QueryItems { .page(limit: limit, cursor: cursor) }
}

/// `GET /v1/gate/organizations/{org}`: read an organization.
public struct GetOrganizationEndpoint: Endpoint {
    /// The answer: the organization.
    public typealias Response = Organization

    /// `/v1/gate/organizations/{org}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(orgID: String) throws { path = try GatePaths.organization(orgID) }

    /// `GET`.
    public var method: HTTPMethod { .get }
}

/// `PATCH /v1/gate/organizations/{org}`: rename an organization.
public struct RenameOrganizationEndpoint: Endpoint {
    /// The answer: the renamed organization.
    public typealias Response = Organization

    /// `/v1/gate/organizations/{org}`.
    public let path: EndpointPath
    let content: OrganizationNameBody

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - name: The new name, 1–120 characters.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(orgID: String, name: String) throws {
        path = try GatePaths.organization(orgID)
        content = try OrganizationNameBody(name)
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// `{"name": …}`.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: renaming twice to the same name changes nothing more.
    public var repeatability: Repeatability { .safe }
}

/// `DELETE /v1/gate/organizations/{org}`: delete an organization with its roles and
/// memberships.
public struct DeleteOrganizationEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/organizations/{org}`.
    public let path: EndpointPath

    /// Checks the ID and builds the endpoint.
    ///
    /// - Parameter orgID: The organization ID.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public init(orgID: String) throws { path = try GatePaths.organization(orgID) }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}
