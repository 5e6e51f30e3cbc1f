/// How one attempt ended, decided from the response alone.
package enum AttemptOutcome<Value: Sendable>: Sendable {
    case success(Value)
    case failure(AttemptFailure)
}

/// What the engine does after an attempt: return the value, or wait and try again.
package enum AttemptStep<Value: Sendable>: Sendable {
    case finished(Value)
    case retry(after: Duration)
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

    /// Concludes one attempt: decodes a success, or logs the failure and decides on a retry.
    ///
    /// The async and blocking engines differ only in how they send and wait.
    ///
    /// - Parameters:
    ///   - result: What the transport returned or threw.
    ///   - request: The request sent.
    ///   - endpoint: The operation.
    ///   - attempt: The attempt's number, from 1.
    ///   - callStart: When the call began.
    ///   - attemptStart: When this attempt began.
    /// - Returns: The value, or the wait before the next attempt.
    /// - Throws: The error to give the caller when no retry follows.
    package func step<E: Endpoint>(
        after result: Result<HTTPResponse, any Error>, request: HTTPRequest, endpoint: E,
        attempt: Int, callStart: ContinuousClock.Instant, attemptStart: ContinuousClock.Instant
    ) throws -> AttemptStep<E.Response> {
        let clock = ContinuousClock()

        let failure: AttemptFailure
        switch result {
        case .success(let response):
            switch try interpret(response, for: endpoint) {
            case .success(let value):
                logAttempt(
                    request, endpoint: endpoint, attempt: attempt,
                    duration: attemptStart.duration(to: clock.now), status: response.status,
                    requestID: response.headers["X-Request-ID"], decision: "success")
                observe(response, attempts: attempt)
                return .finished(value)
            case .failure(let apiFailure):
                failure = apiFailure
            }
        case .failure(let error as CancellationError):
            throw error
        case .failure(let error):
            failure = .connection(connectionError(from: error))
        }

        let decision = decide(
            after: failure, attempt: attempt, endpoint: endpoint,
            elapsed: callStart.duration(to: clock.now))
        logAttempt(
            request, endpoint: endpoint, attempt: attempt,
            duration: attemptStart.duration(to: clock.now), status: failure.status,
            requestID: failure.requestID, decision: decision.logName)

        guard case .retry(let wait) = decision else { throw failure.error(attempts: attempt) }
        return .retry(after: wait)
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
