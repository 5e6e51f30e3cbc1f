import Foundation
import VerneCore

/// The members of one organization, for blocking code: end users holding one role each.
///
/// Get one from `organizations.members(of:)`.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncMembers`` instead.
public struct Members: Sendable {
    let engine: BlockingEngine
    /// The organization these members belong to.
    public let orgID: String

    /// Gives an end user a role in the organization.
    ///
    /// - Parameters:
    ///   - identityID: The end user.
    ///   - roleID: The role to hold.
    ///   - expiresAt: When the membership ends by itself (in the future, at most 10 years
    ///     ahead), or `nil` for never.
    /// - Returns: The membership.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; ``VerneAPIError``
    ///   (`404` for an unknown identity, `409` for an existing member) and other
    ///   ``VerneError``s.
    @discardableResult
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func add(
        identityID: String, roleID: String, expiresAt: Date? = nil
    ) throws -> Member {
        try engine.run(
            AddMemberEndpoint(
                orgID: orgID, identityID: identityID, roleID: roleID, expiresAt: expiresAt))
    }

    /// Lists the organization's members, one page at a time.
    ///
    /// - Parameters:
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, or `nil` for the first page.
    /// - Returns: One page.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func list(limit: Int? = nil, cursor: String? = nil) throws -> Page<Member> {
        try engine.run(ListMembersEndpoint(orgID: orgID, limit: limit, cursor: cursor))
    }

    /// Every member of the organization, fetched page by page as you iterate.
    ///
    /// - Parameter pageSize: Items per request; 100 by default.
    /// - Returns: The memberships.
    public func all(pageSize: Int = 100) -> BlockingPages<Member> {
        let (engine, orgID) = (engine, orgID)
        return BlockingPages { cursor in
            try engine.run(
                ListMembersEndpoint(orgID: orgID, limit: pageSize, cursor: cursor))
        }
    }

    /// Changes a member's role, deadline, or both.
    ///
    /// ```swift
    /// try members.update(identityID: id, roleID: viewer.id)            // deadline kept
    /// try members.update(identityID: id, deadline: .remove)            // never ends
    /// try members.update(identityID: id, deadline: .set(endOfQuarter)) // ends then
    /// ```
    ///
    /// - Parameters:
    ///   - identityID: The member's identity ID.
    ///   - roleID: The new role, or `nil` to keep it.
    ///   - deadline: ``MemberDeadlineChange/keep`` (the default),
    ///     ``MemberDeadlineChange/remove`` or ``MemberDeadlineChange/set(_:)``.
    /// - Returns: The changed membership.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable argument or an update that
    ///   changes nothing; a ``VerneError``.
    @discardableResult
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func update(
        identityID: String, roleID: String? = nil, deadline: MemberDeadlineChange = .keep
    ) throws -> Member {
        try engine.run(
            UpdateMemberEndpoint(
                orgID: orgID, identityID: identityID, roleID: roleID, deadline: deadline))
    }

    /// Ends a membership; the person stays your end user.
    ///
    /// - Parameter identityID: The member's identity ID.
    /// - Throws: ``VerneInvalidRequestError`` for an unusable ID; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func remove(identityID: String) throws {
        _ = try engine.run(RemoveMemberEndpoint(orgID: orgID, identityID: identityID))
    }
}
