import Foundation
import Testing
import VerneCore
import VerneTesting

@Suite("Signed tokens and key sets in the emulator")
struct SignedTokenEmulatorTests {
    /// A token split and decoded, with its signature checked against a key set.
    private struct Decoded {
        var header: JSONValue
        var claims: JSONValue
        var verifies: Bool

        init(_ token: String, keys: JSONValue?) throws {
            let parts = token.split(separator: ".", omittingEmptySubsequences: false).map(
                String.init)
            guard parts.count == 3, let header = Base64URL.decode(parts[0]),
                let payload = Base64URL.decode(parts[1]),
                let signature = Base64URL.decode(parts[2])
            else { throw HarnessError("not a compact JWS") }
            self.header = try JSONCoding.decoder.decode(JSONValue.self, from: Data(header))
            claims = try JSONCoding.decoder.decode(JSONValue.self, from: Data(payload))
            let kid = self.header["kid"]
            let jwk = keys?["keys"]?.arrayValue?.first { $0["kid"] == kid }
            guard let x = jwk?["x"]?.stringValue.flatMap(Base64URL.decode),
                let y = jwk?["y"]?.stringValue.flatMap(Base64URL.decode)
            else {
                verifies = false
                return
            }
            let key = try P256PublicKey(x: x, y: y)
            verifies = key.isValidSignature(signature, for: Data((parts[0] + "." + parts[1]).utf8))
        }
    }

    private func jwks(_ harness: EmulatorHarness) throws -> Answer {
        let tenant = harness.emulator.tenantID(forKey: "vrn_test")
        return try harness.with(key: nil).call(.get, "/auth/\(tenant)/.well-known/jwks.json")
    }

    private func whoami(_ harness: EmulatorHarness, _ token: String?) throws -> Answer {
        try harness.with(key: nil).call(
            .get, "/auth/sessions/whoami?tokenize_as=gate_jwt", sessionToken: token)
    }

