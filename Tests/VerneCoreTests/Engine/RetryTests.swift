import Foundation
import Testing

@testable import VerneCore

@Suite("Retries")
struct RetryTests {
    private let rateLimited = json(
        429, #"{"error": {"code": "rate_limited", "message": "Slow down."}}"#,
        headers: ["Retry-After": "0.01"])

    @Test("A POST answered 429 is retried after Retry-After and succeeds")
    func retryAfter429() throws {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(),
            transport: scriptedTransport([rateLimited, json(202, #"{"ok": true}"#)], log: log))

        let value = try engine.run(EchoEndpoint(method: .post, repeatability: .unsafe))

        #expect(value["ok"] == true)
        #expect(log.count == 2)
        #expect(log.all[0].body == log.all[1].body)
    }

    @Test("The reference floor holds: 402 and the monthly quota are never retried")
    func neverRetried() async {
        for response in [
            json(402, #"{"error": {"code": "UPGRADE_REQUIRED", "message": "Upgrade."}}"#),
            json(
                429, #"{"error": {"code": "RELAY_MESSAGE_LIMIT_REACHED", "message": "Quota."}}"#,
                headers: ["Retry-After": "1"]),
            json(409, #"{"error": {"code": "conflict", "message": "Exists."}}"#),
            json(400, #"{"error": {"code": "invalid_payload", "message": "Bad."}}"#),
        ] {
            let log = RequestLog()
            let engine = AsyncEngine(
                context: testContext(), transport: scriptedTransport([response], log: log))

            await #expect(throws: VerneAPIError.self) {
                try await engine.run(EchoEndpoint(method: .post))
            }
            #expect(log.count == 1)
        }
    }

    @Test("A Retry-After beyond the bound fails at once with its wait")
    func retryAfterTooLong() throws {
        let log = RequestLog()
        let engine = BlockingEngine(
            context: testContext(),
            transport: scriptedTransport(
                [json(429, #"{"error": {"code": "rate_limited", "message": "x"}}"#, headers: ["Retry-After": "120"])],
                log: log))

        #expect {
            try engine.run(EchoEndpoint())
        } throws: { error in
            (error as? VerneAPIError)?.retryAfter == .seconds(120)
        }
        #expect(log.count == 1)
    }

    @Test("5xx is retried for safe calls only, and the last error comes back after the budget")
    func serverErrors() throws {
        let failing = json(503, #"{"error": {"code": "upstream_unavailable", "message": "Down."}}"#)
        let safeLog = RequestLog()
        let unsafeLog = RequestLog()
        let safe = BlockingEngine(
            context: testContext(), transport: scriptedTransport([failing], log: safeLog))
        let unsafe = BlockingEngine(
            context: testContext(), transport: scriptedTransport([failing], log: unsafeLog))

        #expect {
            try safe.run(EchoEndpoint())
        } throws: { error in
            (error as? VerneAPIError)?.attempts == 3
        }
        #expect(throws: VerneAPIError.self) {
            try unsafe.run(EchoEndpoint(method: .post, repeatability: .unsafe))
        }
        #expect(safeLog.count == 3)
        #expect(unsafeLog.count == 1)
    }

    @Test("A refused connection is retried for any call; a lost one only for safe calls")
    func connectionFailures() throws {
        for (error, repeatability, attempts) in [
            (
                VerneConnectionError(kind: .cannotConnect, message: "refused", mayHaveReachedServer: false),
                Repeatability.unsafe, 3
            ),
            (
                VerneConnectionError(kind: .connectionLost, message: "lost", mayHaveReachedServer: true),
                .unsafe, 1
            ),
            (
                VerneConnectionError(kind: .timedOut, message: "slow", mayHaveReachedServer: true),
                .safe, 3
            ),
        ] {
            let log = RequestLog()
            let transport = ClosureTransport { request in
                log.append(request)
                throw error
            }
            let engine = BlockingEngine(context: testContext(), transport: transport)

            #expect {
                try engine.run(EchoEndpoint(method: .post, repeatability: repeatability))
            } throws: { thrown in
                (thrown as? VerneConnectionError)?.kind == error.kind
            }
            #expect(log.count == attempts)
        }
    }

    @Test("The decision table")
    func decisions() {
        let policy = RetryPolicy(maxRetries: 2, initialBackoff: .seconds(1), jitter: 0)
        func api(_ status: Int, _ code: VerneAPIError.Code = .unknown, after: Duration? = nil) -> AttemptFailure {
            .api(VerneAPIError(status: status, code: code, message: "", retryAfter: after))
        }

        #expect(
            policy.decide(after: api(500), attempt: 1, repeatability: .safe, elapsed: .zero, deadline: nil, random: 0)
                == .retry(after: .seconds(1)))
        #expect(
            policy.decide(after: api(500), attempt: 2, repeatability: .safe, elapsed: .zero, deadline: nil, random: 0)
                == .retry(after: .seconds(2)))
        #expect(
            policy.decide(after: api(500), attempt: 3, repeatability: .safe, elapsed: .zero, deadline: nil, random: 0)
                == .fail("no retries left"))
        #expect(
            policy.decide(
                after: api(429, after: .seconds(3)), attempt: 1, repeatability: .unsafe, elapsed: .zero,
                deadline: nil, random: 0) == .retry(after: .seconds(3)))
        #expect(
            policy.decide(
                after: api(408), attempt: 1, repeatability: .unsafe, elapsed: .zero, deadline: nil, random: 0)
                == .fail("not safe to repeat"))
        #expect(
            policy.decide(
                after: api(500), attempt: 1, repeatability: .safe, elapsed: .seconds(9), deadline: .seconds(10),
                random: 0) == .fail("deadline reached"))
        #expect(policy.backoff(beforeRetry: 10, random: 0) == .seconds(8))
        #expect(RetryPolicy(maxRetries: 1, jitter: 0.5).backoff(beforeRetry: 1, random: 1) == .milliseconds(250))
    }

    @Test("Cancelling the task stops a backoff wait at once")
    func cancelDuringBackoff() async throws {
        let slowRetry = RetryPolicy(maxRetries: 2, initialBackoff: .seconds(30), jitter: 0)
        let log = RequestLog()
        let engine = AsyncEngine(
            context: testContext(policy: slowRetry),
            transport: scriptedTransport([json(503, "{}")], log: log))
        let clock = ContinuousClock()

        let task = Task { try await engine.run(EchoEndpoint()) }
        while log.count == 0 { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(50))
        let start = clock.now
        task.cancel()
        let result = await task.result

        #expect(throws: CancellationError.self) { try result.get() }
        #expect(start.duration(to: clock.now) < .seconds(5))
        #expect(log.count == 1)
    }

    @Test("Each attempt is logged with its decision and no secret")
    func logging() throws {
        final class Collector: VerneLogHandler, @unchecked Sendable {
            let lock = NSLock()
            var events: [[String: String]] = []
            var logLevel: VerneLogLevel { .trace }
            func log(level: VerneLogLevel, message: String, metadata: [String: String]) {
                lock.withLock { events.append(metadata.merging(["message": message]) { a, _ in a }) }
            }
        }
        let collector = Collector()
        var configuration = VerneConfiguration(retryPolicy: quickRetries)
        configuration.logHandler = collector
        let context = ClientContext(service: "Relay", apiKey: APIKey("vrn_secret_log"), configuration: configuration)
        let engine = BlockingEngine(
            context: context, transport: scriptedTransport([rateLimited, json(200, "{}")]))

        _ = try engine.run(EchoEndpoint())

        #expect(collector.events.count == 2)
        #expect(collector.events[0]["verne.status"] == "429")
        #expect(collector.events[0]["verne.decision"] == "retry")
        #expect(collector.events[1]["verne.attempt"] == "2")
        #expect(collector.events[1]["verne.decision"] == "success")
        #expect(!collector.events.description.contains("vrn_secret_log"))
    }
}
