import Foundation
import Verne

/// `coding`: the SDK's own CPU cost per call, without any network.
///
/// Times, in microseconds of user CPU per operation on one thread: encoding a send's
/// body, decoding the 202 Message, building the whole request, a whole blocking
/// `messages.send` through a transport that answers at once, and decoding and encoding a
/// small open JSON object (`JSONValue`). These are the parts of a call the SDK adds on
/// top of the HTTP exchange. With `--count N` each runs N times untimed, for callgrind.
enum CodingBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let seconds = try options.seconds("--seconds", default: 1)
        let only = options.text("--only")

        let endpoint = try SendMessageEndpoint(
            eventType: SendBenchmark.eventType, payload: SendBenchmark.payload,
            idempotencyKey: "verne-6f1c2d3e-4b5a-4c7d-9e8f-0a1b2c3d4e5f", channels: nil)
        let answer = HTTPResponse(
            status: 202, headers: ["Content-Type": "application/json", "X-Request-ID": "req_1"],
            body: Data(
                (#"{"event_type":"user.created","id":"msg_2hV9kLmNpQ","#
                    + #""status":"accepted","timestamp":"2026-03-17T12:00:00.123Z"}"#).utf8))
        let object = Data(
            (#"{"id":"usr_123","plan":"pro","seats":5,"ratio":0.25,"trial":false,"#
                + #""tags":["a","b"],"address":{"city":"Lyon","zip":null}}"#).utf8)
        let value = try JSONCoding.decoder.decode(JSONValue.self, from: object)
        let context = ClientContext(
            service: "Relay", apiKey: APIKey("vrn_bench"),
            configuration: try VerneConfiguration.baseURL("http://127.0.0.1:8080"))
        let relay = Relay(
            apiKey: "vrn_bench", configuration: context.configuration,
            transport: ClosureTransport { _ in answer })

        let cases: [(String, () throws -> Bool)] = [
            ("encode_send_body", { try endpoint.body!.encoded().count > 0 }),
            ("decode_message", { try !endpoint.decode(answer).id.isEmpty }),
            ("make_request", { try context.makeRequest(endpoint).body != nil }),
            (
                "send_no_network",
                {
                    try !relay.messages.send(
                        eventType: "user.created", payload: SendBenchmark.payload
                    ).id.isEmpty
                }
            ),
            (
                "decode_json_value",
                { try JSONCoding.decoder.decode(JSONValue.self, from: object) == value }
            ),
            ("encode_json_value", { try JSONCoding.encoder.encode(value).count > 0 }),
        ]
        let count = try options.integer("--count", default: 0)
        for (name, operation) in cases where only == nil || only == name {
            if count > 0 {
                // Profiling mode: a fixed number of calls, so that the instruction counts of
                // two runs under callgrind can be subtracted.
                for _ in 0..<count {
                    guard try operation() else { throw BenchmarkError("wrong answer") }
                }
                continue
            }
            let rate = try Measurement.rate(seconds: seconds, operation)
            print(String(format: "%@_us: %.2f", name, 1e6 / rate))
        }
    }
}
