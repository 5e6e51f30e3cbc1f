import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("Async signed token verifier: the checks")
struct AsyncSignedTokenVerifierTests {
    let clock = TestClock()
    let key: TestKey
    let server: KeySetServer
    let verifier: AsyncSignedTokenVerifier

    init() throws {
        key = try TestKey(kid: "key-1")
        server = KeySetServer(keys: [key])
        verifier = try server.asyncVerifier(clock: clock)
    }

    func mint(
        _ change: (inout [String: JSONValue]) -> Void = { _ in },
        header: [String: JSONValue]? = nil, signer: TestKey? = nil
    ) throws -> String {
        var claims = TokenMinter.claims(at: clock.now)
        change(&claims)
        return try TokenMinter.mint(claims, key: signer ?? key, header: header)
    }

    func refusal(_ token: String) async -> VerneTokenError.Reason? {
        await tokenRefusal { _ = try await verifier.verify(token) }
    }

    @Test("a good token gives typed claims and every raw claim")
    func goodToken() async throws {
        let token = try mint { $0["custom"] = ["nested": true] }

        let claims = try await verifier.verify(token)

        #expect(claims.issuer == TokenMinter.issuer)
        #expect(claims.subject == "usr_123")
        #expect(claims.expiresAt == Date(timeIntervalSince1970: clock.now.timeIntervalSince1970 + 900))
        #expect(claims.issuedAt == clock.now && claims.notBefore == clock.now)
        #expect(claims.sessionID == "ses_1" && claims.tokenID == "jti_1")
        #expect(claims.tenantID == TokenMinter.tenantID && claims.schemaID == "default")
        #expect(claims.email == "ada@example.com" && claims.role == "authenticated")
        #expect(
            claims.orgs == [
                OrgClaim(id: "org_1", role: "admin", permissions: ["invoices:write"])
            ])
        #expect(claims.orgsTruncated == false)
        #expect(claims.raw["custom"] == ["nested": true])
        #expect(claims.raw["sub"] == "usr_123")
        #expect(verifier.issuer == "https://gate.example.com/auth/ten_alpha")
    }

    @Test("the key set is fetched anonymously from the issuer's well-known path")
    func fetchShape() async throws {
        _ = try await verifier.verify(mint())

        let (paths, authorized) = server.state.withLock { ($0.paths, $0.authorized) }
        #expect(paths == ["https://gate.example.com/auth/ten_alpha/.well-known/jwks.json"])
        #expect(!authorized)
        #expect(verifier.keySetURL.absoluteString == paths.first)
    }

    @Test(
        "malformed tokens",
        arguments: [
            "", "abc", "a.b", "a.b.c.d", "eyJhbGciOiJFUzI1NiJ9..", "=.=.=", "e30=.e30.AAAA",
            "bm90IGpzb24.e30.AAAA", "W10.e30.AAAA",
        ])
    func malformed(token: String) async {
        #expect(await refusal(token) == .malformed)
    }

    @Test("a header without kid, and a payload that is not an object, are malformed")
    func malformedParts() async throws {
        let noKid = try mint(header: ["alg": "ES256"])
        let header = TokenMinter.encode(["alg": "ES256", "kid": "key-1"])
        let arrayPayload =
            header + "." + TokenMinter.encode([1, 2]) + "."
            + Base64URL.encode([UInt8](repeating: 1, count: 64))

        #expect(await refusal(noKid) == .malformed)
        #expect(await refusal(arrayPayload) == .malformed)
    }

    @Test("a token over 64 KiB is malformed, before any fetch")
    func oversized() async throws {
        let huge = try mint { $0["pad"] = .string(String(repeating: "x", count: 70_000)) }

        #expect(await refusal(huge) == .malformed)
        #expect(server.fetches == 0)
    }

    @Test("alg none, HS256, RS256 and other spellings are refused before any key lookup")
    func algorithmConfusion() async throws {
        let claims = TokenMinter.encode(.object(TokenMinter.claims(at: clock.now)))
        func token(_ header: JSONValue, signature: [UInt8]) -> String {
            TokenMinter.encode(header) + "." + claims + "." + Base64URL.encode(signature)
        }
        let hmacKey = Array((Base64URL.encode(key.key.x) + Base64URL.encode(key.key.y)).utf8)
        let hsInput = TokenMinter.encode(["alg": "HS256", "kid": "key-1"]) + "." + claims
        let hsSignature = HMACSHA256.authenticationCode(for: Array(hsInput.utf8), key: hmacKey)
        let tokens = [
            token(["alg": "none", "kid": "key-1"], signature: []),
            token(["alg": "None", "kid": "key-1"], signature: []),
            hsInput + "." + Base64URL.encode(hsSignature),
            token(["alg": "RS256", "kid": "key-1"], signature: [UInt8](repeating: 7, count: 256)),
            token(["alg": "es256", "kid": "key-1"], signature: [UInt8](repeating: 7, count: 64)),
            token(["alg": "ES384", "kid": "key-1"], signature: [UInt8](repeating: 7, count: 96)),
            token(["kid": "key-1"], signature: [UInt8](repeating: 7, count: 64)),
            token(["alg": ["ES256"], "kid": "key-1"], signature: [UInt8](repeating: 7, count: 64)),
        ]

        for token in tokens {
            #expect(await refusal(token) == .unsupportedAlgorithm)
        }
        #expect(server.fetches == 0)
    }

    @Test("alg ES256 signed by another key, even one embedded in the header, is a bad signature")
    func foreignKey() async throws {
        let attacker = try TestKey(kid: "key-1")
        let plain = try mint(signer: attacker)
        let embedded = try mint(
            header: [
                "alg": "ES256", "kid": "key-1", "jwk": attacker.jwk,
                "jku": "https://evil.example/jwks",
            ],
            signer: attacker)

        #expect(await refusal(plain) == .badSignature)
        #expect(await refusal(embedded) == .badSignature)
    }

    @Test("a tampered payload, a short signature and a zero signature are bad signatures")
    func badSignatures() async throws {
        let token = try mint()
        let parts = token.split(separator: ".").map(String.init)
        let otherClaims = TokenMinter.encode(
            .object(TokenMinter.claims(at: clock.now).merging(["sub": "usr_admin"]) { $1 }))
        let signature = Base64URL.decode(parts[2])!

        #expect(
            await refusal([parts[0], otherClaims, parts[2]].joined(separator: ".")) == .badSignature
        )
        #expect(
            await refusal(
                [parts[0], parts[1], Base64URL.encode(signature.dropLast())].joined(separator: "."))
                == .badSignature)
        #expect(
            await refusal(
                [parts[0], parts[1], Base64URL.encode([UInt8](repeating: 0, count: 64))].joined(
                    separator: "."))
                == .badSignature)
        #expect(await refusal([parts[0], parts[1], ""].joined(separator: ".")) == .badSignature)
    }

    @Test("another tenant's token, with a valid signature, is refused")
    func anotherTenant() async throws {
        let foreign = try TokenMinter.mint(
            TokenMinter.claims(at: clock.now, issuer: "https://gate.example.com/auth/ten_beta"),
            key: key)
        let slash = try mint { $0["iss"] = .string(TokenMinter.issuer + "/") }
        let missing = try mint { $0["iss"] = nil }
        let otherHost = try TokenMinter.mint(
            TokenMinter.claims(at: clock.now, issuer: "https://evil.example.com/auth/ten_alpha"),
            key: key)

        #expect(await refusal(foreign) == .wrongIssuer)
        #expect(await refusal(slash) == .wrongIssuer)
        #expect(await refusal(missing) == .wrongIssuer)
        #expect(await refusal(otherHost) == .wrongIssuer)
    }

    @Test("exp: required, a number, and not past beyond the leeway")
    func expiry() async throws {
        let now = Int(clock.now.timeIntervalSince1970)
        let past = try mint { $0["exp"] = .integer(now - 11) }
        let edge = try mint { $0["exp"] = .integer(now - 10) }
        let fractional = try mint { $0["exp"] = .double(Double(now) - 10.5) }
        let missing = try mint { $0["exp"] = nil }
        let text = try mint { $0["exp"] = .string(String(now + 900)) }

        #expect(await refusal(past) == .expired)
        #expect(await refusal(edge) == nil)
        #expect(await refusal(fractional) == .expired)
        #expect(await refusal(missing) == .missingClaim)
        #expect(await refusal(text) == .missingClaim)
    }

    @Test("a token valid now expires when the clock moves on")
    func expiresWithClock() async throws {
        let token = try mint()

        #expect(await refusal(token) == nil)
        clock.advance(900 + 10)
        #expect(await refusal(token) == nil)
        clock.advance(1)
        #expect(await refusal(token) == .expired)
    }

    @Test("nbf and iat in the future beyond the leeway are not valid yet")
    func notYetValid() async throws {
        let now = Int(clock.now.timeIntervalSince1970)
        let nbf = try mint { $0["nbf"] = .integer(now + 11) }
        let iat = try mint { $0["iat"] = .integer(now + 11) }
        let edge = try mint {
            $0["nbf"] = .integer(now + 10)
            $0["iat"] = .integer(now + 10)
        }
        let absent = try mint {
            $0["nbf"] = nil
            $0["iat"] = nil
        }

        #expect(await refusal(nbf) == .notYetValid)
        #expect(await refusal(iat) == .notYetValid)
        #expect(await refusal(edge) == nil)
        #expect(await refusal(absent) == nil)
        clock.advance(1)
        #expect(await refusal(nbf) == nil)
    }

    @Test("the leeway is configurable")
    func customLeeway() async throws {
        let strict = try server.asyncVerifier(clock: clock, leeway: .zero)
        let now = Int(clock.now.timeIntervalSince1970)
        let token = try mint { $0["exp"] = .integer(now - 1) }
        let early = try mint { $0["nbf"] = .integer(now + 1) }

        #expect(await tokenRefusal { _ = try await strict.verify(token) } == .expired)
        #expect(await tokenRefusal { _ = try await strict.verify(early) } == .notYetValid)
        #expect(await refusal(token) == nil)
    }

    @Test("sub must be a non-empty string")
    func subject() async throws {
        let missing = try mint { $0["sub"] = nil }
        let empty = try mint { $0["sub"] = "" }
        let number = try mint { $0["sub"] = 42 }

        #expect(await refusal(missing) == .missingClaim)
        #expect(await refusal(empty) == .missingClaim)
        #expect(await refusal(number) == .missingClaim)
    }

    @Test("the checks run in the documented order")
    func order() async throws {
        let now = Int(clock.now.timeIntervalSince1970)
        let foreignExpired = try TokenMinter.mint(
            TokenMinter.claims(
                at: clock.now.addingTimeInterval(-3600), issuer: "https://other/auth/x"),
            key: key)
        let expiredNoSub = try mint {
            $0["exp"] = .integer(now - 100)
            $0["sub"] = nil
        }
        let forgedExpired = try mint(
            { $0["exp"] = .integer(now - 100) }, signer: TestKey(kid: "key-1"))

        #expect(await refusal(foreignExpired) == .wrongIssuer)
        #expect(await refusal(expiredNoSub) == .expired)
        #expect(await refusal(forgedExpired) == .badSignature)
    }

    @Test("errors never contain the token")
    func errorsHideToken() async throws {
        let tokens = [
            try mint { $0["exp"] = .integer(0) },
            try mint(signer: TestKey(kid: "key-1")),
            try mint(header: ["alg": "HS256", "kid": "key-1"]),
            try mint(header: ["alg": "ES256", "kid": "nope"]),
        ]

        for token in tokens {
            do {
                _ = try await verifier.verify(token)
                Issue.record("the token was accepted")
            } catch {
                let text = "\(error) \(String(reflecting: error))"
                for part in token.split(separator: ".") where part.count > 8 {
                    #expect(!text.contains(part))
                }
            }
        }
    }

    @Test("an empty tenant ID is refused when the verifier is made")
    func emptyTenant() {
        #expect(throws: VerneInvalidRequestError.self) {
            _ = try AsyncSignedTokenVerifier(tenantID: "", transport: server.transport)
        }
    }
}
