import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("JSON Web Key sets")
struct JSONWebKeySetTests {
    static func set(_ keys: [JSONValue]) throws -> JSONWebKeySet {
        try JSONWebKeySet(jsonData: JSONEncoder().encode(JSONValue.object(["keys": .array(keys)])))
    }

    static func jwk(
        _ key: TestKey, _ change: (inout [String: JSONValue]) -> Void = { _ in }
    ) -> JSONValue {
        var members = key.jwk.objectValue!
        change(&members)
        return .object(members)
    }

    @Test("EC P-256 signing keys are kept")
    func keepsP256Keys() throws {
        let key = try TestKey(kid: "a")
        let plain = try TestKey(kid: "b")
        let set = try Self.set([
            Self.jwk(key),
            Self.jwk(plain) {
                $0["use"] = nil
                $0["alg"] = nil
            },
        ])

        #expect(set.keyIDs == ["a", "b"])
        #expect(set.contains(keyID: "a") && !set.contains(keyID: "c"))
    }

    @Test("keys of another type, curve, use or algorithm are skipped")
    func skipsOtherKeys() throws {
        let key = try TestKey(kid: "good")
        let skipped: [JSONValue] = [
            Self.jwk(key) {
                $0["kid"] = "rsa"; $0["kty"] = "RSA"
            },
            Self.jwk(key) {
                $0["kid"] = "p384"; $0["crv"] = "P-384"
            },
            Self.jwk(key) {
                $0["kid"] = "enc"; $0["use"] = "enc"
            },
            Self.jwk(key) {
                $0["kid"] = "es384"; $0["alg"] = "ES384"
            },
            Self.jwk(key) {
                $0["kid"] = "okp"; $0["kty"] = "OKP"; $0["crv"] = "Ed25519"
            },
            Self.jwk(key) { $0["kid"] = nil },
            Self.jwk(key) { $0["kid"] = "" },
            Self.jwk(key) { $0["kid"] = 7 },
            "not an object",
            ["kty": "oct", "kid": "hmac", "k": "c2VjcmV0"],
        ]

        let set = try Self.set(skipped + [Self.jwk(key)])

        #expect(set.keyIDs == ["good"])
    }

    @Test("coordinates that are not 32 bytes, not base64url or not on the curve are skipped")
    func skipsBadCoordinates() throws {
        let key = try TestKey(kid: "k")
        let x = key.key.x
        var y = key.key.y
        y[31] ^= 1
        let bad: [JSONValue] = [
            Self.jwk(key) { $0["x"] = .string(Base64URL.encode([0] + x)) },
            Self.jwk(key) { $0["x"] = .string(Base64URL.encode(x.dropFirst())) },
            Self.jwk(key) { $0["y"] = .string(Base64URL.encode(y)) },
            Self.jwk(key) { $0["x"] = .string(Base64URL.encode(x) + "=") },
            Self.jwk(key) { $0["y"] = nil },
        ]

        #expect(try Self.set(bad).keyIDs.isEmpty)
    }

    @Test("when two keys share a kid the first is kept")
    func duplicateKeyID() throws {
        let first = try TestKey(kid: "same")
        let second = try TestKey(kid: "same")
        let set = try Self.set([first.jwk, second.jwk])

        #expect(set.keyIDs == ["same"])
        #expect(set.key(for: "same")?.x == first.key.x)
    }

    @Test(
        "a document without a keys array is refused",
        arguments: ["[]", "{}", #"{"keys": {}}"#, "nope", ""])
    func refusesOtherDocuments(body: String) {
        #expect(throws: VerneTokenError.self) { try JSONWebKeySet(jsonData: Data(body.utf8)) }
    }

    @Test("an empty keys array is an empty set")
    func emptySet() throws {
        #expect(try Self.set([]).keyIDs.isEmpty)
    }
}

@Suite("JWKS endpoint")
struct JSONWebKeySetEndpointTests {
    @Test("path, method and authentication")
    func shape() throws {
        let endpoint = try JSONWebKeySetEndpoint(tenantID: "ten a/b")

        #expect(endpoint.path.encoded == "/auth/ten%20a%2Fb/.well-known/jwks.json")
        #expect(endpoint.method == .get)
        #expect(endpoint.authentication == .anonymous)
        #expect(throws: VerneInvalidRequestError.self) { try JSONWebKeySetEndpoint(tenantID: "..") }
    }

    @Test(
        "max-age is read from Cache-Control",
        arguments: [
            ("max-age=60", 60.0), ("public, max-age=120", 120), ("MAX-AGE=5, no-transform", 5),
            (#"max-age="30""#, 30), ("max-age=0", 0), ("max-age=999999999", 86_400),
            ("max-age=99999999999999999999999", 86_400),
        ] as [(String, Double)])
    func maxAge(header: String, expected: Double) {
        #expect(JSONWebKeySetEndpoint.maxAge(cacheControl: header) == expected)
    }

    @Test(
        "no max-age, or a malformed one, gives none",
        arguments: ["", "no-cache", "max-age=-1", "max-age=1.5", "max-age=", "s-maxage=10"])
    func noMaxAge(header: String) {
        #expect(JSONWebKeySetEndpoint.maxAge(cacheControl: header) == nil)
    }

    @Test("the answer's keys and max-age are decoded; a bad body is a response error")
    func decode() throws {
        let key = try TestKey(kid: "k")
        let endpoint = try JSONWebKeySetEndpoint(tenantID: "ten")
        let body = try JSONEncoder().encode(JSONValue.object(["keys": [key.jwk]]))

        let answer = try endpoint.decode(
            HTTPResponse(status: 200, headers: ["cache-control": "max-age=42"], body: body))

        #expect(answer.keySet.keyIDs == ["k"])
        #expect(answer.maxAge == 42)
        #expect(throws: VerneResponseError.self) {
            try endpoint.decode(HTTPResponse(status: 200, body: Data("<html>".utf8)))
        }
    }
}
