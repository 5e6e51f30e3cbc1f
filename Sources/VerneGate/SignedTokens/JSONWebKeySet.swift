import Foundation
import VerneCore

/// A tenant's published signing keys: the EC P-256 keys of a JWK set (RFC 7517).
///
/// Only keys Gate can sign tokens with are kept: `kty` `EC`, `crv` `P-256`, a non-empty
/// `kid`, `use` absent or `sig`, `alg` absent or `ES256`, and `x` and `y` of 32 bytes
/// each that make a point on the curve. Any other entry is skipped, so a set may publish
/// other keys without breaking verification. When two keys share a `kid`, the first one
/// is kept.
public struct JSONWebKeySet: Sendable {
    private let keys: [String: P256PublicKey]

    /// Reads a JWK set.
    ///
    /// - Parameter jsonData: The JSON document, an object with a `keys` array.
    /// - Throws: ``VerneTokenError`` with ``VerneTokenError/Reason/jwksUnavailable`` when
    ///   the data is not such an object.
    public init(jsonData: Data) throws {
        let document = try? JSONDecoder().decode(JSONValue.self, from: jsonData)
        guard let entries = document?["keys"]?.arrayValue else {
            throw VerneTokenError(
                reason: .jwksUnavailable,
                message: "The key set is not a JSON object with a keys array.")
        }

        var keys: [String: P256PublicKey] = [:]
        for entry in entries {
            guard let (keyID, key) = Self.signingKey(entry), keys[keyID] == nil else { continue }
            keys[keyID] = key
        }
        self.keys = keys
    }

    /// The IDs of the usable keys, sorted.
    public var keyIDs: [String] { keys.keys.sorted() }

    /// Whether the set has a usable key with this ID.
    ///
    /// - Parameter keyID: A `kid`.
    /// - Returns: `true` when the key is in the set.
    public func contains(keyID: String) -> Bool { keys[keyID] != nil }

    /// The parsed key with this ID.
    ///
    /// - Parameter keyID: A `kid`.
    /// - Returns: The key, or `nil`.
    package func key(for keyID: String) -> P256PublicKey? { keys[keyID] }

    /// One JWK as an ES256 verification key, or `nil` when it is not one.
    private static func signingKey(_ jwk: JSONValue) -> (String, P256PublicKey)? {
        guard jwk["kty"]?.stringValue == "EC", jwk["crv"]?.stringValue == "P-256",
            let keyID = jwk["kid"]?.stringValue, !keyID.isEmpty
        else { return nil }
        if let use = jwk["use"], use.stringValue != "sig" { return nil }
        if let algorithm = jwk["alg"], algorithm.stringValue != "ES256" { return nil }

        guard let x = jwk["x"]?.stringValue.flatMap(Base64URL.decode),
            let y = jwk["y"]?.stringValue.flatMap(Base64URL.decode), x.count == 32, y.count == 32,
            let key = try? P256PublicKey(x: x, y: y)
        else { return nil }
        return (keyID, key)
    }
}

extension JSONWebKeySet: CustomStringConvertible {
    /// The key IDs; public keys are not secret.
    public var description: String { "JSONWebKeySet(keyIDs: \(keyIDs))" }
}
