import Foundation
import VerneCore

/// `GET /v1/gate/audit-log`: one page of audit-log entries, newest first, filtered.
public struct ListAuditLogEndpoint: Endpoint {
    /// The answer: a page of entries.
    public typealias Response = Page<AuditLogEntry>

    /// The filters of an audit-log query; every one is optional and they combine.
    public struct Filter: Sendable, Hashable {
        /// One action, such as `identity.login`; an unknown action is a `400`.
        public var action: String?
        /// One actor's ID.
        public var actorID: String?
        /// One kind of actor.
        public var actorType: AuditActorType?
        /// One target's ID.
        public var targetID: String?
        /// Entries at or after this instant.
        public var from: Date?
        /// Entries before this instant; must be later than ``from``.
        public var to: Date?

        /// Creates a filter.
        ///
        /// - Parameters:
        ///   - action: One action.
        ///   - actorID: One actor's ID.
        ///   - actorType: One kind of actor.
        ///   - targetID: One target's ID.
        ///   - from: The earliest instant.
        ///   - to: The instant entries must be before.
        public init(
            action: String? = nil, actorID: String? = nil, actorType: AuditActorType? = nil,
            targetID: String? = nil, from: Date? = nil, to: Date? = nil
        ) {
            self.action = action
            self.actorID = actorID
            self.actorType = actorType
            self.targetID = targetID
            self.from = from
            self.to = to
        }
    }

    let filter: Filter
    let limit: Int?
    let cursor: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - filter: The filters.
    ///   - limit: Page size from 1, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Throws: ``VerneInvalidRequestError`` when `limit` is below 1 or `to` is not later
    ///   than `from`.
    public init(filter: Filter, limit: Int?, cursor: String?) throws {
        try Check.limit(limit)
        if let from = filter.from, let to = filter.to, to <= from {
            throw VerneInvalidRequestError(argument: "to", message: "must be later than `from`")
        }
        self.filter = filter
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/audit-log`.
    public var path: EndpointPath { GatePaths.auditLog }

    /// `limit`, `cursor`, `action`, `actor_id`, `actor_type`, `target_id`, `from` and `to`
    /// when given; times as RFC 3339 UTC.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("limit", limit)
        items.add("cursor", cursor)
        items.add("action", filter.action)
        items.add("actor_id", filter.actorID)
        items.add("actor_type", filter.actorType?.rawValue)
        items.add("target_id", filter.targetID)
        items.add("from", filter.from)
        items.add("to", filter.to)
        return items
    }
}