    @Test("the key set is public, cached for 300 s, and holds one EC P-256 signing key")
    func keySet() throws {
        let harness = EmulatorHarness()
        let answer = try jwks(harness)
        let key = try #require(answer.json?["keys"]?[0])

        #expect(answer.status == 200)
        #expect(answer.headers["Cache-Control"]?.contains("max-age=300") == true)
        #expect(answer.json?["keys"]?.arrayValue?.count == 1)
        #expect(
            key["kty"] == "EC" && key["crv"] == "P-256" && key["use"] == "sig"
                && key["alg"] == "ES256")
        #expect(key["x"]?.stringValue.flatMap(Base64URL.decode)?.count == 32)
        #expect(key["y"]?.stringValue.flatMap(Base64URL.decode)?.count == 32)
        #expect(key["d"] == nil)
        #expect(try harness.emulator.signingKeyIDs(forKey: "vrn_test") == [key["kid"]?.stringValue])
        #expect(
            try harness.with(key: nil).call(.get, "/auth/ten_none/.well-known/jwks.json").status
                == 404)
    }

    @Test("whoami mints an ES256 token with the documented claims, signed by the published key")
    func mint() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let org = try harness.organizationID()
        try harness.addMember(ada, to: org, role: try harness.roleID(in: org, "admin", ["a:b"]))
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let tenant = harness.emulator.tenantID(forKey: "vrn_test")

        let answer = try whoami(harness, session.sessionToken)
        let token = try #require(answer.json?["tokenized"]?.stringValue)
        let decoded = try Decoded(token, keys: try jwks(harness).json)
        let claims = decoded.claims
        let now = Int(harness.emulator.clock.now.timeIntervalSince1970)

        #expect(answer.json?["id"]?.stringValue == session.sessionID)
        #expect(answer.json?["identity"]?["id"]?.stringValue == ada)
        #expect(decoded.verifies)
        #expect(decoded.header["alg"] == "ES256" && decoded.header["typ"] == "JWT")
        #expect(claims["iss"]?.stringValue == "https://api.vernesoft.com/auth/\(tenant)")
        #expect(claims["sub"]?.stringValue == ada)
        #expect(claims["sid"]?.stringValue == session.sessionID)
        #expect(claims["tenant_id"]?.stringValue == tenant)
        #expect(claims["email"] == "ada@example.com" && claims["schema_id"] == "user")
        #expect(claims["role"] == "authenticated")
        #expect(claims["orgs"] == [["id": .string(org), "role": "admin", "permissions": ["a:b"]]])
        #expect(claims["orgs_truncated"] == false)
        #expect(abs((claims["iat"]?.intValue ?? 0) - now) <= 1)
        #expect((claims["exp"]?.intValue ?? 0) - (claims["iat"]?.intValue ?? 0) == 900)
        #expect(claims["jti"]?.stringValue?.isEmpty == false)
    }

    @Test("the issuer follows the origin the client addressed")
    func issuerFollowsOrigin() throws {
        var harness = EmulatorHarness()
        harness.baseURL = URL(string: "http://127.0.0.1:4321")!
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let token = try #require(
            try whoami(harness, session.sessionToken).json?["tokenized"]?.stringValue)

        let claims = try Decoded(token, keys: nil).claims
        let tenant = harness.emulator.tenantID(forKey: "vrn_test")
        #expect(claims["iss"]?.stringValue == "http://127.0.0.1:4321/auth/\(tenant)")
    }

    @Test(
        "whoami is 401 for a missing, unknown, revoked or inactive user's session; without tokenize_as no token"
    )
    func refusals() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let plain = try harness.with(key: nil).call(
            .get, "/auth/sessions/whoami", sessionToken: session.sessionToken)

        #expect(plain.status == 200 && plain.json?["tokenized"] == nil)
        #expect(try whoami(harness, nil).status == 401)
        #expect(try whoami(harness, "ory_st_unknown").status == 401)
        try harness.call(.patch, "/v1/gate/identities/\(ada)/state", json: ["state": "inactive"])
        #expect(try whoami(harness, session.sessionToken).status == 401)
        try harness.call(.patch, "/v1/gate/identities/\(ada)/state", json: ["state": "active"])
        #expect(try whoami(harness, session.sessionToken).status == 200)
        try harness.call(.delete, "/v1/gate/sessions/\(session.sessionID)")
        #expect(try whoami(harness, session.sessionToken).status == 401)
        let other = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let wrong = "/auth/sessions/whoami?tokenize_as=opaque"
        #expect(
            try harness.with(key: nil).call(.get, wrong, sessionToken: other.sessionToken).status
                == 400)
    }

    @Test("rotation signs with a new kid; the old key stays published for 20 minutes")
    func rotation() throws {
        let harness = EmulatorHarness()
        let ada = try harness.identityID("ada@example.com")
        let session = try harness.emulator.createSession(forIdentity: ada, key: "vrn_test")
        let before = try #require(
            try whoami(harness, session.sessionToken).json?["tokenized"]?.stringValue)
        let oldKID = try Decoded(before, keys: nil).header["kid"]?.stringValue

        let newKID = try harness.emulator.rotateSigningKey(forKey: "vrn_test")
        let after = try #require(
            try whoami(harness, session.sessionToken).json?["tokenized"]?.stringValue)
        let published = try jwks(harness).json

        #expect(newKID != oldKID)
        #expect(try Decoded(after, keys: published).header["kid"]?.stringValue == newKID)
        #expect(try Decoded(after, keys: published).verifies)
        #expect(try Decoded(before, keys: published).verifies)
        #expect(
            try harness.emulator.signingKeyIDs(forKey: "vrn_test")
                == [newKID, oldKID].compactMap { $0 })

        harness.emulator.clock.advance(by: .seconds(20 * 60 + 1))
        #expect(try harness.emulator.signingKeyIDs(forKey: "vrn_test") == [newKID])
        #expect(try !Decoded(before, keys: try jwks(harness).json).verifies)
    }

    @Test("tenants have their own keys")
    func perTenant() throws {
        let harness = EmulatorHarness()
        let mine = try harness.emulator.signingKeyIDs(forKey: "vrn_test")
        let theirs = try harness.emulator.signingKeyIDs(forKey: "vrn_other")
        #expect(mine != theirs)
    }
}
