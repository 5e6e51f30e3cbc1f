/// How one attempt ended, decided from the response alone.
package enum AttemptOutcome<Value: Sendable>: Sendable {
    case success(Value)
    case failure(AttemptFailure)
}

extension ClientContext {
    /// Reads a response: a success decoded, an error status turned into an API error.
    ///
    /// - Parameters:
    ///   - response: What the transport returned.
    ///   - endpoint: The operation.
    /// - Returns: The outcome.
    /// - Throws: ``VerneResponseError`` when a success cannot be decoded; never retried.
    package func interpret<E: Endpoint>(
        _ response: HTTPResponse, for endpoint: E
    ) throws -> AttemptOutcome<E.Response> {
        guard response.isSuccess else { return .failure(.api(VerneAPIError.from(response))) }
        return .success(try endpoint.decode(response))
    }

    /// Tells the observers about a successful answer.
    package func observe(_ response: HTTPResponse, attempts: Int) {
        guard configuration.onResponse != nil || options.onResponse != nil else { return }
        let metadata = ResponseMetadata(response, attempts: attempts)
        configuration.onResponse?(metadata)
        options.onResponse?(metadata)
    }

    /// Decides what follows a failed attempt.
    package func decide(
        after failure: AttemptFailure, attempt: Int, endpoint: some Endpoint, elapsed: Duration
    ) -> RetryDecision {
        retryPolicy.decide(
            after: failure, attempt: attempt, repeatability: endpoint.repeatability,
            elapsed: elapsed, deadline: deadline, random: Double.random(in: 0..<1))
    }

    /// The request with its timeout cut to what remains of the deadline.
    package func limited(_ request: HTTPRequest, elapsed: Duration) -> HTTPRequest {
        guard let deadline else { return request }
        var copy = request
        copy.timeout = min(request.timeout, max(.milliseconds(1), deadline - elapsed))
        return copy
    }
}

extension AttemptFailure {
    /// The error to throw when no retry follows, with the attempt count.
    package func error(attempts: Int) -> any VerneError {
        switch self {
        case .api(var error):
            error.attempts = attempts
            return error
        case .connection(var error):
            error.attempts = attempts
            return error
        }
    }

    /// The status to log, when there was one.
    package var status: Int? {
        if case .api(let error) = self { return error.status }
        return nil
    }

    /// The request ID to log, when there was one.
    package var requestID: String? {
        if case .api(let error) = self { return error.requestID }
        return nil
    }
}
