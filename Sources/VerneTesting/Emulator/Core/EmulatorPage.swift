import Foundation
import VerneCore

/// Cursor paging over lists kept in ascending sequence order, as every Gate list pages:
/// `{"data", "has_more", "next_cursor"}`.
///
/// A cursor is the base64url form of `<kind>:<sequence>`, the sequence number of the last
/// item returned; a cursor of another list is refused with `400`.
enum EmulatorPage {
    /// A page of items, oldest first.
    ///
    /// - Parameters:
    ///   - items: Every item, ascending by sequence.
    ///   - kind: The list's name in its cursors.
    ///   - query: The request's query (`limit`, `cursor`).
    ///   - sequence: An item's sequence number.
    ///   - wire: An item's JSON.
    /// - Returns: The page.
    /// - Throws: `400 invalid_payload` for a bad `limit` or cursor.
    static func oldestFirst<Item>(
        _ items: [Item], kind: String, query: [String: String], sequence: (Item) -> Int,
        wire: (Item) -> JSONValue
    ) throws -> JSONValue {
        let limit = try RelayMessageRoutes.pageLimit(query["limit"])
        let after = try cursor(query["cursor"], kind: kind)
        let remaining = items.filter { sequence($0) > (after ?? 0) }
        return page(remaining, limit: limit, kind: kind, sequence: sequence, wire: wire)
    }

    /// A page of items, newest first.
    ///
    /// - Parameters:
    ///   - items: Every item, ascending by sequence.
    ///   - kind: The list's name in its cursors.
    ///   - query: The request's query (`limit`, `cursor`).
    ///   - sequence: An item's sequence number.
    ///   - wire: An item's JSON.
    /// - Returns: The page.
    /// - Throws: `400 invalid_payload` for a bad `limit` or cursor.
    static func newestFirst<Item>(
        _ items: [Item], kind: String, query: [String: String], sequence: (Item) -> Int,
        wire: (Item) -> JSONValue
    ) throws -> JSONValue {
        let limit = try RelayMessageRoutes.pageLimit(query["limit"])
        let before = try cursor(query["cursor"], kind: kind)
        let remaining = items.reversed().filter { sequence($0) < (before ?? Int.max) }
        return page(remaining, limit: limit, kind: kind, sequence: sequence, wire: wire)
    }

    private static func page<Item>(
        _ items: [Item], limit: Int, kind: String, sequence: (Item) -> Int,
        wire: (Item) -> JSONValue
    ) -> JSONValue {
        let data = items.prefix(limit)
        let hasMore = items.count > limit
        let next: JSONValue =
            hasMore
            ? .string(encode(kind: kind, sequence: sequence(data[data.endIndex - 1]))) : .null
        return .object([
            "data": .array(data.map(wire)), "has_more": .bool(hasMore), "next_cursor": next,
        ])
    }

    /// The cursor that continues after an item.
    static func encode(kind: String, sequence: Int) -> String {
        Base64URL.encode(Array("\(kind):\(sequence)".utf8))
    }

    private static func cursor(_ text: String?, kind: String) throws -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let bytes = Base64URL.decode(text),
            let plain = String(bytes: bytes, encoding: .utf8), plain.hasPrefix(kind + ":"),
            let sequence = Int(plain.dropFirst(kind.count + 1)), sequence > 0
        else { throw EmulatorFailure.invalidPayload("Invalid cursor.") }
        return sequence
    }
}
