import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `URLRequest`s a transport has already built, without their bodies, reused for
/// every request with the same method, URL, headers and time limit.
///
/// A client sends the same few requests over and over: `POST /v1/relay/messages` with the
/// same headers differs from the previous call only in its body. Building a `URLRequest`
/// field by field costs FoundationNetworking on Linux about 30,000 instructions (the
/// method setter alone compares the name against every standard method, and each header
/// is normalised as it is added), a quarter of everything the SDK adds to a call. A
/// prepared request is sent as it is, its body passed beside it to an upload task, so it
/// is never copied or changed.
///
/// The cache keeps the most recently used requests, at most ``capacity``, the latest
/// first; a lookup is a linear search, cheaper than hashing a URL for so few entries.
final class PreparedRequests: Sendable {
    /// The most requests kept.
    static let capacity = 16

    private struct Entry: Sendable {
        var method: HTTPMethod
        var url: URL
        var headers: HTTPHeaders
        var timeoutInterval: TimeInterval
        var request: URLRequest
    }

    private let entries = LockedValue<[Entry]>([])

    /// The prepared request for `request`'s method, URL and headers, without a body.
    ///
    /// - Parameters:
    ///   - request: The request to send.
    ///   - timeoutInterval: The `URLRequest` time limit to set.
    /// - Returns: A request to send as it is.
    func request(for request: HTTPRequest, timeoutInterval: TimeInterval) -> URLRequest {
        let found = entries.withLock { entries -> URLRequest? in
            guard
                let index = entries.firstIndex(where: {
                    $0.method == request.method && $0.timeoutInterval == timeoutInterval
                        && $0.url == request.url && $0.headers == request.headers
                })
            else { return nil }

            if index > 0 { entries.insert(entries.remove(at: index), at: 0) }
            return entries[0].request
        }
        if let found { return found }

        let prepared = Self.build(request, timeoutInterval: timeoutInterval)
        let entry = Entry(
            method: request.method, url: request.url, headers: request.headers,
            timeoutInterval: timeoutInterval, request: prepared)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeLast() }
            entries.insert(entry, at: 0)
        }
        return prepared
    }

    /// The number of requests kept, for tests.
    var count: Int { entries.withLock { $0.count } }

    /// Builds a request field by field, the way any `URLSession` caller would.
    ///
    /// Headers are added one by one with `addValue(_:forHTTPHeaderField:)`, which joins a
    /// repeated name's values with commas, as HTTP allows.
    private static func build(_ request: HTTPRequest, timeoutInterval: TimeInterval) -> URLRequest {
        var urlRequest = URLRequest(url: request.url)
        if request.method != .get { urlRequest.httpMethod = request.method.rawValue }
        for field in request.headers {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.timeoutInterval = timeoutInterval
        return urlRequest
    }
}
