import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Sign-in flows and public providers")
struct SignInTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "enabled providers, without the API key",
            answer: .json(#"{"providers": ["google", "github"]}"#),
            wire: Wire(method: .get, path: "/public/gate/providers/ten_001", auth: .anonymous),
            blocking: { _ = try $0.enabledProviders(tenantID: "ten_001") },
            async: { _ = try await $0.enabledProviders(tenantID: "ten_001") }),
        WireCase(
            name: "login flow with nothing",
            answer: .json(Fixture.flow),
            wire: Wire(method: .get, path: "/v1/gate/auth/login"),
            blocking: { _ = try $0.loginFlow() },
            async: { _ = try await $0.loginFlow() }),
        WireCase(
            name: "login flow with a return URL and a state",
            answer: .json(Fixture.flow),
            wire: Wire(
                method: .get, path: "/v1/gate/auth/login",
                query: "return_to=https%3A%2F%2Fapp.example.com%2Fauth%2Freturn&state=xyz-1.2_3~"),
            blocking: {
                _ = try $0.loginFlow(
                    returnTo: "https://app.example.com/auth/return", state: "xyz-1.2_3~")
            },
            async: {
                _ = try await $0.loginFlow(
                    returnTo: "https://app.example.com/auth/return", state: "xyz-1.2_3~")
            }),
        WireCase(
            name: "aal2 step-up, the session token in X-Session-Token",
            answer: .json(Fixture.flow),
            wire: Wire(
                method: .get, path: "/v1/gate/auth/login", query: "aal=aal2",
                auth: .apiKeyAndSession("ory_st_secret")),
            blocking: { _ = try $0.loginFlow(aal: .aal2, sessionToken: "ory_st_secret") },
            async: { _ = try await $0.loginFlow(aal: .aal2, sessionToken: "ory_st_secret") }),
        WireCase(
            name: "registration flow",
            answer: .json(Fixture.flow),
            wire: Wire(
                method: .get, path: "/v1/gate/auth/registration",
                query: "return_to=http%3A%2F%2Flocalhost%3A3000%2Fcb&state=s"),
            blocking: {
                _ = try $0.registrationFlow(returnTo: "http://localhost:3000/cb", state: "s")
            },
            async: {
                _ = try await $0.registrationFlow(returnTo: "http://localhost:3000/cb", state: "s")
            }),
        WireCase(
            name: "exchange a social-login code",
            answer: .json(Fixture.exchange),
            wire: Wire(
                method: .post, path: "/v1/gate/auth/oidc/exchange", body: #"{"code":"code_123"}"#),
            blocking: { _ = try $0.exchangeSocialLoginCode("code_123") },
            async: { _ = try await $0.exchangeSocialLoginCode("code_123") }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "a state with a space", argument: "state",
            blocking: { _ = try $0.loginFlow(state: "a b") },
            async: { _ = try await $0.registrationFlow(state: "a b") }),
        RefusalCase(
            name: "an empty state", argument: "state",
            blocking: { _ = try $0.registrationFlow(state: "") },
            async: { _ = try await $0.loginFlow(state: "") }),
        RefusalCase(
            name: "a state over 256 characters", argument: "state",
            blocking: { _ = try $0.loginFlow(state: String(repeating: "a", count: 257)) },
            async: { _ = try await $0.loginFlow(state: String(repeating: "a", count: 257)) }),
        RefusalCase(
            name: "an empty session token", argument: "sessionToken",
            blocking: { _ = try $0.loginFlow(aal: .aal2, sessionToken: "") },
            async: { _ = try await $0.loginFlow(aal: .aal2, sessionToken: "") }),
        RefusalCase(
            name: "an empty code", argument: "code",
            blocking: { _ = try $0.exchangeSocialLoginCode("") },
            async: { _ = try await $0.exchangeSocialLoginCode("") }),
        RefusalCase(
            name: "an empty tenant", argument: "tenantID",
            blocking: { _ = try $0.enabledProviders(tenantID: "") },
            async: { _ = try await $0.enabledProviders(tenantID: "..") }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("a 256-character state is accepted")
    func longestState() throws {
        let state = String(repeating: "Z", count: 256)
        let endpoint = try LoginFlowEndpoint(
            returnTo: nil, state: state, aal: nil, sessionToken: nil)
        #expect(endpoint.query.encoded == "state=" + state)
    }

    @Test("the providers answer decodes, empty when the member is missing")
    func providers() throws {
        let endpoint = try EnabledProvidersEndpoint(tenantID: "t")
        #expect(try decode(endpoint, #"{"providers": ["google"]}"#) == ["google"])
        #expect(try decode(endpoint, "{}").isEmpty)
    }

    @Test("a flow is the open object, as received")
    func flow() throws {
        let flow = try decode(RegistrationFlowEndpoint(returnTo: nil, state: nil), Fixture.flow)
        #expect(flow["id"] == "flw_1")
        #expect(flow["ui"]?["nodes"]?[0]?["attributes"]?["name"] == "identifier")
    }

    @Test("the exchange answer holds the token, the session and the raw answer")
    func exchange() throws {
        let result = try decode(ExchangeSocialLoginCodeEndpoint(code: "c"), Fixture.exchange)

        #expect(result.sessionToken == "ory_st_secret")
        #expect(result.session.id == "ses_1")
        #expect(result.session.active == true)
        #expect(result.raw["identity_id"] == "idn_123")
        #expect(try JSONValue(encoding: result)["identity_id"] == "idn_123")
    }

    @Test("an exchange answer without a session token is unreadable")
    func exchangeWithoutToken() throws {
        #expect(throws: VerneResponseError.self) {
            try decode(ExchangeSocialLoginCodeEndpoint(code: "c"), #"{"session": {}}"#)
        }
    }

    @Test("a registration past the plan's limit is a 402 the caller can branch on")
    func activeUserLimit() async throws {
        let recorder = WireRecorder(
            answer: .json(
                #"{"error": {"code": "ACTIVE_USER_LIMIT_REACHED", "message": "Upgrade.", "limit": 1000}}"#,
                status: 402))
        let error = await #expect(throws: VerneAPIError.self) {
            try await recorder.asyncGate().registrationFlow()
        }
        #expect(error?.code == .activeUserLimitReached)
        #expect(error?.details["limit"] == 1000)
    }
}
