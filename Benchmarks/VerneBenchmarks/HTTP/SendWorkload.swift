import Foundation
import Verne

/// One client of the `send` benchmarks, ready to make calls: the SDK, its transport alone,
/// or the bare-URLSession floor, blocking or async.
///
/// Built from a `--client` name, it owns its client (and so its connections) for as long as
/// it lives, so that `pair` can keep two of them open in one process and measure them in
/// turn.
struct SendWorkload: Sendable {
    /// How the client makes one call.
    enum Call: Sendable {
        /// One call on the calling thread.
        case blocking(@Sendable () throws -> Void)
        /// One call from a task; several tasks may call at once.
        case async(@Sendable () async throws -> Void)
    }

    /// The `--client` name it was built from.
    let client: String
    /// One call, checked.
    let call: Call

    /// Builds the client named `client`.
    ///
    /// - Parameters:
    ///   - client: `sdk-blocking`, `sdk-async`, `sdk-no-network`, `transport-blocking`,
    ///     `transport-async`, `floor-blocking` or `floor-async`.
    ///   - url: The emulator's base URL.
    ///   - options: The command line, for `--key` and `--pool`.
    /// - Throws: ``BenchmarkError`` for an unknown client or a bad option.
    init(client: String, url: URL, options: BenchOptions) throws {
        let pool = try options.integer(
            "--pool", default: URLSessionTransport.Configuration().maxConnectionsPerHost)
        let configuration = try VerneConfiguration.baseURL(url.absoluteString)
        let transport = URLSessionTransport(configuration: .init(maxConnectionsPerHost: pool))
        let eventType = SendBenchmark.eventType
        let payload = SendBenchmark.payload
        self.client = client

        switch client {
        case "sdk-blocking":
            let relay = Relay(
                apiKey: options.key, configuration: configuration, transport: transport)
            call = .blocking {
                try SendBenchmark.check(
                    relay.messages.send(eventType: eventType, payload: payload))
            }
        case "sdk-async":
            let relay = AsyncRelay(
                apiKey: options.key, configuration: configuration, transport: transport)
            call = .async {
                try SendBenchmark.check(
                    await relay.messages.send(eventType: eventType, payload: payload))
            }
        case "sdk-no-network":
            let canned = Self.cannedAnswer
            let relay = Relay(
                apiKey: options.key, configuration: configuration,
                transport: ClosureTransport { _ in canned })
            call = .blocking {
                try SendBenchmark.check(
                    relay.messages.send(eventType: eventType, payload: payload))
            }
        case "transport-blocking":
            let request = try SendBenchmark.transportRequest(url: url, key: options.key)
            call = .blocking {
                guard try transport.sendBlocking(request).isSuccess else {
                    throw BenchmarkError("status")
                }
            }
        case "transport-async":
            let request = try SendBenchmark.transportRequest(url: url, key: options.key)
            call = .async {
                guard try await transport.send(request).isSuccess else {
                    throw BenchmarkError("status")
                }
            }
        case "floor-blocking":
            let floor = BareClient(
                request: try SendBenchmark.floorRequest(url: url, key: options.key), pool: pool)
            call = .blocking { try floor.sendBlocking() }
        case "floor-async":
            let floor = BareClient(
                request: try SendBenchmark.floorRequest(url: url, key: options.key), pool: pool)
            call = .async { try await floor.send() }
        default:
            throw BenchmarkError(
                "--client must be sdk-blocking, sdk-async, floor-blocking, floor-async, "
                    + "sdk-no-network, transport-blocking or transport-async")
        }
    }

    /// Runs a warm-up, then one measured window of calls in a closed loop.
    ///
    /// - Parameters:
    ///   - concurrency: Calls in flight for an async client; a blocking one makes one call
    ///     after another.
    ///   - warmUp: Seconds of calls before measuring; 0 for none.
    ///   - seconds: Seconds to measure.
    ///   - calls: When given, measure exactly this many calls instead.
    /// - Returns: The measured window.
    /// - Throws: What a call throws.
    func measure(
        concurrency: Int, warmUp: Double, seconds: Double, calls: Int? = nil
    ) throws -> LoadResult {
        switch call {
        case .blocking(let call):
            return try LoadRunner.sequential(
                warmUp: warmUp, seconds: seconds, calls: calls, call)
        case .async(let call):
            return try AsyncBridge.wait {
                try await LoadRunner.concurrent(
                    concurrency: concurrency, warmUp: warmUp, seconds: seconds, calls: calls,
                    call)
            }
        }
    }

    /// The `202` the no-network client answers every call with.
    private static let cannedAnswer = HTTPResponse(
        status: 202,
        headers: ["Content-Type": "application/json", "X-Request-ID": "req_1"],
        body: Data(
            (#"{"event_type":"benchmark.fixed","id":"msg_fixedanswer0000000","#
                + #""status":"accepted","timestamp":"2026-01-01T00:00:00Z"}"#).utf8))
}
