import Foundation
import Testing
import Verne
import VerneTesting

@Suite("URLSessionTransport over a real loopback socket")
struct URLSessionTransportTests {
    private let key = "vrn_transport_test"

    /// Sends `count` messages from as many concurrent tasks and waits for them all.
    private static func sendAtOnce(
        _ count: Int, eventType: String, through relay: AsyncRelay
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<count {
                group.addTask {
                    try await relay.messages.send(eventType: eventType, payload: ["n": .integer(index)])
                }
            }
            try await group.waitForAll()
        }
    }

    /// A loopback emulator that answers every send only after `delay`, so calls pile up.
    private static func slowLoopback(delay: Duration) throws -> LoopbackEmulator {
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(
            EmulatorFault(.delay(delay), path: "/v1/relay/messages", count: nil))
        return loopback
    }

    @Test("Sequential blocking calls reuse one kept-alive connection")
    func keepAliveBlocking() throws {
        let loopback = try LoopbackEmulator()
        let relay = Relay(apiKey: key, configuration: loopback.configuration())

        for index in 0..<20 {
            try relay.messages.send(eventType: "keepalive.test", payload: ["n": .integer(index)])
        }

        #expect(loopback.storedMessages(key: key).count == 20)
        #expect(loopback.server.acceptedConnections == 1)
    }

    @Test("Sequential async calls reuse one kept-alive connection")
    func keepAliveAsync() async throws {
        let loopback = try LoopbackEmulator()
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration())

        for _ in 0..<20 {
            _ = try await relay.messages.list(limit: 5)
        }

        #expect(loopback.server.acceptedConnections == 1)
    }

    @Test("Concurrent async calls open several connections and all succeed")
    func concurrency() async throws {
        let loopback = try LoopbackEmulator()
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration())

        try await Self.sendAtOnce(64, eventType: "fan.out", through: relay)

        #expect(loopback.storedMessages(key: key).count == 64)
        #expect(loopback.server.acceptedConnections > 1)
        #expect(loopback.server.acceptedConnections <= 64)
    }

    @Test("A configured pool bounds the connections, and slow calls queue for them")
    func poolBound() async throws {
        let loopback = try Self.slowLoopback(delay: .milliseconds(100))
        let transport = URLSessionTransport(configuration: .init(maxConnectionsPerHost: 3))
        let relay = AsyncRelay(
            apiKey: key, configuration: loopback.configuration(), transport: transport)

        try await Self.sendAtOnce(12, eventType: "pool.bound", through: relay)

        #expect(loopback.storedMessages(key: key).count == 12)
        #expect(loopback.server.acceptedConnections > 1)
        #expect(loopback.server.acceptedConnections <= 3)
    }

    @Test("The default pool does not cap 96 slow calls in flight at 64 connections")
    func defaultPoolAllowsMoreThan64() async throws {
        let loopback = try Self.slowLoopback(delay: .milliseconds(300))
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration())

        try await Self.sendAtOnce(96, eventType: "pool.wide", through: relay)

        #expect(URLSessionTransport.Configuration().maxConnectionsPerHost == 128)
        #expect(loopback.storedMessages(key: key).count == 96)
        #expect(loopback.server.acceptedConnections > 64)
    }

    @Test("An answer slower than the timeout fails as a timeout, at the limit")
    func timeout() throws {
        // The answer would take 10 s and URLSession's whole-second backstop 2 s; the call
        // must end at its 300 ms limit, on the transport's own timer, whose message says so.
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.delay(.seconds(10)), path: "/v1/relay/messages"))
        let relay = Relay(
            apiKey: key,
            configuration: loopback.configuration(retryPolicy: .disabled, timeout: .milliseconds(300)))

        #expect {
            try relay.messages.list()
        } throws: { error in
            guard let error = error as? VerneConnectionError else { return false }
            return error.kind == .timedOut && error.message == "no answer within the timeout"
        }
    }

    @Test("Calls started while others are in flight end at their own time limit")
    func timeoutWhileBusy() async throws {
        // Sixteen at once: all but the first start on the transport's own queue on Linux.
        // The server answers `202` after 10 s and URLSession's whole-second backstop would
        // end a call after 2 s; each call must end at its 300 ms limit, on the transport's
        // own timer, whose message says so. (No wall-clock bound: with the whole suite
        // running on two cores, the pool may pick the test up again seconds later.)
        let loopback = try Self.slowLoopback(delay: .seconds(10))
        let relay = AsyncRelay(
            apiKey: key,
            configuration: loopback.configuration(retryPolicy: .disabled, timeout: .milliseconds(300)))

        let errors = await withTaskGroup(of: VerneConnectionError?.self) { group in
            for index in 0..<16 {
                group.addTask {
                    do {
                        _ = try await relay.messages.send(
                            eventType: "busy.timeout", payload: ["n": .integer(index)])
                        return nil
                    } catch {
                        return error as? VerneConnectionError
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }

        #expect(errors.count == 16)
        #expect(errors.allSatisfy { $0?.kind == .timedOut })
        #expect(errors.allSatisfy { $0?.message == "no answer within the timeout" })
    }

    @Test("Cancelling many calls in flight ends every one of them at once")
    func cancellationWhileBusy() async throws {
        let loopback = try Self.slowLoopback(delay: .seconds(30))
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration())

        // Far less than the 30 s answer, with room for the suite under ThreadSanitizer.
        try await expectCancellation(after: .milliseconds(300), endsWithin: .seconds(10)) {
            try await Self.sendAtOnce(16, eventType: "busy.cancel", through: relay)
        }
    }

    @Test("A refused connection is a connection error that never reached the server")
    func refused() throws {
        let loopback = try LoopbackEmulator()
        let configuration = loopback.configuration(retryPolicy: .disabled)
        loopback.server.stop()
        let relay = Relay(apiKey: key, configuration: configuration)

        #expect {
            try relay.messages.list()
        } throws: { error in
            guard let error = error as? VerneConnectionError else { return false }
            return error.kind == .cannotConnect && !error.mayHaveReachedServer
        }
    }

    @Test("Cancelling the task cancels the request in flight at once")
    func cancellation() async throws {
        // The answer would take 30 s; the cancelled call must end long before it, with room
        // for a loaded machine (ThreadSanitizer in CI on two cores).
        let loopback = try LoopbackEmulator()
        loopback.emulator.inject(EmulatorFault(.delay(.seconds(30)), path: "/v1/relay/messages"))
        let relay = AsyncRelay(apiKey: key, configuration: loopback.configuration())

        try await expectCancellation(after: .milliseconds(200), endsWithin: .seconds(5)) {
            _ = try await relay.messages.list()
        }
    }
}
