import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Signed tokens through the Gate clients")
struct GateSignedTokenTests {
    @Test("verifySigned keeps one verifier per tenant: the key set is fetched once")
    func oneVerifierPerTenant() async throws {
        let key = try TestKey(kid: "k1")
        let server = KeySetServer(keys: [key])
        let gate = AsyncGate(apiKey: "vrn_test", configuration: try server.configuration(), transport: server.transport)
        let token = try TokenMinter.mint(TokenMinter.claims(at: Date()), key: key)

        let first = try await gate.tokens.verifySigned(token, tenantID: TokenMinter.tenantID)
        let second = try await gate.withOptions(RequestOptions(timeout: .seconds(5))).tokens.verifySigned(
            token, tenantID: TokenMinter.tenantID)

        #expect(first.subject == second.subject)
        #expect(server.fetches == 1)
        await #expect(throws: VerneTokenError.self) {
            try await gate.tokens.verifySigned(token, tenantID: "ten_other")
        }
        #expect(server.fetches == 2)
    }

    @Test("The blocking client verifies too, and refuses a forged token")
    func blocking() throws {
        let key = try TestKey(kid: "k1")
        let forger = try TestKey(kid: "k1")
        let server = KeySetServer(keys: [key])
        let gate = Gate(apiKey: "vrn_test", configuration: try server.configuration(), transport: server.transport)
        let now = Date()

        let claims = try gate.tokens.verifySigned(
            try TokenMinter.mint(TokenMinter.claims(at: now), key: key), tenantID: TokenMinter.tenantID)

        #expect(claims.issuer == TokenMinter.issuer)
        #expect {
            try gate.tokens.verifySigned(
                try TokenMinter.mint(TokenMinter.claims(at: now), key: forger),
                tenantID: TokenMinter.tenantID)
        } throws: { error in
            (error as? VerneTokenError)?.reason == .badSignature
        }
    }

    @Test("createSigned sends the session token and no API key")
    func createSignedWire() async throws {
        let seen = LockedValue<[HTTPRequest]>([])
        let transport = ClosureTransport { request in
            seen.withLock { $0.append(request) }
            return HTTPResponse(
                status: 200, body: Data(#"{"id": "ses_1", "active": true, "tokenized": "eyJ.a.b"}"#.utf8))
        }
        let gate = AsyncGate(apiKey: "vrn_test", transport: transport)

        let signed = try await gate.tokens.createSigned(sessionToken: "ory_st_session")

        let request = try #require(seen.withLock { $0.first })
        #expect(request.url.path == "/auth/sessions/whoami")
        #expect(request.url.query == "tokenize_as=gate_jwt")
        #expect(request.headers["X-Session-Token"] == "ory_st_session")
        #expect(request.headers["Authorization"] == nil)
        #expect(signed.token == "eyJ.a.b")
    }
}
