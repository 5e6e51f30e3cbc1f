import Foundation
import Testing
import Verne
import VerneTesting

/// The fault table of Docs/Reliability.md, each row a test over a real loopback socket.
///
/// Rows run with the blocking and the async client. Every row asserts the attempts made, the events stored and that
/// no event was stored twice. Time bounds are generous: the machine runs the rest of the
/// suite in parallel.
@Suite("Faults over loopback: nothing lost, nothing sent twice", .serialized)
struct FaultInjectionTests {
    private let key = "vrn_fault_test"
    private let messages = "/v1/relay/messages"

    enum Form: String, CaseIterable, Sendable {
        case blocking, async
    }

    /// Sends one event with the chosen client form.
    private func send(
        _ form: Form, _ loopback: LoopbackEmulator, _ configuration: VerneConfiguration
    ) async throws -> Message {
        switch form {
        case .blocking:
            let relay = Relay(apiKey: key, configuration: configuration)
            return try await onThread { try Self.sendBlocking(relay) }
        case .async:
            return try await AsyncRelay(apiKey: key, configuration: configuration).messages.send(
                eventType: "fault.test", payload: ["n": 1])
        }
    }

    /// The blocking call, from a synchronous function as blocking calls must be.
    private static func sendBlocking(_ relay: Relay) throws -> Message {
        try relay.messages.send(eventType: "fault.test", payload: ["n": 1])
    }

    @Test("Connection dropped after the send was stored: one event, and the caller gets it", arguments: Form.allCases)
    func dropAfterProcessing(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        let log = CollectingLogHandler()
        loopback.emulator.inject(EmulatorFault(.dropAfterProcessing, method: .post, path: messages))

        let message = try await send(form, loopback, loopback.configuration(logHandler: log))

        let stored = loopback.storedMessages(key: key)
        #expect(stored.count == 1)
        #expect(stored.first?["id"]?.stringValue == message.id)
        #expect(log.decisions == ["retry", "success"])
    }

    @Test("Connection dropped before the send was read: retried, one event", arguments: Form.allCases)
    func dropBeforeProcessing(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        let log = CollectingLogHandler()
        loopback.emulator.inject(EmulatorFault(.dropBeforeProcessing, method: .post, path: messages))

        _ = try await send(form, loopback, loopback.configuration(logHandler: log))

        #expect(loopback.storedMessages(key: key).count == 1)
        #expect(log.decisions == ["retry", "success"])
    }

    @Test("A 5xx burst shorter than the retry budget succeeds", arguments: Form.allCases)
    func shortBurst(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        let log = CollectingLogHandler()
        loopback.emulator.inject(EmulatorFault(.status(503), method: .post, path: messages, count: 2))

        _ = try await send(form, loopback, loopback.configuration(logHandler: log))

        #expect(loopback.storedMessages(key: key).count == 1)
        #expect(log.decisions == ["retry", "retry", "success"])
    }

