import Foundation
import VerneCore
import VerneGate

/// A clock the tests move by hand.
final class TestClock: Sendable {
    private let current: LockedValue<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { current = LockedValue(start) }

    var now: Date { current.withLock { $0 } }

    func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }

    /// The clock as the verifiers take it.
    var function: @Sendable () -> Date { { self.now } }
}

/// A signing key with its ID and JWK.
struct TestKey: Sendable {
    let kid: String
    let key: P256SigningKey

    init(kid: String) throws {
        self.kid = kid
        key = try P256SigningKey()
    }

    var jwk: JSONValue {
        [
            "kty": "EC", "crv": "P-256", "kid": .string(kid), "use": "sig", "alg": "ES256",
            "x": .string(Base64URL.encode(key.x)), "y": .string(Base64URL.encode(key.y)),
        ]
    }
}

/// Mints compact JWS tokens for tests.
enum TokenMinter {
    static let baseURL = "https://gate.example.com"
    static let tenantID = "ten_alpha"
    static let issuer = "\(baseURL)/auth/\(tenantID)"

    static func encode(_ value: JSONValue) -> String {
        Base64URL.encode(try! JSONEncoder().encode(value))
    }

    /// Claims that pass every check at `now`.
    static func claims(at now: Date, issuer: String = issuer) -> [String: JSONValue] {
        let seconds = Int(now.timeIntervalSince1970)
        return [
            "iss": .string(issuer), "sub": "usr_123", "exp": .integer(seconds + 900),
            "iat": .integer(seconds), "nbf": .integer(seconds), "jti": "jti_1", "sid": "ses_1",
            "tenant_id": .string(tenantID), "schema_id": "default", "email": "ada@example.com",
            "role": "authenticated", "orgs_truncated": false,
            "orgs": [["id": "org_1", "role": "admin", "permissions": ["invoices:write"]]],
        ]
    }

    /// A token signed by `key`, with the header and claims given.
    static func mint(
        _ claims: [String: JSONValue], key: TestKey, header: [String: JSONValue]? = nil
    ) throws -> String {
        let header = header ?? ["alg": "ES256", "typ": "JWT", "kid": .string(key.kid)]
        let input = encode(.object(header)) + "." + encode(.object(claims))
        let signature = try key.key.signature(for: Array(input.utf8))
        return input + "." + Base64URL.encode(signature)
    }
}

/// A tenant's key set endpoint whose answers the test changes, counting fetches.
final class KeySetServer: Sendable {
    struct State: Sendable {
        var keys: [JSONValue] = []
        var cacheControl: String?
        var failing = false
        var fetches = 0
        var paths: [String] = []
        var authorized = false
        var delay: TimeInterval = 0
    }

    let state = LockedValue(State())

    init(keys: [TestKey] = []) {
        state.withLock { $0.keys = keys.map(\.jwk) }
    }

    func publish(_ keys: [TestKey], cacheControl: String? = nil) {
        state.withLock {
            $0.keys = keys.map(\.jwk)
            $0.cacheControl = cacheControl
        }
    }

    func publish(raw keys: [JSONValue]) { state.withLock { $0.keys = keys } }

    func setFailing(_ failing: Bool) { state.withLock { $0.failing = failing } }

    func setDelay(_ seconds: TimeInterval) { state.withLock { $0.delay = seconds } }

    var fetches: Int { state.withLock { $0.fetches } }

    var transport: ClosureTransport {
        ClosureTransport { request in
            let (answer, delay) = self.state.withLock { state -> (HTTPResponse, TimeInterval) in
                state.fetches += 1
                state.paths.append(request.url.absoluteString)
                if request.headers.contains("Authorization")
                    || request.headers.contains("X-Session-Token")
                {
                    state.authorized = true
                }
                if state.failing {
                    return (
                        HTTPResponse(status: 503, body: Data(#"{"code":"internal_error"}"#.utf8)), 0
                    )
                }
                var headers: HTTPHeaders = ["Content-Type": "application/json"]
                if let cacheControl = state.cacheControl { headers["Cache-Control"] = cacheControl }
                let body = try! JSONEncoder().encode(JSONValue.object(["keys": .array(state.keys)]))
                return (HTTPResponse(status: 200, headers: headers, body: body), state.delay)
            }
            if delay > 0 { Thread.sleep(forTimeInterval: delay) }
            return answer
        }
    }

    func configuration() throws -> VerneConfiguration {
        var configuration = try VerneConfiguration.baseURL(TokenMinter.baseURL)
        configuration.retryPolicy = .disabled
        return configuration
    }

    func asyncVerifier(
        clock: TestClock, leeway: Duration = .seconds(10)
    ) throws -> AsyncSignedTokenVerifier {
        try AsyncSignedTokenVerifier(
            tenantID: TokenMinter.tenantID, configuration: configuration(), transport: transport,
            leeway: leeway, now: clock.function)
    }

    func blockingVerifier(
        clock: TestClock, leeway: Duration = .seconds(10)
    ) throws -> SignedTokenVerifier {
        try SignedTokenVerifier(
            tenantID: TokenMinter.tenantID, configuration: configuration(), transport: transport,
            leeway: leeway, now: clock.function)
    }
}

/// The reason a verification threw, or `nil` when it succeeded.
func tokenRefusal(_ body: () async throws -> Void) async -> VerneTokenError.Reason? {
    do {
        try await body()
        return nil
    } catch let error as VerneTokenError {
        return error.reason
    } catch {
        return VerneTokenError.Reason(rawValue: "unexpected: \(error)")
    }
}
