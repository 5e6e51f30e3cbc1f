/// Every item of a paged list, fetched page by page as you iterate.
///
/// Only one page is held at a time, so iterating a long list uses little memory. The
/// filters of the first call are kept for every page.
///
/// ```swift
/// for try await message in relay.messages.all(eventType: "user.created") {
///     print(message.id)
/// }
/// ```
public struct PageSequence<Item: Sendable>: AsyncSequence, Sendable {
    /// Fetches the page at a cursor (`nil` for the first).
    public typealias Fetch = @Sendable (_ cursor: String?) async throws -> Page<Item>

    private let fetch: Fetch

    /// Creates a sequence from a page-fetching closure.
    ///
    /// - Parameter fetch: Fetches one page.
    public init(fetch: @escaping Fetch) { self.fetch = fetch }

    /// Creates an iterator that starts at the first page.
    public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch) }

    /// The sequence's pages rather than its items.
    public var pages: Pages { Pages(fetch: fetch) }

    /// Walks the items, fetching the next page when the current one is used up.
    public struct Iterator: AsyncIteratorProtocol {
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
        public mutating func next() async throws -> Item? {
            while index == buffer.count {
                guard !finished else { return nil }
                do {
                    let page = try await fetch(started ? cursor : nil)
                    started = true
                    buffer = page.items
                    index = 0
                    cursor = try PagingRule.next(after: page, used: cursor)
                    finished = cursor == nil
                } catch {
                    finished = true
                    buffer = []
                    index = 0
                    throw error
                }
            }
            defer { index += 1 }
            return buffer[index]
        }
    }

    /// The pages of a list, one by one.
    public struct Pages: AsyncSequence, Sendable {
        fileprivate let fetch: Fetch

        /// Creates an iterator that starts at the first page.
        public func makeAsyncIterator() -> Iterator { Iterator(fetch: fetch) }

        /// Walks the pages.
        public struct Iterator: AsyncIteratorProtocol {
            fileprivate let fetch: Fetch
            private var cursor: String?
            private var finished = false
            private var started = false

            fileprivate init(fetch: @escaping Fetch) { self.fetch = fetch }

            /// The next page, or `nil` after the last.
            ///
            /// - Returns: The page.
            /// - Throws: The error of the fetch.
            public mutating func next() async throws -> Page<Item>? {
                guard !finished else { return nil }
                do {
                    let page = try await fetch(started ? cursor : nil)
                    started = true
                    cursor = try PagingRule.next(after: page, used: cursor)
                    finished = cursor == nil
                    return page
                } catch {
                    finished = true
                    throw error
                }
            }
        }
    }
}