    @Test("A 5xx burst longer than the budget fails with the last error", arguments: Form.allCases)
    func longBurst(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.status(502), method: .post, path: messages, count: 3))

        await #expect {
            _ = try await send(form, loopback, loopback.configuration())
        } throws: { error in
            guard let error = error as? VerneAPIError else { return false }
            return error.status == 502 && error.attempts == 3
        }
        #expect(loopback.storedMessages(key: key).isEmpty)
    }

    @Test("A 429 with Retry-After waits that long and succeeds", arguments: Form.allCases)
    func rateLimited(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.status(429, retryAfter: "1"), method: .post, path: messages))
        let clock = ContinuousClock()
        let start = clock.now

        _ = try await send(form, loopback, loopback.configuration())

        let waited = start.duration(to: clock.now)
        #expect(waited >= .milliseconds(950))
        #expect(waited < .seconds(6))
        #expect(loopback.storedMessages(key: key).count == 1)
    }

    @Test("A Retry-After beyond the bound fails at once with its wait", arguments: Form.allCases)
    func retryAfterTooLong(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.status(429, retryAfter: "3600"), method: .post, path: messages))
        let clock = ContinuousClock()
        let start = clock.now

        await #expect {
            _ = try await send(form, loopback, loopback.configuration())
        } throws: { error in
            (error as? VerneAPIError)?.retryAfter == .seconds(3600)
        }
        #expect(start.duration(to: clock.now) < .seconds(10))
        #expect(loopback.storedMessages(key: key).isEmpty)
    }

    @Test("A slow answer past the timeout fails as a timeout after the retries", arguments: Form.allCases)
    func slowAnswer(form: Form) async throws {
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.delay(.seconds(2)), method: .post, path: messages, count: 3))
        let configuration = loopback.configuration(timeout: .milliseconds(250))
        let clock = ContinuousClock()
        let start = clock.now

        await #expect {
            _ = try await send(form, loopback, configuration)
        } throws: { error in
            guard let error = error as? VerneConnectionError else { return false }
            return error.kind == .timedOut && error.attempts == 3
        }
        let elapsed = start.duration(to: clock.now)
        #expect(elapsed >= .milliseconds(750))
        #expect(elapsed < .seconds(5))
    }

    @Test("Malformed, truncated and non-JSON answers become typed errors, never a crash")
    func badBodies() async throws {
        let loopback = try LoopbackEmulator()
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration(retryPolicy: .disabled))

        for action in [EmulatorFault.Action.malformedJSON(), .truncatedBody(), .nonJSONBody()] {
            loopback.emulator.inject(EmulatorFault(action, method: .get, path: messages))
            await #expect(throws: VerneResponseError.self) { try await relay.messages.list() }
        }
        loopback.emulator.inject(EmulatorFault(.nonJSONBody(status: 500), method: .get, path: messages))
        await #expect {
            try await relay.messages.list()
        } throws: { error in
            (error as? VerneAPIError)?.code == .unknown && (error as? VerneAPIError)?.message == "HTTP 500"
        }
    }

    @Test("Cancellation mid-request and mid-backoff ends the call promptly")
    func cancellation() async throws {
        let loopback = try LoopbackEmulator()
        let slowBackoff = RetryPolicy.exponential(maxRetries: 2, initialBackoff: .seconds(20))
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration(retryPolicy: slowBackoff))

        for fault in [
            EmulatorFault(.delay(.seconds(10)), method: .post, path: messages),
            EmulatorFault(.status(503), method: .post, path: messages),
        ] {
            loopback.emulator.removeAllFaults()
            loopback.emulator.inject(fault)
            try await expectCancellation(after: .milliseconds(300), endsWithin: .seconds(1)) {
                try await relay.messages.send(eventType: "cancel.test", payload: [:])
            }
        }
    }

    @Test("A Gate create whose answer was lost is not repeated, and the error says it may have landed")
    func unsafeCreateNotRepeated() async throws {
        let loopback = try LoopbackEmulator()
        let log = CollectingLogHandler()
        loopback.emulator.inject(EmulatorFault(.dropAfterProcessing, method: .post, path: "/v1/gate/identities"))
        let gate = AsyncGate(apiKey: key, configuration: loopback.configuration(logHandler: log))

        await #expect {
            try await gate.identities.create(traits: ["email": "lost@example.com"])
        } throws: { error in
            guard let error = error as? VerneConnectionError else { return false }
            return error.mayHaveReachedServer && error.attempts == 1
                && error.description.contains("may have received")
        }
        #expect(loopback.storedIdentities(key: key).count == 1)
        #expect(log.decisions.count == 1)
    }

    @Test("A Gate read is retried through a 5xx burst")
    func safeReadRetried() throws {
        let loopback = try LoopbackEmulator()
        let gate = Gate(apiKey: key, configuration: loopback.configuration())
        let identity = try gate.identities.create(traits: ["email": "read@example.com"])
        loopback.emulator.inject(
            EmulatorFault(.status(500), method: .get, path: "/v1/gate/identities/", matchesPrefix: true, count: 2))

        let fetched = try gate.identities.get(identity.id)

        #expect(fetched.id == identity.id)
    }
}
