import Foundation
import Verne

/// `verify`: how many ES256 verifications one thread does per second of CPU time.
///
/// Two figures: the raw P-256 ECDSA verification of a token's signing input (SHA-256
/// included), and a whole signed-token verification with the key set cached (parsing,
/// key lookup, signature, claim checks). Compare with `openssl speed ecdsap256`, whose
/// verify column is one thread per second of user CPU time too (it verifies a ready
/// digest, no hashing).
enum VerifyBenchmark {
    static func run(_ arguments: [String]) throws {
        let seconds = try duration(from: arguments)
        let tenantID = "ten_bench"
        let baseURL = "https://gate.example.com"
        let key = try P256SigningKey()
        let token = try mint(key: key, issuer: "\(baseURL)/auth/\(tenantID)")
        let signingInput = Array(token.utf8[..<token.utf8.lastIndex(of: UInt8(ascii: "."))!])
        let signature = Base64URL.decode(token.split(separator: ".")[2])!

        let only = option("--only", in: arguments)

        if only == nil || only == "raw" {
            let raw = try Measurement.rate(seconds: seconds) {
                key.publicKey.isValidSignature(signature, for: signingInput)
            }
            print(String(format: "raw_p256_verify_per_second: %.1f", raw))
        }
        guard only == nil || only == "token" else { return }

        let verifier = try SignedTokenVerifier(
            tenantID: tenantID, configuration: VerneConfiguration.baseURL(baseURL),
            transport: keySetTransport(key: key))
        let tokens = try Measurement.rate(seconds: seconds) {
            try verifier.verify(token).subject == "usr_bench"
        }
        print(String(format: "token_verify_per_second: %.1f", tokens))
        print("token_bytes: \(token.utf8.count)")
    }

    private static func duration(from arguments: [String]) throws -> Double {
        guard let text = option("--seconds", in: arguments) else { return 3 }
        guard let seconds = Double(text), seconds > 0 else {
            throw BenchmarkError("--seconds needs a positive number")
        }
        return seconds
    }

    /// The value after a flag, if the flag is given.
    private static func option(_ flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else {
            return nil
        }
        return arguments[index + 1]
    }

    /// A token shaped like Gate's, valid for an hour.
    private static func mint(key: P256SigningKey, issuer: String) throws -> String {
        let now = Int(Date().timeIntervalSince1970)
        let header: JSONValue = ["alg": "ES256", "typ": "JWT", "kid": "bench-key"]
        let claims: JSONValue = [
            "iss": .string(issuer), "sub": "usr_bench", "exp": .integer(now + 3600),
            "iat": .integer(now), "nbf": .integer(now), "jti": "jti_bench", "sid": "ses_bench",
            "tenant_id": "ten_bench", "schema_id": "default", "email": "bench@example.com",
            "role": "authenticated", "orgs_truncated": false,
            "orgs": [
                [
                    "id": "org_1", "role": "admin",
                    "permissions": ["invoices:write", "invoices:read"],
                ]
            ],
        ]
        let encoder = JSONEncoder()
        let input =
            Base64URL.encode(try encoder.encode(header)) + "."
            + Base64URL.encode(try encoder.encode(claims))
        return input + "." + Base64URL.encode(try key.signature(for: Array(input.utf8)))
    }

    /// Serves the key set; with the default one-hour token and a 300 s cache, a run
    /// longer than five minutes would refetch, which is in-process and cheap.
    private static func keySetTransport(key: P256SigningKey) throws -> ClosureTransport {
        let jwk: JSONValue = [
            "kty": "EC", "crv": "P-256", "kid": "bench-key", "use": "sig", "alg": "ES256",
            "x": .string(Base64URL.encode(key.x)), "y": .string(Base64URL.encode(key.y)),
        ]
        let body = try JSONEncoder().encode(JSONValue.object(["keys": [jwk]]))
        return ClosureTransport { _ in HTTPResponse(status: 200, body: body) }
    }
}
