import Foundation

#if canImport(CryptoKit)
    import CryptoKit
#else
    import CVerneOpenSSL
#endif

/// A P-256 private key that signs with ECDSA and SHA-256 (JWS `ES256`).
///
/// For the emulator and tests alone: the SDK itself never signs a token. The private
/// scalar is exportable so an emulator can keep its keys.
package final class P256SigningKey {
    /// The private scalar, 32 bytes big-endian.
    package let scalar: [UInt8]
    /// The public key that checks this key's signatures.
    package let publicKey: P256PublicKey

    #if canImport(CryptoKit)
        private let key: P256.Signing.PrivateKey
    #else
        private let key: OpaquePointer
    #endif

    /// Generates a new random key.
    ///
    /// - Throws: ``P256KeyError`` when the platform cannot make a key.
    package convenience init() throws {
        #if canImport(CryptoKit)
            try self.init(scalar: [UInt8](P256.Signing.PrivateKey().rawRepresentation))
        #else
            try self.init(scalar: LibCrypto.randomScalar())
        #endif
    }

    /// Makes a key from its private scalar.
    ///
    /// - Parameter scalar: 32 bytes big-endian, from 1 to the group order − 1.
    /// - Throws: ``P256KeyError`` when the scalar is not a valid private key.
    package init(scalar: some ContiguousBytes) throws {
        let scalar = scalar.withUnsafeBytes { [UInt8]($0) }

        #if canImport(CryptoKit)
            let privateKey: P256.Signing.PrivateKey
            do {
                privateKey = try P256.Signing.PrivateKey(rawRepresentation: scalar)
            } catch {
                throw P256KeyError("not a P-256 private scalar")
            }
            let point = [UInt8](privateKey.publicKey.rawRepresentation)
            publicKey = try P256PublicKey(x: point[0..<32], y: point[32..<64])
            key = privateKey
        #else
            guard LibCrypto.isValidScalar(scalar), let privateKey = LibCrypto.privateKey(scalar: scalar)
            else { throw P256KeyError("not a P-256 private scalar") }
            guard let point = LibCrypto.point(of: privateKey),
                let derived = try? P256PublicKey(x: point[0..<32], y: point[32..<64])
            else {
                EVP_PKEY_free(privateKey)
                throw P256KeyError("libcrypto could not derive the public key")
            }
            publicKey = derived
            key = privateKey
        #endif

        self.scalar = scalar
    }

    #if !canImport(CryptoKit)
        deinit { EVP_PKEY_free(key) }
    #endif

    /// The x coordinate of the public key, 32 bytes.
    package var x: [UInt8] { publicKey.x }
    /// The y coordinate of the public key, 32 bytes.
    package var y: [UInt8] { publicKey.y }

    /// Signs a message: ECDSA over its SHA-256 digest, with a fresh random nonce.
    ///
    /// - Parameter message: The bytes to sign.
    /// - Returns: The raw signature `r ‖ s`, 64 bytes (JWS `ES256`).
    /// - Throws: ``P256KeyError`` when the platform's crypto fails.
    package func signature(for message: some ContiguousBytes) throws -> [UInt8] {
        try message.withUnsafeBytes { buffer in
            #if canImport(CryptoKit)
                do {
                    return [UInt8](try key.signature(for: buffer).rawRepresentation)
                } catch {
                    throw P256KeyError("signing failed")
                }
            #else
                return try LibCrypto.sign(buffer, with: key)
            #endif
        }
    }
}

// Every stored property is set once in init and never changed. On Linux the EVP_PKEY is
// only read, and each signature uses its own context; `@unchecked` also covers SDKs whose
// CryptoKit key types are not yet marked `Sendable`.
extension P256SigningKey: @unchecked Sendable {}

extension P256SigningKey: CustomStringConvertible {
    /// The public key only; the scalar is never shown.
    package var description: String { "P256SigningKey(public: \(publicKey))" }
}

extension P256SigningKey: CustomReflectable {
    /// A mirror that hides the scalar.
    package var customMirror: Mirror { Mirror(self, children: ["publicKey": publicKey]) }
}
