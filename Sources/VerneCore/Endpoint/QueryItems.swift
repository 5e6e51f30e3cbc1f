import Foundation

/// Query parameters in order; values that are absent are left out.
public struct QueryItems: Sendable, Hashable, Sequence {
    /// One parameter.
    public struct Item: Sendable, Hashable {
        /// The name.
        public var name: String
        /// The value, not yet encoded.
        public var value: String
    }

    private var items: [Item] = []

    /// Creates an empty list.
    public init() {}

    /// Adds a string parameter when the value is present.
    ///
    /// - Parameters:
    ///   - name: The parameter name.
    ///   - value: The value, or `nil` to leave it out.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { items.append(Item(name: name, value: value)) }
    }

    /// Adds an integer parameter when the value is present.
    ///
    /// - Parameters:
    ///   - name: The parameter name.
    ///   - value: The value, or `nil` to leave it out.
    public mutating func add(_ name: String, _ value: Int?) {
        add(name, value.map { String($0) })
    }

    /// Adds a Boolean parameter, written `true` or `false`, when present.
    ///
    /// - Parameters:
    ///   - name: The parameter name.
    ///   - value: The value, or `nil` to leave it out.
    public mutating func add(_ name: String, _ value: Bool?) {
        add(name, value.map { $0 ? "true" : "false" })
    }

    /// Adds a time parameter, written as RFC 3339 in UTC, when present.
    ///
    /// - Parameters:
    ///   - name: The parameter name.
    ///   - value: The value, or `nil` to leave it out.
    public mutating func add(_ name: String, _ value: Date?) {
        add(name, value.map(RFC3339.string(from:)))
    }

    /// The paging parameters of a list: `limit` and `cursor`, each when given.
    ///
    /// - Parameters:
    ///   - limit: The page size, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Returns: The parameters.
    public static func page(limit: Int?, cursor: String?) -> QueryItems {
        var items = QueryItems()
        items.add("limit", limit)
        items.add("cursor", cursor)
        return items
    }

    /// Whether there are no parameters.
    public var isEmpty: Bool { items.isEmpty }

    /// Iterates over the parameters.
    public func makeIterator() -> IndexingIterator<[Item]> { items.makeIterator() }

    /// The encoded query, without the leading `?`; every character but the unreserved
    /// ones is percent-encoded, so `+` and `&` in a value stay part of it.
    public var encoded: String {
        items.map {
            EndpointPath.encodeSegment($0.name) + "=" + EndpointPath.encodeSegment($0.value)
        }
        .joined(separator: "&")
    }
}
