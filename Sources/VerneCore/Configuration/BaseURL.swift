import Foundation

/// The root every API path is appended to, checked when it is made.
///
/// Only `https` is accepted, except `http` to a loopback host (`localhost`, `127.0.0.1`,
/// `[::1]`) for the emulator. A trailing slash is dropped. A query, fragment or
/// user information is refused.
public struct BaseURL: Sendable, Hashable, CustomStringConvertible {
    /// The validated URL, without a trailing slash.
    public let url: URL

    /// `https://api.vernesoft.com`, the real service.
    public static let production = BaseURL(trusted: "https://api.vernesoft.com")

    /// Checks and wraps a base URL.
    ///
    /// - Parameter string: For example `https://api.vernesoft.com` or
    ///   `http://127.0.0.1:8080`.
    /// - Throws: ``VerneConfigurationError`` saying what is wrong.
    public init(_ string: String) throws {
        var text = string.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }

        guard let components = URLComponents(string: text), let scheme = components.scheme,
            let host = components.host, !host.isEmpty, let url = components.url
        else {
            throw VerneConfigurationError(
                "The base URL \"\(string)\" is not an absolute URL such as "
                    + "https://api.vernesoft.com.")
        }
        guard components.query == nil, components.fragment == nil, components.user == nil,
            components.password == nil
        else {
            throw VerneConfigurationError(
                "The base URL must not have a query, a fragment or user information.")
        }

        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        switch scheme.lowercased() {
        case "https": break
        case "http" where loopback: break
        case "http":
            throw VerneConfigurationError(
                "The base URL must use https; plain http is allowed only for loopback "
                    + "hosts such as 127.0.0.1 (the emulator).")
        default:
            throw VerneConfigurationError("The base URL scheme \"\(scheme)\" is not https.")
        }
        self.url = url
    }

    private init(trusted: String) {
        // The literal above is a valid URL; this initializer is used for it alone.
        url = URL(string: trusted)!
    }

    /// The URL as text.
    public var description: String { url.absoluteString }

    /// The absolute URL of a path and query under this base.
    ///
    /// - Parameters:
    ///   - path: An encoded path starting with `/`.
    ///   - query: The query parameters.
    /// - Returns: The URL.
    package func appending(_ path: EndpointPath, query: QueryItems) -> URL {
        var text = url.absoluteString + path.encoded
        if !query.isEmpty { text += "?" + query.encoded }
        return URL(string: text) ?? url
    }
}
