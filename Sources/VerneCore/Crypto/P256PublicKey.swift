import Foundation

#if canImport(CryptoKit)
    import CryptoKit
#else
    import CVerneOpenSSL
#endif

/// A P-256 public key that checks ECDSA signatures with SHA-256, as JWS `ES256` uses.
///
/// Parse a key once and keep the object: parsing validates the point, which costs far
/// more than a verification. On Linux the object owns the libcrypto key and a small pool
/// of verification contexts, freed with it; it is safe to use from many threads at once.
package final class P256PublicKey {
    /// The x coordinate, 32 bytes big-endian.
    package let x: [UInt8]
    /// The y coordinate, 32 bytes big-endian.
    package let y: [UInt8]

    #if canImport(CryptoKit)
        private let key: P256.Signing.PublicKey
    #else
        private let key: OpaquePointer
        /// Idle verification contexts, guarded by `contextsLock`.
        ///
        /// An `NSLock` rather than a `Mutex`, so ThreadSanitizer understands it on Linux.
        private var contexts: [OpaquePointer] = []
        private let contextsLock = NSLock()
        /// Idle contexts kept for reuse; more are made under load and freed after use.
        private static let pooledContexts = 16
    #endif

    /// Makes a key from its affine coordinates.
    ///
    /// - Parameters:
    ///   - x: The x coordinate, exactly 32 bytes big-endian.
    ///   - y: The y coordinate, exactly 32 bytes big-endian.
    /// - Throws: ``P256KeyError`` when a coordinate has another length or the point is not
    ///   on the curve.
    package init(x: some ContiguousBytes, y: some ContiguousBytes) throws {
        let x = x.withUnsafeBytes { [UInt8]($0) }
        let y = y.withUnsafeBytes { [UInt8]($0) }
        guard x.count == 32, y.count == 32 else {
            throw P256KeyError("a P-256 coordinate must be 32 bytes")
        }

        #if canImport(CryptoKit)
            do {
                key = try P256.Signing.PublicKey(rawRepresentation: x + y)
            } catch {
                throw P256KeyError("the point is not on the P-256 curve")
            }
        #else
            guard let parsed = LibCrypto.publicKey(point: x + y) else {
                throw P256KeyError("the point is not on the P-256 curve")
            }
            key = parsed
        #endif
        self.x = x
        self.y = y
    }

    #if !canImport(CryptoKit)
        deinit {
            for context in contexts { EVP_PKEY_CTX_free(context) }
            EVP_PKEY_free(key)
        }
    #endif

    /// Whether a raw signature is a valid ECDSA signature of `message` with SHA-256.
    ///
    /// High-S signatures are valid (ECDSA does not require low S); a signature of any
    /// length other than 64 bytes, or with `r` or `s` zero or not below the group order,
    /// is not.
    ///
    /// - Parameters:
    ///   - signature: `r ‖ s`, 32 bytes each, big-endian (IEEE P1363, JWS `ES256`).
    ///   - message: The signed bytes; they are hashed with SHA-256 here.
    /// - Returns: `true` only for a valid signature.
    package func isValidSignature(
        _ signature: some ContiguousBytes, for message: some ContiguousBytes
    ) -> Bool {
        signature.withUnsafeBytes { signatureBuffer in
            guard signatureBuffer.count == 64 else { return false }
            return message.withUnsafeBytes { messageBuffer in
                isValid(signatureBuffer, for: messageBuffer)
            }
        }
    }

    #if canImport(CryptoKit)
        private func isValid(
            _ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer
        ) -> Bool {
            guard let parsed = try? P256.Signing.ECDSASignature(rawRepresentation: signature)
            else { return false }
            return key.isValidSignature(parsed, for: message)
        }
    #else
        private func isValid(
            _ signature: UnsafeRawBufferPointer, for message: UnsafeRawBufferPointer
        ) -> Bool {
            guard let context = takeContext() else { return false }
            defer { returnContext(context) }

            return withUnsafeTemporaryAllocation(
                byteCount: SHA256Hash.byteCount, alignment: 1
            ) { digest in
                SHA256Hash.write(digestOf: message, into: digest)
                return LibCrypto.verify(
                    signature: signature, digest: UnsafeRawBufferPointer(digest), context: context)
            }
        }

        private func takeContext() -> OpaquePointer? {
            contextsLock.lock()
            let pooled = contexts.popLast()
            contextsLock.unlock()
            return pooled ?? LibCrypto.verificationContext(for: key)
        }

        private func returnContext(_ context: OpaquePointer) {
            contextsLock.lock()
            let kept = contexts.count < Self.pooledContexts
            if kept { contexts.append(context) }
            contextsLock.unlock()
            if !kept { EVP_PKEY_CTX_free(context) }
        }
    #endif
}

// The key is set once in init and never changed. On Linux libcrypto allows concurrent
// verifications with one EVP_PKEY, and each context is used by one thread at a time, handed
// out under the lock. `@unchecked` also covers SDKs whose CryptoKit key types are not yet
// marked `Sendable`.
extension P256PublicKey: @unchecked Sendable {}

extension P256PublicKey: CustomStringConvertible {
    /// The curve and the start of the x coordinate; a public key is not secret.
    package var description: String {
        "P256PublicKey(x: \(x.prefix(4).map { String(format: "%02x", $0) }.joined())…)"
    }
}
