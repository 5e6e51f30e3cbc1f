/// Every item of a paged list for blocking code, fetched page by page.
///
/// Swift's `Sequence` cannot throw, so iterate with ``Iterator/next()`` on an iterator, or use
/// ``forEach(_:)`` and ``collect(limit:)``:
///
/// ```swift
/// try relay.messages.all(eventType: "user.created").forEach { message in
///     print(message.id)
/// }
/// ```
public struct BlockingPages<Item: Sendable>: Sendable {
    /// Fetches the page at a cursor (`nil` for the first).
    public typealias Fetch = @Sendable (_ cursor: String?) throws -> Page<Item>

    private let fetch: Fetch

    /// Creates the list from a page-fetching closure.
    ///
    /// - Parameter fetch: Fetches one page.
    public init(fetch: @escaping Fetch) { self.fetch = fetch }

    /// An iterator that starts at the first page.
    ///
    /// - Returns: The iterator.
    public func makeIterator() -> Iterator { Iterator(fetch: fetch) }

    /// Calls `body` with every item, in order, fetching pages as needed.
    ///
    /// - Parameter body: Called once per item; throwing stops the iteration.
    /// - Throws: The error of a page fetch or of `body`.
    public func forEach(_ body: (Item) throws -> Void) throws {
        var iterator = makeIterator()
        while let item = try iterator.next() { try body(item) }
    }

    /// The items in an array, stopping after `limit` items when given.
    ///
    /// - Parameter limit: The most items to collect.
    /// - Returns: The items.
    /// - Throws: The error of a page fetch.
    public func collect(limit: Int? = nil) throws -> [Item] {
        var items: [Item] = []
        var iterator = makeIterator()
        while limit.map({ items.count < $0 }) ?? true, let item = try iterator.next() {
            items.append(item)
        }
        return items
    }

    /// Walks the items of the list.
    public struct Iterator {
        private let fetch: Fetch
        private var buffer: [Item] = []
        private var index = 0
        private var cursor: String?
        private var finished = false
        private var started = false

        init(fetch: @escaping Fetch) { self.fetch = fetch }

        /// The next item, or `nil` after the last.
        ///
        /// - Returns: The item.
        /// - Throws: The error of a page fetch; iteration ends after it.
        public mutating func next() throws -> Item? {
            while index == buffer.count {
                guard !finished else { return nil }
                do {
                    let page = try fetch(started ? cursor : nil)
                    started = true
                    buffer = page.items
                    index = 0
                    cursor = try PagingRule.next(after: page, used: cursor)
                    finished = cursor == nil
                } catch {
                    finished = true
                    throw error
                }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }
}
