import Foundation
import VerneCore

/// One request as the emulator reads it, whether it came in-process or over a socket.
package struct EmulatorRequest: Sendable {
    /// The method, for example `POST`.
    package var method: String
    /// The path as sent, percent-encoding kept, without the query.
    package var path: String
    /// The raw query after `?`, or `nil`.
    package var query: String?
    /// The header fields.
    package var headers: HTTPHeaders
    /// The body; empty when there was none.
    package var body: Data
    /// The scheme, host and port the client addressed (`https://api.vernesoft.com`,
    /// `http://127.0.0.1:8080`), without a trailing slash.
    package var origin: String

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - path: The percent-encoded path.
    ///   - query: The raw query, or `nil`.
    ///   - headers: The header fields.
    ///   - body: The body.
    ///   - origin: The scheme, host and port the client addressed; over HTTP, `http://`
    ///     and the `Host` header by default.
    package init(
        method: String, path: String, query: String?, headers: HTTPHeaders, body: Data,
        origin: String? = nil
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.origin = origin ?? "http://" + (headers["Host"] ?? "127.0.0.1")
    }

    /// Reads an SDK request.
    ///
    /// - Parameter request: The request a client built.
    package init(_ request: HTTPRequest) {
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        let path = components?.percentEncodedPath ?? request.url.path
        self.init(
            method: request.method.rawValue, path: path.isEmpty ? "/" : path,
            query: components?.percentEncodedQuery, headers: request.headers,
            body: request.body ?? Data(), origin: Self.origin(of: components))
    }

    private static func origin(of components: URLComponents?) -> String {
        guard let components, let scheme = components.scheme, let host = components.percentEncodedHost
        else { return "https://api.vernesoft.com" }
        let port = components.port.map { ":\($0)" } ?? ""
        return scheme + "://" + host + port
    }

    /// The query parameters, percent-decoded (`+` read as a space); the first of a
    /// repeated name wins.
    var queryItems: [String: String] {
        guard let query, !query.isEmpty else { return [:] }
        var items: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decodeQueryPart(parts[0])
            let value = parts.count > 1 ? Self.decodeQueryPart(parts[1]) : ""
            if items[name] == nil { items[name] = value }
        }
        return items
    }

    private static func decodeQueryPart(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The bearer credential of the `Authorization` header, or `nil`.
    var bearerToken: String? {
        guard let value = headers["Authorization"] else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.count > 7, trimmed.prefix(7).lowercased() == "bearer " else { return nil }
        let token = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
