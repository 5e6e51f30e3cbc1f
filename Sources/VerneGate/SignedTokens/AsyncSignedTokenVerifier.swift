import Foundation
import VerneCore

/// Verifies Gate signed tokens (ES256 JWTs) offline, against one tenant's published keys.
///
/// No API key is involved: anything that receives a token can check it. The verifier
/// checks, in this order, that the token is a compact JWS, that its `alg` is `ES256`
/// (`none`, `HS256`, `RS256` and every other value are refused before any key is looked
/// up), that its `kid` names a key of the tenant's set, that the 64-byte signature
/// verifies, that `iss` is exactly this tenant's issuer (another tenant's token has a
/// valid signature and is still refused), that `exp` is present and not past, that
/// `nbf` and `iat` are not in the future, and that `sub` is a non-empty string. The
/// times allow ``leeway`` of clock skew.
///
/// ```swift
/// let verifier = try AsyncSignedTokenVerifier(tenantID: "ten_123")
/// let claims = try await verifier.verify(token)
/// print(claims.subject, claims.orgs)
/// ```
///
/// The key set is fetched from `<issuer>/.well-known/jwks.json` through the SDK's
/// transport and cached for its `Cache-Control: max-age` (300 s without one). A token
/// naming a key the set lacks triggers one refetch, at most every 30 s, shared by every
/// concurrent verification: that is how a key rotation is followed. When the refresh of
/// a stale set fails, the stale set is still used.
///
/// A signed token cannot be revoked and lives 15 minutes. Make one verifier per tenant
/// and share it; it is `Sendable`.
public final class AsyncSignedTokenVerifier: Sendable {
    /// The tenant whose tokens this verifier accepts.
    public var tenantID: String { tenant.tenantID }
    /// `<base URL>/auth/<tenant ID>`, the only `iss` accepted.
    public var issuer: String { tenant.issuer }
    /// The clock skew allowed on `exp`, `nbf` and `iat`.
    public var leeway: Duration { tenant.leeway }
    /// Where the tenant's key set is published.
    public var keySetURL: URL { tenant.keySetURL }

    private let tenant: SignedTokenIssuer
    private let engine: AsyncEngine
    private let state = LockedValue(State())

    private struct State: Sendable {
        var cache = KeySetCache()
        var inFlight: Task<Void, Never>?
    }

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
        transport: any Transport = URLSessionTransport(), leeway: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        let context = ClientContext(service: "Gate", apiKey: nil, configuration: configuration)
        try self.init(
            tenantID: tenantID, engine: AsyncEngine(context: context, transport: transport),
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
        tenantID: String, engine: AsyncEngine, leeway: Duration = .seconds(10),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws {
        tenant = try SignedTokenIssuer(
            tenantID: tenantID, baseURL: engine.context.configuration.baseURL, leeway: leeway,
            now: now)
        self.engine = engine
    }

    /// Checks a token and returns its claims.
    ///
    /// - Parameter token: A compact JWS from Gate, such as ``SignedToken/token``.
    /// - Returns: The verified claims.
    /// - Throws: ``VerneTokenError`` with the reason the token must not be trusted, or
    ///   `CancellationError`.
    public func verify(_ token: String) async throws -> SignedTokenClaims {
        let parsed = try CompactSignedToken(token)
        let key = try await key(for: parsed.keyID)
        return try tenant.claims(of: parsed, key: key)
    }

    /// The key a token names, fetching the set when the cache rules say so.
    private func key(for keyID: String) async throws -> P256PublicKey {
        var fetched = false
        while true {
            let (step, generation) = state.withLock { state in
                (
                    state.cache.next(keyID: keyID, now: tenant.now(), fetched: fetched),
                    state.cache.generation
                )
            }
            if let key = try step.key() { return key }

            try Task.checkCancellation()
            if let fetch = sharedFetch(after: generation) { await fetch.value }
            fetched = true
        }
    }

    /// The fetch in flight, or a new one; `nil` when a fetch finished since `generation`.
    private func sharedFetch(after generation: Int) -> Task<Void, Never>? {
        state.withLock { state in
            if let inFlight = state.inFlight { return inFlight }
            guard state.cache.generation == generation else { return nil }

            let task = Task { await self.fetch() }
            state.inFlight = task
            return task
        }
    }

    /// Fetches the key set once and records the outcome.
    private func fetch() async {
        let outcome: Result<JSONWebKeySetEndpoint.Response, any Error>
        do {
            outcome = .success(try await engine.run(tenant.keySetEndpoint))
        } catch {
            outcome = .failure(error)
        }

        let finished = tenant.now()
        state.withLock { state in
            switch outcome {
            case .success(let response): state.cache.record(response, at: finished)
            case .failure(let error): state.cache.recordFailure("\(error)", at: finished)
            }
            state.inFlight = nil
        }
    }
}

extension AsyncSignedTokenVerifier: CustomStringConvertible {
    /// The issuer; a verifier holds no secret.
    public var description: String { "AsyncSignedTokenVerifier(issuer: \(issuer))" }
}
