/// When a failed attempt is tried again, and how long the client waits first.
///
/// What is retried:
/// - a refused connection and a `429` (other than Relay's monthly quota): the service did
///   not act, so any request may be repeated;
/// - a timeout, a lost connection, `408` and `5xx`: only when the operation is safe to
///   repeat (reads, `PUT`, `DELETE`, read-only `POST`s, and Relay sends, which always
///   carry an idempotency key).
///
/// What never is: `402`, `409`, other `4xx`, `429 RELAY_MESSAGE_LIMIT_REACHED`, a
/// cancelled task, and a `Retry-After` longer than ``maxRetryAfter`` (the error is thrown
/// at once with its ``VerneAPIError/retryAfter``).
///
/// Waits grow exponentially from ``initialBackoff`` by ``multiplier`` up to
/// ``maxBackoff``, each shortened by a random share of up to ``jitter``; a `Retry-After`
/// from the service replaces the computed wait.
public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
    /// How many times a call may be retried after its first attempt.
    public var maxRetries: Int
    /// The wait before the first retry.
    public var initialBackoff: Duration
    /// The longest computed wait.
    public var maxBackoff: Duration
    /// The factor each wait grows by.
    public var multiplier: Double
    /// The largest share (0 to 1) randomly taken off each computed wait.
    public var jitter: Double
    /// The longest `Retry-After` the client waits out by itself.
    public var maxRetryAfter: Duration

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxRetries: Retries after the first attempt.
    ///   - initialBackoff: The first wait.
    ///   - maxBackoff: The longest computed wait.
    ///   - multiplier: The growth factor.
    ///   - jitter: The largest random share taken off a wait.
    ///   - maxRetryAfter: The longest `Retry-After` waited out.
    public init(
        maxRetries: Int, initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8), multiplier: Double = 2, jitter: Double = 0.25,
        maxRetryAfter: Duration = .seconds(60)
    ) {
        self.maxRetries = max(0, maxRetries)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = max(1, multiplier)
        self.jitter = min(1, max(0, jitter))
        self.maxRetryAfter = maxRetryAfter
    }

    /// Two retries, waits from 0.5 s up to 8 s, `Retry-After` honoured up to 60 s.
    public static let `default` = RetryPolicy(maxRetries: 2)

    /// No retries at all.
    public static let disabled = RetryPolicy(maxRetries: 0)

    /// An exponential policy with the given number of retries.
    ///
    /// - Parameters:
    ///   - maxRetries: Retries after the first attempt.
    ///   - initialBackoff: The first wait.
    ///   - maxBackoff: The longest computed wait.
    /// - Returns: The policy.
    public static func exponential(
        maxRetries: Int, initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(8)
    ) -> RetryPolicy {
        RetryPolicy(maxRetries: maxRetries, initialBackoff: initialBackoff, maxBackoff: maxBackoff)
    }

    /// The computed wait before retry number `retry` (1 for the first retry).
    ///
    /// - Parameters:
    ///   - retry: Which retry this is, from 1.
    ///   - random: A number in `0..<1`.
    /// - Returns: The wait.
    package func backoff(beforeRetry retry: Int, random: Double) -> Duration {
        let base = initialBackoff.seconds * pow(multiplier, Double(max(0, retry - 1)))
        let capped = min(base, maxBackoff.seconds)
        let jittered = capped * (1 - jitter * min(max(random, 0), 1))
        return .milliseconds(Int64((jittered * 1000).rounded()))
    }

    /// The settings in one line.
    public var description: String {
        maxRetries == 0 ? "disabled" : "RetryPolicy(maxRetries: \(maxRetries))"
    }
}

private func pow(_ base: Double, _ exponent: Double) -> Double {
    var result = 1.0
    var remaining = Int(exponent)
    while remaining > 0 {
        result *= base
        remaining -= 1
    }
    return result
}
