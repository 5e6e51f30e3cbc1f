import Foundation

/// One HTTP response as a transport received it.
public struct HTTPResponse: Sendable {
    /// The status code, for example `202`.
    public var status: Int
    /// The body; empty when there was none.
    public var body: Data

    /// The fields given or set, or `nil` while they are still to be read from ``source``.
    private var fields: HTTPHeaders?
    /// Where the fields come from when a transport received them but nobody has read them.
    private let source: LazyHeaders?

    /// The header fields.
    ///
    /// A transport may leave them where it received them until they are first read: on
    /// Linux, copying them out of an `HTTPURLResponse` costs more than anything else the
    /// transport does, and a successful call seldom reads them.
    public var headers: HTTPHeaders {
        get { fields ?? source?.value ?? HTTPHeaders() }
        set { fields = newValue }
    }

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - headers: The header fields.
    ///   - body: The body bytes.
    public init(status: Int, headers: HTTPHeaders = [:], body: Data = Data()) {
        self.status = status
        self.body = body
        fields = headers
        source = nil
    }

    /// Creates a response whose headers are made when first read.
    ///
    /// - Parameters:
    ///   - status: The status code.
    ///   - body: The body bytes.
    ///   - headers: Makes the header fields; called at most once, on any thread.
    package init(
        status: Int, body: Data, headers: @escaping @Sendable () -> HTTPHeaders
    ) {
        self.status = status
        self.body = body
        fields = nil
        source = LazyHeaders(headers)
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

/// Header fields made on first use and kept.
private final class LazyHeaders: Sendable {
    private let make: @Sendable () -> HTTPHeaders
    private let made = LockedValue<HTTPHeaders?>(nil)

    init(_ make: @escaping @Sendable () -> HTTPHeaders) { self.make = make }

    var value: HTTPHeaders {
        made.withLock { made in
            if let made { return made }
            let headers = make()
            made = headers
            return headers
        }
    }
}
