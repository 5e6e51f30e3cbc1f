import Foundation
import VerneCore
import VerneTesting

/// One answer, read for assertions.
struct Answer {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    /// The body as JSON, or `nil` when it is empty or not JSON.
    var json: JSONValue? { try? JSONCoding.decoder.decode(JSONValue.self, from: body) }

    /// The `error.code` of an error envelope.
    var errorCode: String? { json?["error"]?["code"]?.stringValue }
}

/// Sends requests to an emulator in-process with a key, blocking.
struct EmulatorHarness {
    var emulator: NautilusEmulator
    var key: String?
    var baseURL = URL(string: "https://api.vernesoft.com")!

    init(_ emulator: NautilusEmulator = NautilusEmulator(), key: String? = "vrn_test") {
        self.emulator = emulator
        self.key = key
    }

    /// The same emulator with another key.
    func with(key: String?) -> EmulatorHarness {
        var copy = self
        copy.key = key
        return copy
    }

    /// Builds a request as the SDK would.
    func request(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, raw: Data? = nil,
        timeout: Duration = .seconds(30)
    ) -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        let body = raw ?? json.map { try! JSONCoding.encoder.encode($0) }
        return HTTPRequest(
            method: method, url: URL(string: baseURL.absoluteString + path)!, headers: headers,
            body: body, timeout: timeout)
    }

    /// Sends a request and returns the answer.
    @discardableResult
    func call(_ method: HTTPMethod, _ path: String, json: JSONValue? = nil, raw: Data? = nil) throws -> Answer {
        let response = try emulator.sendBlocking(request(method, path, json: json, raw: raw))
        return Answer(status: response.status, headers: response.headers, body: response.body)
    }

    /// Sends an event and returns the Message JSON.
    @discardableResult
    func sendMessage(
        _ eventType: String = "user.created", payload: JSONValue = ["id": "usr_1"],
        idempotencyKey: String? = nil
    ) throws -> Answer {
        var body: [String: JSONValue] = ["event_type": .string(eventType), "payload": payload]
        if let idempotencyKey { body["idempotency_key"] = .string(idempotencyKey) }
        return try call(.post, "/v1/relay/messages", json: .object(body))
    }

    /// Creates an identity and returns its JSON.
    @discardableResult
    func createIdentity(_ email: String, extra: [String: JSONValue] = [:]) throws -> Answer {
        var body = extra
        body["traits"] = ["email": .string(email)]
        return try call(.post, "/v1/gate/identities", json: .object(body))
    }
}
