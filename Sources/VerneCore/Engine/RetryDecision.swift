/// What the engine does after a failed attempt, decided without any I/O.
package enum RetryDecision: Sendable, Equatable {
    /// Wait, then try again.
    case retry(after: Duration)
    /// Give up and throw; the string says why, for the log.
    case fail(String)

    /// The name logged for the decision.
    package var logName: String {
        switch self {
        case .retry: "retry"
        case .fail(let reason): "fail: \(reason)"
        }
    }
}

/// A failed attempt, as the retry policy sees it.
package enum AttemptFailure: Sendable {
    case api(VerneAPIError)
    case connection(VerneConnectionError)
}

extension RetryPolicy {
    /// Decides whether to retry after attempt number `attempt` failed.
    ///
    /// - Parameters:
    ///   - failure: What went wrong.
    ///   - attempt: The attempt that failed, from 1.
    ///   - repeatability: Whether the operation may be repeated.
    ///   - elapsed: Time spent on the call so far.
    ///   - deadline: The time limit of the whole call, if any.
    ///   - random: A number in `0..<1` for the jitter.
    /// - Returns: The decision.
    package func decide(
        after failure: AttemptFailure, attempt: Int, repeatability: Repeatability,
        elapsed: Duration, deadline: Duration?, random: Double
    ) -> RetryDecision {
        guard attempt <= maxRetries else { return .fail("no retries left") }

        var wait = backoff(beforeRetry: attempt, random: random)
        switch failure {
        case .api(let error):
            switch error.status {
            case 429:
                if error.code == .relayMessageLimitReached {
                    return .fail("monthly quota reached")
                }
            case 408, 500...599:
                guard repeatability.isSafe else { return .fail("not safe to repeat") }
            default:
                return .fail("status \(error.status) is final")
            }
            if let retryAfter = error.retryAfter {
                guard retryAfter <= maxRetryAfter else {
                    return .fail("Retry-After beyond \(maxRetryAfter)")
                }
                wait = retryAfter
            }
        case .connection(let error):
            if error.mayHaveReachedServer && !repeatability.isSafe {
                return .fail("may have reached the server and is not safe to repeat")
            }
        }

        if let deadline, elapsed + wait >= deadline {
            return .fail("deadline reached")
        }
        return .retry(after: wait)
    }
}
