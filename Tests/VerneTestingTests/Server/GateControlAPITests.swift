import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Gate set-up routes of the control API, and signed tokens over loopback")
struct GateControlAPITests {
    private struct Client {
        let server: EmulatorServer
        let transport = URLSessionTransport()

        func call(
            _ method: HTTPMethod, _ path: String, json: JSONValue? = nil, key: String? = "vrn_test",
            sessionToken: String? = nil
        ) throws -> (status: Int, json: JSONValue?, headers: HTTPHeaders) {
            var headers: HTTPHeaders = [
                "Content-Type": "application/json", "Accept": "application/json",
            ]
            if let key { headers["Authorization"] = "Bearer \(key)" }
            if let sessionToken { headers["X-Session-Token"] = sessionToken }
            let url = URL(string: server.baseURL!.absoluteString + path)!
            let request = HTTPRequest(
                method: method, url: url, headers: headers,
                body: json.map { try! JSONCoding.encoder.encode($0) },
                timeout: .seconds(10))
            let response = try transport.sendBlocking(request)
            return (
                response.status,
                try? JSONCoding.decoder.decode(JSONValue.self, from: response.body),
                response.headers
            )
        }
    }

    private func started() throws -> Client {
        let server = EmulatorServer()
        try server.start(port: 0)
        return Client(server: server)
    }

    @Test(
        "POST /_emulator/sessions starts a session the check and whoami accept; iss is the server's URL"
    )
    func sessions() throws {
        let client = try started()
        defer { client.server.stop() }
        let ada = try #require(
            try client.call(
                .post, "/v1/gate/identities", json: ["traits": ["email": "ada@example.com"]]
            ).json?["id"])

        let created = try client.call(
            .post, "/_emulator/sessions", json: ["identity_id": ada, "aal": "aal2"])
        let token = try #require(created.json?["session_token"]?.stringValue)
        let checked = try client.call(.get, "/v1/gate/auth/session", sessionToken: token)
        let minted = try client.call(
            .get, "/auth/sessions/whoami?tokenize_as=gate_jwt", key: nil, sessionToken: token)
        let jwt = try #require(minted.json?["tokenized"]?.stringValue)
        let payload = try #require(Base64URL.decode(String(jwt.split(separator: ".")[1])))
        let claims = try JSONCoding.decoder.decode(JSONValue.self, from: Data(payload))
        let tenant = try #require(created.json?["tenant_id"]?.stringValue)

        #expect(created.status == 201)
        #expect(created.json?["session_id"]?.stringValue?.isEmpty == false)
        #expect(checked.json?["aal"] == "aal2")
        #expect(
            claims["iss"]?.stringValue == client.server.baseURL!.absoluteString + "/auth/" + tenant)
        #expect(
            try client.call(.post, "/_emulator/sessions", json: ["identity_id": "nobody"]).status
                == 400)
        #expect(
            try client.call(.post, "/_emulator/sessions", json: ["identity_id": ada], key: nil)
                .status == 401)
        #expect(
            try client.call(
                .post, "/_emulator/sessions", json: ["identity_id": ada, "aal": "aal9"]
            ).status == 400)
    }

    @Test("signing keys can be listed and rotated through the control API; the JWKS follows")
    func rotation() throws {
        let client = try started()
        defer { client.server.stop() }
        let before = try client.call(.get, "/_emulator/signing-keys").json?["published"]
        let rotated = try client.call(.post, "/_emulator/signing-keys/rotate").json
        let tenant = client.server.emulator.tenantID(forKey: "vrn_test")
        let jwks = try client.call(.get, "/auth/\(tenant)/.well-known/jwks.json", key: nil)

        let newKID = try #require(rotated?["kid"])
        #expect(rotated?["published"] == .array([newKID] + (before?.arrayValue ?? [])))
        #expect(
            jwks.json?["keys"]?.arrayValue?.compactMap { $0["kid"] }
                == rotated?["published"]?.arrayValue)
        #expect(jwks.headers["Cache-Control"]?.contains("max-age=300") == true)
    }

    @Test("social-login codes and the plan are set through the control API")
    func codesAndPlan() throws {
        let client = try started()
        defer { client.server.stop() }
        let ada = try #require(
            try client.call(
                .post, "/v1/gate/identities", json: ["traits": ["email": "ada@example.com"]]
            ).json?["id"])

        let code = try client.call(
            .post, "/_emulator/social-login-codes", json: ["identity_id": ada]
        ).json?["code"]
        let exchanged = try client.call(
            .post, "/v1/gate/auth/oidc/exchange", json: ["code": code ?? nil])
        let plan = try client.call(
            .post, "/_emulator/plan", json: ["tier": "pro", "active_user_limit": 1])
        let rules = try client.call(.get, "/v1/gate/lifecycle/rules").json
        let registration = try client.call(.get, "/v1/gate/auth/registration")

        #expect(exchanged.json?["session_token"]?.stringValue?.isEmpty == false)
        #expect(plan.json == ["tier": "pro", "active_user_limit": 1])
        #expect(rules?["tier"] == "pro")
        #expect(registration.status == 402)
        #expect(try client.call(.post, "/_emulator/plan", json: ["tier": "gold"]).status == 400)
        #expect(
            try client.call(.post, "/_emulator/plan", json: ["active_user_limit": nil]).json?[
                "active_user_limit"]
                == .null)
    }
}
