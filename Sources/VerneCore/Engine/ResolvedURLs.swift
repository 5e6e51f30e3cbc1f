import Foundation

/// The absolute URLs a client has already built, by path and query.
///
/// Parsing a URL from text costs several thousand instructions, and a client asks for
/// the same few URLs again and again (`/v1/relay/messages` on every send). Paths that
/// carry IDs or cursors keep changing, so the cache is bounded: when it is full it starts
/// again empty, which costs one parse per URL after that and never holds more than
/// ``capacity`` URLs.
package final class ResolvedURLs: Sendable {
    /// The most URLs kept.
    package static let capacity = 256

    private let baseURL: BaseURL
    private let urls = LockedValue<[String: URL]>([:])

    /// Creates an empty cache for URLs under `baseURL`.
    ///
    /// - Parameter baseURL: The root of every path.
    package init(baseURL: BaseURL) {
        self.baseURL = baseURL
    }

    /// The absolute URL of a path and query.
    ///
    /// - Parameters:
    ///   - path: The encoded path.
    ///   - query: The query parameters.
    /// - Returns: The same URL ``BaseURL/appending(_:query:)`` makes.
    package func url(for path: EndpointPath, query: QueryItems) -> URL {
        let key = query.isEmpty ? path.encoded : path.encoded + "?" + query.encoded
        if let url = urls.withLock({ $0[key] }) { return url }

        let url = baseURL.appending(path, query: query)
        urls.withLock { urls in
            if urls.count >= Self.capacity { urls.removeAll(keepingCapacity: true) }
            urls[key] = url
        }
        return url
    }

    /// How many URLs are kept, for tests.
    package var count: Int { urls.withLock { $0.count } }
}
