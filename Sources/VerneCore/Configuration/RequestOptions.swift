/// Settings that can differ from one call to the next.
///
/// Apply them with a client's `withOptions(_:)`, which returns a view of the same client
/// (same transport, same connections) whose calls use them:
///
/// ```swift
/// let hurried = relay.withOptions(RequestOptions(timeout: .seconds(2), retryPolicy: .disabled))
/// try await hurried.messages.send(eventType: "ping", payload: [:])
/// ```
public struct RequestOptions: Sendable {
    /// The time limit of each attempt, replacing the configuration's.
    public var timeout: Duration?
    /// The time limit of the whole call, retries and waits included.
    public var deadline: Duration?
    /// The retry policy, replacing the configuration's.
    public var retryPolicy: RetryPolicy?
    /// Extra header fields.
    ///
    /// They cannot replace `Authorization`, `X-Session-Token`,
    /// `Content-Type`, `Accept` or `User-Agent`; such names are ignored.
    public var headers: HTTPHeaders
    /// Called with the metadata of each successful answer, after the configuration's own
    /// observer.
    public var onResponse: (@Sendable (ResponseMetadata) -> Void)?

    /// Creates options; each `nil` keeps the client's setting.
    ///
    /// - Parameters:
    ///   - timeout: The time limit of each attempt.
    ///   - deadline: The time limit of the whole call.
    ///   - retryPolicy: The retry policy.
    ///   - headers: Extra header fields.
    ///   - onResponse: Called with the metadata of each successful answer.
    public init(
        timeout: Duration? = nil, deadline: Duration? = nil, retryPolicy: RetryPolicy? = nil,
        headers: HTTPHeaders = [:], onResponse: (@Sendable (ResponseMetadata) -> Void)? = nil
    ) {
        self.timeout = timeout
        self.deadline = deadline
        self.retryPolicy = retryPolicy
        self.headers = headers
        self.onResponse = onResponse
    }

    /// These options with `other`'s settings laid over them.
    package func merged(with other: RequestOptions) -> RequestOptions {
        var result = self
        result.timeout = other.timeout ?? timeout
        result.deadline = other.deadline ?? deadline
        result.retryPolicy = other.retryPolicy ?? retryPolicy
        result.onResponse = other.onResponse ?? onResponse
        for field in other.headers { result.headers[field.name] = field.value }
        return result
    }
}
