import Foundation
import VerneCore

/// A local emulator of Nautilus' Relay and Gate services that keeps their state in
/// memory and answers from the wire contract.
///
/// Use it as a transport, in-process, with the blocking or the async clients, so tests
/// need no network and no real key:
///
/// ```swift
/// let emulator = NautilusEmulator()
/// let relay = AsyncRelay(apiKey: "vrn_test", transport: emulator)
/// let message = try await relay.messages.send(eventType: "user.created", payload: ["id": "usr_1"])
/// ```
///
/// or serve it over loopback HTTP with ``EmulatorServer``. It reads and writes JSON
/// itself rather than through the client modules' types, so a client that misreads the
/// contract fails against it.
///
/// Keys must start with `vrn_` (anything else is `401 unauthorized`). Each distinct key
/// is its own tenant unless ``shareTenant(_:)`` says otherwise; a legacy `vrn_relay_…`
/// or `vrn_gate_…` key is refused with `403 forbidden` by the other service. Every
/// answer carries a fresh `X-Request-ID`, and every error is the documented envelope
/// with the same `request_id`. Time comes from ``clock``; misbehaviour on demand comes
/// from ``inject(_:)``.
public final class NautilusEmulator: BlockingTransport, Sendable {
    /// The clock behind every timestamp, the idempotency window and token expiry.
    public let clock: EmulatorClock

    let router: EmulatorRouter
    let state: StateLock<EmulatorState>

    /// Creates an emulator with empty state.
    ///
    /// - Parameter clock: The clock to read time from; real time by default.
    public init(clock: EmulatorClock = EmulatorClock()) {
        self.clock = clock
        router = EmulatorRouter.standard()
        state = StateLock(EmulatorState())
    }

    /// Answers a request in-process, waiting without blocking a thread for any delay fault.
    ///
    /// - Parameter request: The request a client built.
    /// - Returns: The emulator's answer.
    /// - Throws: ``VerneConnectionError`` for a drop fault or a delay past the request's
    ///   timeout, `CancellationError` when the task is cancelled during a delay.
    public func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        try Task.checkCancellation()
        let emulatorRequest = EmulatorRequest(request)
        let ticket = begin(method: emulatorRequest.method, path: emulatorRequest.path)

        let delay = ticket.plan.delay
        if delay > .zero {
            try await Task.sleep(for: min(delay, request.timeout))
            if delay >= request.timeout { try timeOut(ticket, emulatorRequest) }
        }
        return try finishInProcess(ticket, emulatorRequest)
    }

    /// Answers a request in-process, blocking the calling thread for any delay fault.
    ///
    /// - Parameter request: The request a client built.
    /// - Returns: The emulator's answer.
    /// - Throws: ``VerneConnectionError`` for a drop fault or a delay past the request's
    ///   timeout.
    public func sendBlocking(_ request: HTTPRequest) throws -> HTTPResponse {
        let emulatorRequest = EmulatorRequest(request)
        let ticket = begin(method: emulatorRequest.method, path: emulatorRequest.path)

        let delay = ticket.plan.delay
        if delay > .zero {
            Thread.sleep(forTimeInterval: min(delay, request.timeout).seconds)
            if delay >= request.timeout { try timeOut(ticket, emulatorRequest) }
        }
        return try finishInProcess(ticket, emulatorRequest)
    }

    private func timeOut(_ ticket: EmulatorTicket, _ request: EmulatorRequest) throws -> Never {
        if ticket.plan.action != .dropBeforeProcessing { _ = complete(ticket, request) }
        throw VerneConnectionError(
            kind: .timedOut, message: "the emulator's delay outlasted the request timeout",
            mayHaveReachedServer: true)
    }

    private func finishInProcess(_ ticket: EmulatorTicket, _ request: EmulatorRequest) throws -> HTTPResponse {
        if ticket.plan.action == .dropBeforeProcessing {
            throw VerneConnectionError(
                kind: .cannotConnect,
                message: "the emulator dropped the connection before processing the request",
                mayHaveReachedServer: false)
        }
        switch complete(ticket, request) {
        case .answer(let response):
            return response
        case .dropped:
            throw VerneConnectionError(
                kind: .connectionLost,
                message: "the emulator processed the request and dropped the connection",
                mayHaveReachedServer: true)
        }
    }
}

extension NautilusEmulator {
    /// Makes several keys act for one tenant: the first key's.
    ///
    /// Data other keys stored before is no longer reachable through them.
    ///
    /// - Parameter keys: The keys that share a tenant.
    public func shareTenant(_ keys: [String]) {
        state.withLock { $0.share(keys) }
    }

    /// The tenant a key acts for (made on first use), as `tenant_id` on the wire shows it.
    ///
    /// - Parameter key: The API key.
    /// - Returns: The tenant ID.
    public func tenantID(forKey key: String) -> String {
        state.withLock { $0.tenantID(forKey: key) }
    }

    /// Forgets every tenant, key mapping, fault and request count, and puts the clock
    /// back on real time.
    public func reset() {
        state.withLock { $0 = EmulatorState() }
        clock.reset()
    }

    /// Adds a fault that applies to the next matching requests.
    ///
    /// - Parameter fault: The fault.
    public func inject(_ fault: EmulatorFault) {
        state.withLock { $0.faults.add(fault) }
    }

    /// Removes every fault still waiting.
    public func removeAllFaults() {
        state.withLock { $0.faults.removeAll() }
    }

    /// The faults still waiting, with their remaining counts.
    public var pendingFaults: [EmulatorFault] {
        state.withLock { $0.faults.pending }
    }

    /// Requests received so far, by route: `"POST /v1/relay/messages"`,
    /// `"GET /v1/gate/identities/{id}"`; an unknown path is counted under its own path.
    public var requestCounts: [String: Int] {
        state.withLock { $0.requestCounts }
    }

    /// Requests received so far for one route.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - path: The route pattern (`/v1/gate/identities/{id}`) or any concrete path of
    ///     that route.
    /// - Returns: The number of requests, faulted ones included.
    public func requestCount(_ method: HTTPMethod, _ path: String) -> Int {
        let pattern = router.match(method: method.rawValue, path: path).pattern ?? path
        return state.withLock { $0.requestCounts[method.rawValue + " " + pattern] ?? 0 }
    }
}
