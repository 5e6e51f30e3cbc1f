import Foundation

/// One page of a cursor-paged list.
///
/// Pass ``nextCursor`` back as the `cursor` of the next call while ``hasMore`` is `true`.
/// ``nextCursor`` is `nil` on the last page, so loop on ``hasMore``, never on an empty
/// ``items``. The `all(…)` methods of the clients do this for you.
public struct Page<Item: Sendable>: Sendable {
    /// The items of this page (`data` on the wire).
    public var items: [Item]
    /// Whether another page follows (`has_more`).
    public var hasMore: Bool
    /// The cursor of the next page (`next_cursor`), `nil` on the last page.
    public var nextCursor: String?

    /// Creates a page.
    ///
    /// - Parameters:
    ///   - items: The items.
    ///   - hasMore: Whether another page follows.
    ///   - nextCursor: The next page's cursor.
    public init(items: [Item], hasMore: Bool, nextCursor: String?) {
        self.items = items
        self.hasMore = hasMore
        self.nextCursor = nextCursor
    }

    /// The same items under the reference client's name, `data`.
    public var data: [Item] { items }
}

extension Page: Decodable where Item: Decodable {
    private enum CodingKeys: String, CodingKey {
        case items = "data"
        case hasMore = "has_more"
        case nextCursor = "next_cursor"
    }

    /// Decodes `{"data": [...], "has_more": bool, "next_cursor": string|null}`.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the page has another shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        items = try container.decodeIfPresent([Item].self, forKey: .items) ?? []
        hasMore = try container.decodeIfPresent(Bool.self, forKey: .hasMore) ?? false
        nextCursor = try container.decodeIfPresent(String.self, forKey: .nextCursor)
    }
}

extension Page: Equatable where Item: Equatable {}

/// How paging moves on from one page to the next.
package enum PagingRule {
    /// The cursor of the page after `page`, or `nil` when paging is over.
    ///
    /// A page that says it has more but gives no cursor cannot be followed, so paging
    /// stops there. A page that hands back the cursor it was fetched with would loop
    /// forever, so that is an error.
    ///
    /// - Parameters:
    ///   - page: The page just fetched.
    ///   - used: The cursor it was fetched with.
    /// - Returns: The next cursor, or `nil` at the end.
    /// - Throws: ``VerneResponseError`` when the service repeats the cursor.
    package static func next<Item>(after page: Page<Item>, used: String?) throws -> String? {
        guard page.hasMore, let cursor = page.nextCursor, !cursor.isEmpty else { return nil }
        guard cursor != used else {
            throw VerneResponseError(
                status: 200, reason: "the service returned the same cursor again",
                rawBody: Data())
        }
        return cursor
    }
}
