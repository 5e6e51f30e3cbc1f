/// How a client talks to the service: where, how long, how often, and what it reports.
///
/// ```swift
/// var configuration = VerneConfiguration()
/// configuration.timeout = .seconds(10)
/// configuration.retryPolicy = .exponential(maxRetries: 4)
/// let relay = AsyncRelay(apiKey: key, configuration: configuration)
/// ```
public struct VerneConfiguration: Sendable {
    /// The root of every path; ``BaseURL/production`` by default.
    public var baseURL: BaseURL
    /// The time limit of one attempt; 30 seconds by default.
    public var timeout: Duration
    /// The time limit of a whole call, retries included; none by default.
    public var deadline: Duration?
    /// When and how to retry; ``RetryPolicy/default`` by default.
    public var retryPolicy: RetryPolicy
    /// Where the client reports each attempt; silent by default.
    public var logHandler: (any VerneLogHandler)?
    /// Text appended to the `User-Agent` header, for example your app's name and version.
    public var userAgentSuffix: String?
    /// Makes the idempotency key of a Relay send that was given none.
    public var idempotencyKeys: IdempotencyKeyGenerator
    /// Called with the metadata (request ID, rate limits, attempts) of every successful
    /// answer; none by default.
    public var onResponse: (@Sendable (ResponseMetadata) -> Void)?

    /// Creates a configuration; every argument has the documented default.
    ///
    /// - Parameters:
    ///   - baseURL: The root of every path.
    ///   - timeout: The time limit of one attempt.
    ///   - deadline: The time limit of a whole call.
    ///   - retryPolicy: When and how to retry.
    ///   - logHandler: Where attempts are reported.
    ///   - userAgentSuffix: Text appended to `User-Agent`.
    ///   - idempotencyKeys: Makes idempotency keys for Relay sends.
    ///   - onResponse: Called with the metadata of every successful answer.
    public init(
        baseURL: BaseURL = .production, timeout: Duration = .seconds(30),
        deadline: Duration? = nil, retryPolicy: RetryPolicy = .default,
        logHandler: (any VerneLogHandler)? = nil, userAgentSuffix: String? = nil,
        idempotencyKeys: IdempotencyKeyGenerator = .random,
        onResponse: (@Sendable (ResponseMetadata) -> Void)? = nil
    ) {
        self.baseURL = baseURL
        self.timeout = timeout
        self.deadline = deadline
        self.retryPolicy = retryPolicy
        self.logHandler = logHandler
        self.userAgentSuffix = userAgentSuffix
        self.idempotencyKeys = idempotencyKeys
        self.onResponse = onResponse
    }

    /// The same configuration with a base URL given as text.
    ///
    /// - Parameter baseURL: For example `http://127.0.0.1:8080`.
    /// - Returns: The configuration.
    /// - Throws: ``VerneConfigurationError`` when the URL is not acceptable.
    public static func baseURL(_ baseURL: String) throws -> VerneConfiguration {
        VerneConfiguration(baseURL: try BaseURL(baseURL))
    }
}

extension VerneConfiguration: CustomStringConvertible {
    /// The settings, one line; a configuration holds no secrets.
    public var description: String {
        "VerneConfiguration(baseURL: \(baseURL), timeout: \(timeout), "
            + "retryPolicy: \(retryPolicy))"
    }
}

/// The SDK's version, sent in `User-Agent`.
public enum VerneSDK {
    /// The version of this package.
    public static let version = "0.1.0"
}
