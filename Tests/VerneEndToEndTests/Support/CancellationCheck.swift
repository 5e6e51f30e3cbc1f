import Testing

/// Starts `call` in a task, cancels the task after `wait`, and expects the call to end with
/// `CancellationError` within `limit` of the cancellation.
///
/// - Parameters:
///   - wait: How long the call runs before it is cancelled.
///   - limit: How soon after the cancellation it must end.
///   - sourceLocation: Where a failed expectation is reported.
///   - call: The call, which must still be waiting when it is cancelled.
func expectCancellation(
    after wait: Duration, endsWithin limit: Duration,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ call: @escaping @Sendable () async throws -> Void
) async throws {
    let clock = ContinuousClock()
    let task = Task { try await call() }
    try await Task.sleep(for: wait)

    let start = clock.now
    task.cancel()
    let result = await task.result

    #expect(throws: CancellationError.self, sourceLocation: sourceLocation) { try result.get() }
    #expect(start.duration(to: clock.now) < limit, sourceLocation: sourceLocation)
}
