import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Keys and tokens never show in descriptions")
struct SecretTests {
    /// Everything `print`, string interpolation and `dump` would show.
    private func shown(_ value: Any) -> String {
        var dumped = ""
        dump(value, to: &dumped)
        return String(describing: value) + "\n" + String(reflecting: value) + "\n" + dumped
    }

    @Test("clients show a key hint only")
    func clients() {
        let recorder = WireRecorder(answer: .noContent)
        for client in [
            shown(recorder.gate()), shown(recorder.asyncGate()),
            shown(recorder.gate().withOptions(RequestOptions(timeout: .seconds(1)))),
        ] {
            #expect(!client.contains(testKey))
            #expect(client.contains("api.vernesoft.com"))
        }
    }

    @Test("endpoints that carry a token or code hide it")
    func endpoints() throws {
        let secret = "ory_st_TOPSECRET"
        let values: [Any] = [
            try CheckSessionEndpoint(sessionToken: secret),
            try LoginFlowEndpoint(returnTo: nil, state: "s", aal: .aal2, sessionToken: secret),
            try IntrospectTokenEndpoint(accessToken: secret),
            try ExchangeSocialLoginCodeEndpoint(code: secret),
        ]
        for value in values {
            let text = shown(value)
            #expect(!text.contains("TOPSECRET"), "\(type(of: value)) shows its secret")
            #expect(text.contains("<redacted>"))
        }
    }

    @Test("answers that hold a token or a password hide it")
    func models() throws {
        let token = try decode(
            CreateTokenEndpoint(subject: "s", scopes: nil, ttl: nil), Fixture.accessToken)
        let exchange = try decode(ExchangeSocialLoginCodeEndpoint(code: "c"), Fixture.exchange)
        let credentials = Credentials.password("Hunter2Hunter2")

        #expect(!shown(token).contains("gat_secret_abc"))
        #expect(shown(token).contains("usr_123"))
        #expect(!shown(exchange).contains("ory_st_secret"))
        #expect(shown(exchange).contains("ses_1"))
        #expect(!shown(credentials).contains("Hunter2"))
        #expect(shown(credentials).contains("password"))
    }

    @Test("a session token reaches only the X-Session-Token header")
    func sessionTokenPlacement() async throws {
        let recorder = WireRecorder(answer: .json(Fixture.sessionCheck))
        _ = try await recorder.asyncGate().sessions.check(sessionToken: "ory_st_TOPSECRET")
        _ = try await recorder.asyncGate().loginFlow(aal: .aal2, sessionToken: "ory_st_TOPSECRET")

        for request in recorder.requests {
            #expect(request.headers["X-Session-Token"] == "ory_st_TOPSECRET")
            #expect(!request.url.absoluteString.contains("TOPSECRET"))
            #expect(request.body == nil)
            #expect(!String(describing: request).contains("TOPSECRET"))
        }
    }
}
