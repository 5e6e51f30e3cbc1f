import Foundation
import Testing
import Verne
import VerneTesting

/// Settings, sign-in and lifecycle rules, in both client forms, over loopback HTTP.
@Suite("Gate end to end: settings, sign-in and lifecycle rules")
struct GateSettingsEndToEndTests {
    @Test(
        "blocking: providers, return URLs, flows, the public provider list, a social-login exchange"
    )
    func signIn() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.gate()
        let ada = try gate.identities.create(traits: ["email": "ada@example.com"])

        let providers = try gate.settings.updateOIDCProviders([
            OIDCProvider(provider: "google", enabled: true)
        ])
        let urls = try gate.settings.replaceReturnURLs([
            "https://app.example.com/cb", "http://localhost:3000/cb",
        ])
        let flow = try gate.loginFlow(returnTo: "http://localhost:3000/cb", state: "csrf-123")
        let registration = try gate.registrationFlow(state: "abc")
        let code = try live.emulator.mintSocialLoginCode(forIdentity: ada.id, key: live.key)
        let exchange = try gate.exchangeSocialLoginCode(code)

        #expect(providers.filter(\.enabled).map(\.provider) == ["google"])
        #expect(providers.count == 4)
        #expect(urls == ["https://app.example.com/cb", "http://localhost:3000/cb"])
        #expect(try gate.settings.returnURLs() == urls)
        #expect(try gate.enabledProviders(tenantID: live.tenantID) == ["google"])
        #expect(flow["return_to"] == "http://localhost:3000/cb" && flow["state"] == "csrf-123")
        #expect(registration["return_to"] == "https://app.example.com/cb")
        #expect(exchange.session.identity?["id"]?.stringValue == ada.id)
        #expect(try gate.sessions.check(sessionToken: exchange.sessionToken).identityID == ada.id)
        #expect(apiError { _ = try gate.exchangeSocialLoginCode(code) }?.code == .notFound)
        #expect(
            apiError { _ = try gate.loginFlow(returnTo: "https://evil.example.com/") }?.code
                == .invalidPayload)
        let badURL = apiError {
            _ = try gate.settings.replaceReturnURLs(["http://app.example.com/cb"])
        }
        #expect(badURL?.code == .invalidPayload)

        live.emulator.setActiveUserLimit(1, forKey: live.key)
        let limited = apiError { _ = try gate.registrationFlow() }
        #expect(limited?.status == 402 && limited?.code == .activeUserLimitReached)
        #expect(limited?.details["limit"] == 1)
    }

    @Test("blocking: lifecycle rules keep to their bounds and the free plan")
    func lifecycleBlocking() throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.gate()

        let rules = try gate.lifecycle.rules()
        let refused = apiError {
            _ = try gate.lifecycle.setRule(
                .remindUnverified, enabled: true, params: ["remind_after_hours": 24])
        }
        let outOfBounds = apiError {
            _ = try gate.lifecycle.setRule(
                .deleteUnverified, enabled: true,
                params: ["delete_after_days": 1, "warn_before_days": 1])
        }
        let saved = try gate.lifecycle.setRule(
            .deleteUnverified, enabled: false,
            params: ["delete_after_days": 14, "warn_before_days": 3])
        let switched = try gate.lifecycle.setRule(.deleteUnverified, enabled: true)

        #expect(rules.tier == "free")
        #expect(
            rules.rules.map(\.kind) == [
                .deleteUnverified, .remindUnverified, .expireRoles, .deleteInactive,
            ])
        #expect(refused?.status == 403 && refused?.code == .planRequired)
        #expect(outOfBounds?.code == .invalidPayload)
        #expect(saved.configured && !saved.enabled)
        #expect(
            switched.enabled && switched.params == ["delete_after_days": 14, "warn_before_days": 3])
        try gate.lifecycle.deleteRule(.deleteUnverified)
        try gate.lifecycle.deleteRule(.deleteUnverified)
        #expect(try !gate.lifecycle.rules().rules[0].configured)
    }

    @Test("async: preview, scheduled actions carried out with the clock, and a plan upgrade")
    func lifecycleAsync() async throws {
        let live = try LiveEmulator()
        defer { live.server.stop() }
        let gate = try live.asyncGate()
        let stale = try await gate.identities.create(traits: ["email": "stale@example.com"])
        live.emulator.clock.advance(by: .seconds(20 * 86_400))
        let fresh = try await gate.identities.create(traits: ["email": "fresh@example.com"])
        let params: JSONValue = ["delete_after_days": 21, "warn_before_days": 7]

        let preview = try await gate.lifecycle.preview(.deleteUnverified, params: params)
        _ = try await gate.lifecycle.setRule(.deleteUnverified, enabled: true, params: params)
        let scheduled = try await gate.lifecycle.actions(identityID: stale.id)
        live.emulator.clock.advance(by: .seconds(8 * 86_400))
        let gone = await apiError { _ = try await gate.identities.get(stale.id) }
        var done: [String] = []
        for try await action in gate.lifecycle.allActions(status: .done, pageSize: 1) {
            done.append(action.step.rawValue)
        }

        #expect(preview.matchingNow == 1 && !preview.capped && preview.available)
        #expect(scheduled.data.map(\.step.rawValue) == ["warn", "delete"])
        #expect(scheduled.data.map(\.status.rawValue) == ["done", "pending"])
        #expect(gone?.code == .notFound)
        #expect(try await gate.identities.get(fresh.id).id == fresh.id)
        #expect(done == ["warn", "delete"])

        try live.emulator.setPlan("pro", forKey: live.key)
        let remind = try await gate.lifecycle.setRule(
            .remindUnverified, enabled: true, params: ["remind_after_hours": 48])
        #expect(remind.enabled && remind.available)
        #expect(try await gate.lifecycle.rules().tier == "pro")
    }
}
