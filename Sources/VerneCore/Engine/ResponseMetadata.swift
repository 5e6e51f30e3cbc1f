/// What a successful answer said besides its body: request ID, rate limits, attempts.
///
/// Receive it through ``RequestOptions/onResponse`` or ``VerneConfiguration/onResponse``:
///
/// ```swift
/// let traced = relay.withOptions(RequestOptions(onResponse: { metadata in
///     print("request", metadata.requestID ?? "-", "after", metadata.attempts, "attempts")
/// }))
/// ```
public struct ResponseMetadata: Sendable {
    /// The HTTP status.
    public var status: Int
    /// The request ID from `X-Request-ID`, when the answer carried one.
    public var requestID: String?
    /// Rate-limit figures, when the answer carried them.
    public var rateLimit: RateLimit?
    /// How many attempts the call took.
    public var attempts: Int
    /// All response headers (responses carry no credentials).
    public var headers: HTTPHeaders

    /// Creates metadata.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - requestID: The request ID.
    ///   - rateLimit: Rate-limit figures.
    ///   - attempts: How many attempts the call took.
    ///   - headers: The response headers.
    public init(
        status: Int, requestID: String?, rateLimit: RateLimit?, attempts: Int,
        headers: HTTPHeaders
    ) {
        self.status = status
        self.requestID = requestID
        self.rateLimit = rateLimit
        self.attempts = attempts
        self.headers = headers
    }

    /// Reads the metadata of a response.
    package init(_ response: HTTPResponse, attempts: Int) {
        self.init(
            status: response.status, requestID: response.headers["X-Request-ID"],
            rateLimit: RateLimit(headers: response.headers), attempts: attempts,
            headers: response.headers)
    }
}
