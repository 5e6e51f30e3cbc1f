import Foundation

/// One HTTP response as a transport received it.
public struct HTTPResponse: Sendable {
    /// The status code, for example `202`.
    public var status: Int
    /// The header fields.
    public var headers: HTTPHeaders
    /// The body; empty when there was none.
    public var body: Data

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body bytes.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is in the 2xx range.
    public var isSuccess: Bool { (200..<300).contains(status) }
}

extension HTTPResponse: CustomStringConvertible {
    /// The status, headers (credentials redacted) and body size.
    public var description: String {
        "HTTPResponse(\(status), headers: \(headers), body: \(body.count) bytes)"
    }
}
