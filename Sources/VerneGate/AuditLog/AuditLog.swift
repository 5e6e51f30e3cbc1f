import Foundation
import VerneCore

/// Your account's audit log, for blocking code: read-only, newest first.
///
/// Any key with the `gate` scope reads the whole log, including your team members' IP
/// addresses and user agents; keep such keys on your backend.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncAuditLog`` instead.
public struct AuditLog: Sendable {
    let engine: BlockingEngine

    /// Lists audit-log entries, newest first, one page at a time; filters combine.
    ///
    /// - Parameters:
    ///   - action: Only this action, such as `organization.member_added`.
    ///   - actorID: Only this actor.
    ///   - actorType: Only this kind of actor.
    ///   - targetID: Only this target.
    ///   - from: Only entries at or after this instant.
    ///   - to: Only entries before this instant; later than `from`.
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, with the same filters.
    /// - Returns: One page.
    /// - Throws: ``VerneInvalidRequestError`` before sending when `to` is not later than
    ///   `from`; ``VerneAPIError`` (`400` for an unknown action) and other ``VerneError``s.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func list(
        action: String? = nil, actorID: String? = nil, actorType: AuditActorType? = nil,
        targetID: String? = nil, from: Date? = nil, to: Date? = nil, limit: Int? = nil,
        cursor: String? = nil
    ) throws -> Page<AuditLogEntry> {
        let filter = ListAuditLogEndpoint.Filter(
            action: action, actorID: actorID, actorType: actorType, targetID: targetID,
            from: from, to: to)
        return try engine.run(
            ListAuditLogEndpoint(filter: filter, limit: limit, cursor: cursor))
    }

    /// Every matching entry, newest first, fetched page by page as you iterate.
    ///
    /// - Parameters:
    ///   - action: Only this action.
    ///   - actorID: Only this actor.
    ///   - actorType: Only this kind of actor.
    ///   - targetID: Only this target.
    ///   - from: Only entries at or after this instant.
    ///   - to: Only entries before this instant.
    ///   - pageSize: Items per request; 100 by default.
    /// - Returns: The entries.
    public func all(
        action: String? = nil, actorID: String? = nil, actorType: AuditActorType? = nil,
        targetID: String? = nil, from: Date? = nil, to: Date? = nil, pageSize: Int = 100
    ) -> BlockingPages<AuditLogEntry> {
        let engine = engine
        let filter = ListAuditLogEndpoint.Filter(
            action: action, actorID: actorID, actorType: actorType, targetID: targetID,
            from: from, to: to)
        return BlockingPages { cursor in
            try engine.run(
                ListAuditLogEndpoint(filter: filter, limit: pageSize, cursor: cursor))
        }
    }
}
