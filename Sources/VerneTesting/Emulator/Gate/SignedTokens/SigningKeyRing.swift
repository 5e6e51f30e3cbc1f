import Foundation
import VerneCore

/// One tenant's token-signing keys: the current one, and retired ones still published.
///
/// A rotation makes a new current key at once; the key it replaces stays in the published
/// set for ``retiredKeyLifetime`` (twenty minutes of the emulator's clock: the fifteen
/// minutes a token lives, plus a margin), so tokens signed just before a rotation still
/// verify. After that the key is dropped from the set.
struct SigningKeyRing: Sendable {
    /// One key and its ID.
    struct Entry: Sendable {
        /// The `kid`.
        var keyID: String
        /// The private key.
        var key: P256SigningKey
        /// When it stopped signing, or `nil` for the current key.
        var retiredAt: Date?

        /// The public JWK: `{"kty", "crv", "x", "y", "kid", "use", "alg"}`.
        var jwk: JSONValue {
            [
                "kty": "EC", "crv": "P-256", "kid": .string(keyID), "use": "sig", "alg": "ES256",
                "x": .string(Base64URL.encode(key.x)), "y": .string(Base64URL.encode(key.y)),
            ]
        }
    }

    /// How long a retired key stays published.
    static let retiredKeyLifetime: TimeInterval = 20 * 60

    /// The key that signs new tokens.
    private(set) var current: Entry
    /// Keys that no longer sign, newest first.
    private(set) var retired: [Entry] = []

    /// Makes a ring with one fresh key.
    ///
    /// - Throws: ``EmulatorFailure`` `500` when the platform cannot make a key.
    init() throws {
        current = try Self.newEntry()
    }

    /// Replaces the current key with a fresh one.
    ///
    /// - Parameter now: The time of the rotation.
    /// - Returns: The new key's ID.
    /// - Throws: ``EmulatorFailure`` `500` when the platform cannot make a key.
    mutating func rotate(at now: Date) throws -> String {
        var old = current
        old.retiredAt = now
        current = try Self.newEntry()
        retired.insert(old, at: 0)
        return current.keyID
    }

    /// The keys published now: the current one first, then retired ones still in their
    /// grace period.
    func published(at now: Date) -> [Entry] {
        [current]
            + retired.filter { entry in
                entry.retiredAt.map { now.timeIntervalSince($0) < Self.retiredKeyLifetime } ?? false
            }
    }

    private static func newEntry() throws -> Entry {
        do {
            return Entry(
                keyID: EmulatorIDs.make("kid_", length: 16), key: try P256SigningKey(),
                retiredAt: nil)
        } catch {
            throw EmulatorFailure(
                status: 500, code: "internal_error",
                message: "The emulator could not make a signing key.")
        }
    }
}

/// Writes compact ES256 JWS tokens.
enum TokenSigner {
    /// Signs claims with a key.
    ///
    /// - Parameters:
    ///   - claims: The payload object.
    ///   - entry: The key and its ID.
    /// - Returns: `<header>.<payload>.<signature>`, each base64url without padding.
    /// - Throws: ``EmulatorFailure`` `500` when signing fails.
    static func sign(_ claims: JSONValue, with entry: SigningKeyRing.Entry) throws -> String {
        let header: JSONValue = ["alg": "ES256", "kid": .string(entry.keyID), "typ": "JWT"]
        let signingInput =
            Base64URL.encode(EmulatorJSONWriter.data(header)) + "."
            + Base64URL.encode(EmulatorJSONWriter.data(claims))
        do {
            let signature = try entry.key.signature(for: Data(signingInput.utf8))
            return signingInput + "." + Base64URL.encode(signature)
        } catch {
            throw EmulatorFailure(
                status: 500, code: "internal_error", message: "The emulator could not sign a token."
            )
        }
    }
}
