import Foundation
import Verne

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `send`: `messages.send` in a closed loop, through the SDK or the bare-URLSession floor.
///
/// `--client` is `sdk-blocking` (``Relay``, one call after another), `sdk-async`
/// (``AsyncRelay`` from `--concurrency` tasks), `floor-blocking` or `floor-async` (the
/// same requests through ``BareClient``). For profiling, `sdk-no-network` runs the SDK on a
/// canned answer, and `transport-blocking` / `transport-async` send one prepared
/// ``HTTPRequest`` through ``URLSessionTransport`` alone. Prints one ``RunReport`` line.
enum SendBenchmark {
    /// The payload every send carries.
    static let payload: JSONValue = ["id": "usr_123", "plan": "pro", "seats": 5, "trial": false]
    /// The event type every send carries.
    static let eventType = "user.created"

    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let client = try options.required("--client")
        let workload = try SendWorkload(
            client: client, url: try options.url(), options: options)
        let result = try workload.measure(
            concurrency: try options.integer("--concurrency", default: 1),
            warmUp: try options.seconds("--warm-up", default: 0.5),
            seconds: try options.seconds("--seconds", default: 2),
            calls: try options.text("--calls").map { _ in
                try options.integer("--calls", default: 0)
            })

        RunReport(label: options.text("--label") ?? client, result: result).print()
    }

    /// The floor's request as an ``HTTPRequest``, for the transport alone.
    static func transportRequest(url: URL, key: String) throws -> HTTPRequest {
        let floor = try floorRequest(url: url, key: key)
        return HTTPRequest(
            method: .post, url: url.appendingPathComponent("v1/relay/messages"),
            headers: [
                "Content-Type": "application/json", "Accept": "application/json",
                "User-Agent": "verne-bench-floor", "Authorization": "Bearer \(key)",
            ],
            body: floor.httpBody)
    }

    /// The request the floor sends: the SDK's body for the same payload, a fixed key.
    static func floorRequest(url: URL, key: String) throws -> URLRequest {
        let body: JSONValue = [
            "event_type": .string(eventType), "payload": payload,
            "idempotency_key": "verne-6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f",
        ]
        return BareClient.sendRequest(baseURL: url, key: key, body: Data(body.description.utf8))
    }

    static func check(_ message: Message) throws {
        guard !message.id.isEmpty else { throw BenchmarkError("a send answered no message ID") }
    }
}
