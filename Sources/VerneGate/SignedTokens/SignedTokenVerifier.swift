import Foundation
import VerneCore

/// Verifies Gate signed tokens (ES256 JWTs) offline, blocking the calling thread while the
/// tenant's key set is fetched.
///
/// The same checks and the same key-set cache as ``AsyncSignedTokenVerifier``, for code
/// that does not use Swift concurrency:
///
/// ```swift
/// let verifier = try SignedTokenVerifier(tenantID: "ten_123")
/// let claims = try verifier.verify(token)
/// ```
///
/// Threads that need the key set at the same moment share one fetch. Make one verifier
/// per tenant and share it; it is `Sendable`.
public final class SignedTokenVerifier: Sendable {
    /// The tenant whose tokens this verifier accepts.
    public let tenantID: String
    /// `<base URL>/auth/<tenant ID>`, the only `iss` accepted.
    public let issuer: String
    /// The clock skew allowed on `exp`, `nbf` and `iat`.
    public let leeway: Duration

    private let engine: BlockingEngine
    private let endpoint: JSONWebKeySetEndpoint
    private let rules: SignedTokenRules
    private let now: @Sendable () -> Date
    private let cache = LockedValue(KeySetCache())
    /// Held for the whole of a fetch, so threads that need the set wait for one fetch.
    private let fetching = NSLock()

    /// Creates a verifier for one tenant.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant's ID.
    ///   - configuration: The base URL (the issuer's root), timeout and retries of the key
    ///     set's fetch.
    ///   - transport: How the key set is fetched; a new ``URLSessionTransport`` by default.
    ///   - leeway: The clock skew allowed; 10 seconds by default.
    ///   - now: The clock; the system's by default. Tests inject a fixed time.
    /// - Throws: ``VerneInvalidRequestError`` when the tenant ID is empty, `.` or `..`.
    public convenience init(
        tenantID: String, configuration: VerneConfiguration = VerneConfiguration(),
        transport: any BlockingTransport = URLSessionTransport(),
        leeway: Duration = .seconds(10), now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let context = ClientContext(service: "Gate", apiKey: nil, configuration: configuration)
        try self.init(
            tenantID: tenantID, engine: BlockingEngine(context: context, transport: transport),
            leeway: leeway, now: now)
    }

    /// Creates a verifier that fetches through a client's engine.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant's ID.
    ///   - engine: The engine; its base URL is the issuer's root.
    ///   - leeway: The clock skew allowed.
    ///   - now: The clock.
    /// - Throws: ``VerneInvalidRequestError`` when the tenant ID is empty, `.` or `..`.
    package init(
        tenantID: String, engine: BlockingEngine, leeway: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        endpoint = try JSONWebKeySetEndpoint(tenantID: tenantID)
        self.tenantID = tenantID
        issuer = "\(engine.context.configuration.baseURL)/auth/\(tenantID)"
        self.leeway = leeway
        self.engine = engine
        self.now = now
        rules = SignedTokenRules(issuer: issuer, leeway: leeway.seconds)
    }

    /// Where the tenant's key set is published.
    public var keySetURL: URL {
        engine.context.configuration.baseURL.appending(endpoint.path, query: QueryItems())
    }

    /// Checks a token and returns its claims, blocking while the key set is fetched.
    ///
    /// - Parameter token: A compact JWS from Gate, such as ``SignedToken/token``.
    /// - Returns: The verified claims.
    /// - Throws: ``VerneTokenError`` with the reason the token must not be trusted.
    @available(*, noasync, message: "Use AsyncSignedTokenVerifier.verify(_:) in async code.")
    public func verify(_ token: String) throws -> SignedTokenClaims {
        let parsed = try CompactSignedToken(token)
        let key = try key(for: parsed.keyID)

        guard key.isValidSignature(parsed.signature, for: parsed.signingInput) else {
            throw VerneTokenError(
                reason: .badSignature, message: "The token's signature does not verify.")
        }
        return try rules.check(parsed.claims, now: now())
    }

    /// The key a token names, fetching the set when the cache rules say so.
    private func key(for keyID: String) throws -> P256PublicKey {
        var fetched = false
        while true {
            let (step, generation) = cache.withLock { cache in
                (cache.next(keyID: keyID, now: now(), fetched: fetched), cache.generation)
            }
            switch step {
            case .use(let key):
                return key
            case .refuse(let error):
                throw error
            case .fetch:
                fetchUnlessDone(since: generation)
                fetched = true
            }
        }
    }

    /// Fetches the key set, unless another thread finished a fetch since `generation`.
    private func fetchUnlessDone(since generation: Int) {
        fetching.lock()
        defer { fetching.unlock() }
        guard cache.withLock({ $0.generation }) == generation else { return }

        let outcome = Result { try engine.run(endpoint) }
        let finished = now()
        cache.withLock { cache in
            switch outcome {
            case .success(let response): cache.record(response, at: finished)
            case .failure(let error): cache.recordFailure("\(error)", at: finished)
            }
        }
    }
}

extension SignedTokenVerifier: CustomStringConvertible {
    /// The issuer; a verifier holds no secret.
    public var description: String { "SignedTokenVerifier(issuer: \(issuer))" }
}
