import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Tokens")
struct TokenTests {
    static let cases: [WireCase] = [
        WireCase(
            name: "create with the subject only",
            answer: .json(Fixture.accessToken),
            wire: Wire(method: .post, path: "/v1/gate/tokens", body: #"{"subject":"usr_123"}"#),
            blocking: { _ = try $0.tokens.create(subject: "usr_123") },
            async: { _ = try await $0.tokens.create(subject: "usr_123") }),
        WireCase(
            name: "create with scopes and a lifetime in whole seconds",
            answer: .json(Fixture.accessToken),
            wire: Wire(
                method: .post, path: "/v1/gate/tokens",
                body: #"{"scopes":["gate.tokens.read"],"subject":"usr_123","ttl_seconds":3600}"#),
            blocking: {
                _ = try $0.tokens.create(
                    subject: "usr_123", scopes: ["gate.tokens.read"], ttl: .seconds(3600))
            },
            async: {
                _ = try await $0.tokens.create(
                    subject: "usr_123", scopes: ["gate.tokens.read"], ttl: .milliseconds(3_600_000))
            }),
        WireCase(
            name: "create with the longest lifetime",
            answer: .json(Fixture.accessToken),
            wire: Wire(
                method: .post, path: "/v1/gate/tokens",
                body: #"{"subject":"s","ttl_seconds":86400}"#),
            blocking: { _ = try $0.tokens.create(subject: "s", ttl: .seconds(86_400)) },
            async: { _ = try await $0.tokens.create(subject: "s", ttl: .seconds(86_400)) }),
        WireCase(
            name: "introspect",
            answer: .json(Fixture.introspection),
            wire: Wire(
                method: .post, path: "/v1/gate/tokens/introspect",
                body: #"{"access_token":"gat_abc"}"#),
            blocking: { _ = try $0.tokens.introspect("gat_abc") },
            async: { _ = try await $0.tokens.introspect("gat_abc") }),
    ]

    @Test("sends the documented request", arguments: cases)
    func wireForm(_ testCase: WireCase) async throws {
        try await testCase.check()
    }

    static let refusals: [RefusalCase] = [
        RefusalCase(
            name: "a lifetime of zero", argument: "ttl",
            blocking: { _ = try $0.tokens.create(subject: "s", ttl: .zero) },
            async: { _ = try await $0.tokens.create(subject: "s", ttl: .seconds(0)) }),
        RefusalCase(
            name: "a lifetime over 24 hours", argument: "ttl",
            blocking: { _ = try $0.tokens.create(subject: "s", ttl: .seconds(86_401)) },
            async: { _ = try await $0.tokens.create(subject: "s", ttl: .seconds(100_000)) }),
        RefusalCase(
            name: "a lifetime with a fraction of a second", argument: "ttl",
            blocking: { _ = try $0.tokens.create(subject: "s", ttl: .milliseconds(1500)) },
            async: { _ = try await $0.tokens.create(subject: "s", ttl: .seconds(59.5)) }),
        RefusalCase(
            name: "a negative lifetime", argument: "ttl",
            blocking: { _ = try $0.tokens.create(subject: "s", ttl: .seconds(-60)) },
            async: { _ = try await $0.tokens.create(subject: "s", ttl: .seconds(-1)) }),
        RefusalCase(
            name: "an empty subject", argument: "subject",
            blocking: { _ = try $0.tokens.create(subject: "") },
            async: { _ = try await $0.tokens.create(subject: "") }),
        RefusalCase(
            name: "an empty token to introspect", argument: "accessToken",
            blocking: { _ = try $0.tokens.introspect("") },
            async: { _ = try await $0.tokens.introspect("") }),
    ]

    @Test("refuses unusable arguments before sending", arguments: refusals)
    func refusal(_ testCase: RefusalCase) async throws {
        try await testCase.check()
    }

    @Test("introspection and token creation are marked as they may be repeated")
    func repeatability() throws {
        #expect(try IntrospectTokenEndpoint(accessToken: "gat_x").repeatability == .safe)
        #expect(
            try CreateTokenEndpoint(subject: "s", scopes: nil, ttl: nil).repeatability == .unsafe)
    }

    @Test("an access token decodes with its fractional expiry")
    func accessToken() throws {
        let token = try decode(
            CreateTokenEndpoint(subject: "s", scopes: nil, ttl: nil), Fixture.accessToken)

        #expect(token.accessToken == "gat_secret_abc")
        #expect(token.expiresAt == march17.addingTimeInterval(3600.5))
        #expect(token.subject == "usr_123")
        #expect(token.tenantID == "ten_001")
    }

    @Test("an active introspection carries everything")
    func activeIntrospection() throws {
        let info = try decode(IntrospectTokenEndpoint(accessToken: "gat_x"), Fixture.introspection)

        #expect(info.active)
        #expect(info.subject == "idn_123")
        #expect(info.tenantID == "ten_001")
        #expect(info.scopes == ["gate.tokens.read"])
        #expect(info.expiresAt == march17.addingTimeInterval(3600))
        #expect(info.orgs == [OrgClaim(id: "org_1", role: "admin", permissions: ["a:b", "c:d"])])
        #expect(info.orgsTruncated)
    }

    @Test("an inactive introspection is active: false and nothing else")
    func inactiveIntrospection() throws {
        let info = try decode(IntrospectTokenEndpoint(accessToken: "gat_x"), #"{"active": false}"#)
        #expect(info == Introspection(active: false))
        #expect(info.scopes.isEmpty)
        #expect(info.orgs == nil)
    }
}
