import Foundation
import VerneCore

/// The key-set cache of one verifier and the rules for when to fetch; no I/O.
///
/// - A set is fresh for its `max-age` (300 s when the answer gave none).
/// - With no set at all, every verification fetches (concurrent ones share a fetch).
/// - A stale set is refreshed; when that fails it is still used, and the next refresh
///   waits ``retryInterval``.
/// - A `kid` missing from the set triggers a refetch when the last fetch is at least
///   ``retryInterval`` old, so key rotation is followed but unknown IDs cannot make the
///   verifier hammer the service.
struct KeySetCache: Sendable {
    /// How long a set is fresh when the answer has no `max-age`.
    static let defaultMaxAge: TimeInterval = 300
    /// The shortest time between an unknown-`kid` refetch and the fetch before it, and
    /// between two failed refreshes of a stale set.
    static let retryInterval: TimeInterval = 30

    /// What a verification does next.
    enum Step {
        /// Verify with this key.
        case use(P256PublicKey)
        /// Fetch the key set (or wait for the fetch in flight), then ask again.
        case fetch
        /// Refuse the token.
        case refuse(VerneTokenError)

        /// The key to verify with, or `nil` when the set must be fetched first.
        ///
        /// - Returns: The key of ``use(_:)``, or `nil` for ``fetch``.
        /// - Throws: The error of ``refuse(_:)``.
        func key() throws(VerneTokenError) -> P256PublicKey? {
            switch self {
            case .use(let key): return key
            case .fetch: return nil
            case .refuse(let error): throw error
            }
        }
    }

    private var keySet: JSONWebKeySet?
    private var fetchedAt = Date.distantPast
    private var maxAge = defaultMaxAge
    private var attemptedAt = Date.distantPast
    private var lastAttemptFailed = false
    private var lastFailure = ""
    /// The number of fetches finished, so a caller can tell one happened while it waited.
    private(set) var generation = 0

    /// Decides the next step for a token naming `keyID`.
    ///
    /// - Parameters:
    ///   - keyID: The token's `kid`.
    ///   - now: The current time.
    ///   - fetched: Whether this verification already fetched or waited for a fetch.
    /// - Returns: The step.
    func next(keyID: String, now: Date, fetched: Bool) -> Step {
        guard let keySet else {
            if fetched {
                return .refuse(
                    VerneTokenError(
                        reason: .jwksUnavailable,
                        message: "The tenant's key set could not be fetched: \(lastFailure)"))
            }
            return .fetch
        }

        if !fetched, isStale(now: now), !lastAttemptFailed || mayRetry(now: now) {
            return .fetch
        }
        if let key = keySet.key(for: keyID) { return .use(key) }
        if !fetched, mayRetry(now: now) { return .fetch }
        return .refuse(
            VerneTokenError(
                reason: .unknownKeyID,
                message: "The token's kid names no key of the tenant's key set."))
    }

    /// Records a fetched set.
    ///
    /// - Parameters:
    ///   - response: The set and its `max-age`.
    ///   - now: When it arrived.
    mutating func record(_ response: JSONWebKeySetEndpoint.Response, at now: Date) {
        keySet = response.keySet
        maxAge = response.maxAge ?? Self.defaultMaxAge
        fetchedAt = now
        attemptedAt = now
        lastAttemptFailed = false
        generation += 1
    }

    /// Records a failed fetch; a cached set stays in use.
    ///
    /// - Parameters:
    ///   - failure: What went wrong, without secrets.
    ///   - now: When the fetch gave up.
    mutating func recordFailure(_ failure: String, at now: Date) {
        attemptedAt = now
        lastAttemptFailed = true
        lastFailure = failure
        generation += 1
    }

    /// Whether the set is past its `max-age`; a clock that went back counts as stale.
    private func isStale(now: Date) -> Bool {
        let age = now.timeIntervalSince(fetchedAt)
        return age < 0 || age >= maxAge
    }

    /// Whether the last fetch attempt is old enough for another one.
    private func mayRetry(now: Date) -> Bool {
        let elapsed = now.timeIntervalSince(attemptedAt)
        return elapsed < 0 || elapsed >= Self.retryInterval
    }
}
