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
        sessionToken: String? = nil, timeout: Duration = .seconds(30)
    ) -> HTTPRequest {
        var headers: HTTPHeaders = ["Content-Type": "application/json", "Accept": "application/json"]
        if let key { headers["Authorization"] = "Bearer \(key)" }
        if let sessionToken { headers["X-Session-Token"] = sessionToken }
        let body = raw ?? json.map { try! JSONCoding.encoder.encode($0) }
        return HTTPRequest(
            method: method, url: URL(string: baseURL.absoluteString + path)!, headers: headers,
            body: body, timeout: timeout)
    }

    /// Sends a request and returns the answer.
    @discardableResult
    func call(
        _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, raw: Data? = nil,
        sessionToken: String? = nil
    ) throws -> Answer {
        let response = try emulator.sendBlocking(
            request(method, path, json: json, raw: raw, sessionToken: sessionToken))
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

extension EmulatorHarness {
    /// Creates an identity and returns its ID.
    func identityID(_ email: String) throws -> String {
        let answer = try createIdentity(email)
        guard let id = answer.json?["id"]?.stringValue else { throw HarnessError("no identity: \(answer.status)") }
        return id
    }

    /// Creates an organization and returns its ID.
    func organizationID(_ name: String = "Acme") throws -> String {
        let answer = try call(.post, "/v1/gate/organizations", json: ["name": .string(name)])
        guard let id = answer.json?["id"]?.stringValue else { throw HarnessError("no org: \(answer.status)") }
        return id
    }

    /// Creates a role and returns its ID.
    func roleID(in orgID: String, _ name: String, _ permissions: [String]) throws -> String {
        let answer = try call(
            .post, "/v1/gate/organizations/\(orgID)/roles",
            json: ["name": .string(name), "permissions": .array(permissions.map(JSONValue.string))])
        guard let id = answer.json?["id"]?.stringValue else { throw HarnessError("no role: \(answer.status)") }
        return id
    }

    /// Adds a member.
    @discardableResult
    func addMember(
        _ identityID: String, to orgID: String, role roleID: String, expiresAt: JSONValue? = nil
    ) throws
        -> Answer
    {
        var body: [String: JSONValue] = ["identity_id": .string(identityID), "role_id": .string(roleID)]
        if let expiresAt { body["expires_at"] = expiresAt }
        return try call(.post, "/v1/gate/organizations/\(orgID)/members", json: .object(body))
    }

    /// Asks whether an end user holds a permission in an organization.
    func authorize(_ identityID: String, _ permission: String, in orgID: String) throws -> Answer {
        try call(
            .post, "/v1/gate/authorize",
            json: [
                "subject": .string(identityID), "action": .string(permission),
                "resource": .string("organization:\(orgID)"),
            ])
    }

    /// The audit actions of the tenant, newest first.
    func auditActions(_ query: String = "") throws -> [String] {
        let page = try call(.get, "/v1/gate/audit-log?limit=100" + query).json
        return page?["data"]?.arrayValue?.compactMap { $0["action"]?.stringValue } ?? []
    }
}

/// A harness step that could not be done.
struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
