import Foundation

/// One HTTP request, complete: the engine has already added every header and the body.
///
/// A transport sends it as it is. Printing a request never shows a credential.
public struct HTTPRequest: Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL, query included.
    public var url: URL
    /// The header fields, authentication included.
    public var headers: HTTPHeaders
    /// The body, or `nil` for none.
    public var body: Data?
    /// How long the transport may wait for this one attempt before giving up.
    public var timeout: Duration

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - url: The absolute URL.
    ///   - headers: The header fields.
    ///   - body: The body, or `nil`.
    ///   - timeout: The time limit of one attempt; 30 seconds by default.
    public init(
        method: HTTPMethod, url: URL, headers: HTTPHeaders = [:], body: Data? = nil,
        timeout: Duration = .seconds(30)
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }

    /// The URL's path, percent-encoding kept, for example `/v1/relay/messages`.
    public var path: String {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? url.path
    }
}

extension HTTPRequest: CustomStringConvertible, CustomReflectable {
    /// The method, URL and headers, credentials redacted; the body is summarised by size.
    public var description: String {
        "HTTPRequest(\(method) \(url.absoluteString), headers: \(headers), "
            + "body: \(body.map { "\($0.count) bytes" } ?? "none"))"
    }

    /// A mirror that shows the redacted description only.
    public var customMirror: Mirror {
        Mirror(self, children: ["request": description], displayStyle: .struct)
    }
}
