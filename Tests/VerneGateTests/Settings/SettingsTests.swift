import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Settings")
struct SettingsTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "read security",
            answer: .json(Fixture.security),
            wire: Wire(method: .get, path: "/v1/gate/settings/security"),
            blocking: { _ = try $0.settings.security() },
            async: { _ = try await $0.settings.security() }),
        WireCase(
            name: "replace security, both fields",
            answer: .noContent,
            wire: Wire(
                method: .put, path: "/v1/gate/settings/security",
                body: #"{"mfa_enabled":true,"passwordless_enabled":false}"#),
            blocking: {
                try $0.settings.replaceSecurity(passwordlessEnabled: false, mfaEnabled: true)
            },
            async: {
                try await $0.settings.replaceSecurity(passwordlessEnabled: false, mfaEnabled: true)
            }),
        WireCase(
            name: "read social providers",
            answer: .json(Fixture.providers),
            wire: Wire(method: .get, path: "/v1/gate/settings/oidc-providers"),
            blocking: { _ = try $0.settings.oidcProviders() },
            async: { _ = try await $0.settings.oidcProviders() }),
        WireCase(
            name: "update social providers",
            answer: .json(Fixture.providers),
            wire: Wire(
                method: .put, path: "/v1/gate/settings/oidc-providers",
                body:
                    #"{"providers":[{"enabled":true,"provider":"google"},{"enabled":false,"provider":"github"}]}"#
            ),
            blocking: {
                try $0.settings.updateOIDCProviders([
                    OIDCProvider(provider: "google", enabled: true),
                    OIDCProvider(provider: "github", enabled: false),
                ])
            },
            async: {
                try await $0.settings.updateOIDCProviders([
                    OIDCProvider(provider: "google", enabled: true),
                    OIDCProvider(provider: "github", enabled: false),
                ])
            }),
        WireCase(
            name: "read return URLs",
            answer: .json(Fixture.returnURLs),
            wire: Wire(method: .get, path: "/v1/gate/settings/return-urls"),
            blocking: { _ = try $0.settings.returnURLs() },
            async: { _ = try await $0.settings.returnURLs() }),
        WireCase(
            name: "replace return URLs",
            answer: .json(Fixture.returnURLs),
            wire: Wire(
                method: .put, path: "/v1/gate/settings/return-urls",
                body:
                    #"{"return_urls":["https://app.example.com/auth/return","http://localhost:3000/cb"]}"#
            ),
            blocking: {
                try $0.settings.replaceReturnURLs([
                    "https://app.example.com/auth/return", "http://localhost:3000/cb",
                ])
            },
            async: {
                try await $0.settings.replaceReturnURLs([
                    "https://app.example.com/auth/return", "http://localhost:3000/cb",
                ])
            }),
        WireCase(
            name: "switch social login off with an empty list",
            answer: .json(#"{"return_urls": []}"#),
            wire: Wire(
                method: .put, path: "/v1/gate/settings/return-urls", body: #"{"return_urls":[]}"#),
            blocking: { try $0.settings.replaceReturnURLs([]) },
            async: { try await $0.settings.replaceReturnURLs([]) }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    @Test("more than 10 return URLs are refused before sending")
    func tooManyReturnURLs() async throws {
        let urls = (1...11).map { "https://app.example.com/\($0)" }
        try await RefusalCase(
            name: "11 URLs", argument: "returnURLs",
            blocking: { try $0.settings.replaceReturnURLs(urls) },
            async: { try await $0.settings.replaceReturnURLs(urls) }
        ).check()
    }

    @Test("the answers decode")
    func answers() throws {
        #expect(
            try decode(GetSecuritySettingsEndpoint(), Fixture.security)
                == SecuritySettings(passwordlessEnabled: true, mfaEnabled: false))
        #expect(
            try decode(GetOIDCProvidersEndpoint(), Fixture.providers) == [
                OIDCProvider(provider: "google", enabled: true),
                OIDCProvider(provider: "github", enabled: false),
            ])
        #expect(
            try decode(UpdateOIDCProvidersEndpoint(providers: []), Fixture.providers).count == 2)
        #expect(
            try decode(GetReturnURLsEndpoint(), Fixture.returnURLs) == [
                "https://app.example.com/auth/return"
            ])
        #expect(try decode(ReplaceReturnURLsEndpoint(returnURLs: []), "{}").isEmpty)
    }

    @Test("replacing security accepts a 204 with no body")
    func replaceSecurityNoContent() throws {
        let endpoint = ReplaceSecuritySettingsEndpoint(
            settings: SecuritySettings(passwordlessEnabled: true, mfaEnabled: true))
        #expect(try endpoint.decode(.noContent) == NoContent())
    }
}
