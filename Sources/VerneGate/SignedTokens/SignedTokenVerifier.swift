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
    public var tenantID: String { tenant.tenantID }
    /// `<base URL>/auth/<tenant ID>`, the only `iss` accepted.
    public var issuer: String { tenant.issuer }
    /// The clock skew allowed on `exp`, `nbf` and `iat`.
    public var leeway: Duration { tenant.leeway }
    /// Where the tenant's key set is published.
    public var keySetURL: URL { tenant.keySetURL }

    private let tenant: SignedTokenIssuer
    private let engine: BlockingEngine
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
        tenant = try SignedTokenIssuer(
            tenantID: tenantID, baseURL: engine.context.configuration.baseURL, leeway: leeway,
            now: now)
        self.engine = engine
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
        return try tenant.claims(of: parsed, key: key)
    }

    /// The key a token names, fetching the set when the cache rules say so.
    private func key(for keyID: String) throws -> P256PublicKey {
        var fetched = false
        while true {
            let (step, generation) = cache.withLock { cache in
                (cache.next(keyID: keyID, now: tenant.now(), fetched: fetched), cache.generation)
            }
            if let key = try step.key() { return key }

            fetchUnlessDone(since: generation)
            fetched = true
        }
    }

    /// Fetches the key set, unless another thread finished a fetch since `generation`.
    private func fetchUnlessDone(since generation: Int) {
        fetching.lock()
        defer { fetching.unlock() }
        guard cache.withLock({ $0.generation }) == generation else { return }

        let outcome = Result { try engine.run(tenant.keySetEndpoint) }
        let finished = tenant.now()
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
