import Foundation
import VerneCore

/// `POST /v1/gate/organizations/{org}/members`: give an end user a role in an
/// organization.
public struct AddMemberEndpoint: Endpoint {
    /// The answer: the membership.
    public typealias Response = Member

    struct Body: Encodable, Sendable {
        var identityID: String
        var roleID: String
        var expiresAt: Date?

        enum CodingKeys: String, CodingKey {
            case identityID = "identity_id"
            case roleID = "role_id"
            case expiresAt = "expires_at"
        }
    }

    /// `/v1/gate/organizations/{org}/members`.
    public let path: EndpointPath
    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - identityID: The end user.
    ///   - roleID: The role to hold.
    ///   - expiresAt: When the membership ends by itself, or `nil` for never.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(orgID: String, identityID: String, roleID: String, expiresAt: Date?) throws {
        path = try GatePaths.members(of: orgID)
        try Check.notEmpty(identityID, "identityID")
        try Check.notEmpty(roleID, "roleID")
        content = Body(identityID: identityID, roleID: roleID, expiresAt: expiresAt)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `identity_id`, `role_id`, and `expires_at` when given.
    public var body: RequestBody? { RequestBody(content) }
}

/// `GET /v1/gate/organizations/{org}/members`: one page of an organization's members.
public struct ListMembersEndpoint: Endpoint {
    /// The answer: a page of memberships.
    public typealias Response = Page<Member>

    /// `/v1/gate/organizations/{org}/members`.
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
        path = try GatePaths.members(of: orgID)
        try Check.limit(limit)
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }

    /// `limit` and `cursor` when given.
    public var query: QueryItems { .page(limit: limit, cursor: cursor) }
}

/// `PATCH /v1/gate/organizations/{org}/members/{identity}`: change a member's role or
/// deadline.
public struct UpdateMemberEndpoint: Endpoint {
    /// The answer: the changed membership.
    public typealias Response = Member

    struct Body: Encodable, Sendable {
        var roleID: String?
        var deadline: MemberDeadlineChange

        enum CodingKeys: String, CodingKey {
            case roleID = "role_id"
            case expiresAt = "expires_at"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(roleID, forKey: .roleID)
            switch deadline {
            case .keep: break
            case .remove: try container.encodeNil(forKey: .expiresAt)
            case .set(let date): try container.encode(date, forKey: .expiresAt)
            }
        }
    }

    /// `/v1/gate/organizations/{org}/members/{identity}`.
    public let path: EndpointPath
    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - identityID: The member's identity ID.
    ///   - roleID: The new role, or `nil` to keep it.
    ///   - deadline: What to do with the deadline.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible,
    ///   or when the update would change nothing (no role and ``MemberDeadlineChange/keep``),
    ///   which the service refuses.
    public init(
        orgID: String, identityID: String, roleID: String?, deadline: MemberDeadlineChange
    ) throws {
        path = try GatePaths.member(identityID, of: orgID)
        if let roleID { try Check.notEmpty(roleID, "roleID") }
        guard roleID != nil || deadline != .keep else {
            throw VerneInvalidRequestError(
                argument: "deadline",
                message: "the update changes nothing; give a role, or .remove or .set(date)")
        }
        content = Body(roleID: roleID, deadline: deadline)
    }

    /// `PATCH`.
    public var method: HTTPMethod { .patch }
    /// `role_id` when given; `expires_at` left out, `null` or a time.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: the same update twice gives the same membership.
    public var repeatability: Repeatability { .safe }
}

/// `DELETE /v1/gate/organizations/{org}/members/{identity}`: end a membership; the
/// person stays your end user.
public struct RemoveMemberEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/organizations/{org}/members/{identity}`.
    public let path: EndpointPath

    /// Checks the IDs and builds the endpoint.
    ///
    /// - Parameters:
    ///   - orgID: The organization ID.
    ///   - identityID: The member's identity ID.
    /// - Throws: ``VerneInvalidRequestError`` when an ID is empty, `.` or `..`.
    public init(orgID: String, identityID: String) throws {
        path = try GatePaths.member(identityID, of: orgID)
    }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}
