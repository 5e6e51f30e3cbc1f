#if !canImport(CryptoKit)
    import CVerneOpenSSL

    /// The libcrypto calls behind the Linux crypto layer.
    ///
    /// Only functions that exist, undeprecated, in both OpenSSL 1.1.1 and 3.x are used.
    /// Keys travel through DER (SubjectPublicKeyInfo, RFC 5915 ECPrivateKey) because that
    /// path is the same in both versions.
    enum LibCrypto {
        /// The DER SubjectPublicKeyInfo of a P-256 key up to its uncompressed point:
        /// SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING { 04 … } }.
        static let publicKeyInfoPrefix: [UInt8] = [
            0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01,
            0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
            0x04,
        ]

        /// The order n of the P-256 group, big-endian.
        static let groupOrder: [UInt8] = [
            0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF, 0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2,
            0xFC, 0x63, 0x25, 0x51,
        ]

        /// Makes a verified public key from its coordinates.
        ///
        /// libcrypto refuses coordinates of the field's size or more and points off the
        /// curve while decoding; the public-key check then confirms the point once more,
        /// so no later verification ever runs on an invalid point.
        ///
        /// - Parameter point: `x ‖ y`, 64 bytes.
        /// - Returns: An owned `EVP_PKEY`, or `nil` when the point is not a valid key.
        static func publicKey(point: [UInt8]) -> OpaquePointer? {
            let der = publicKeyInfoPrefix + point
            let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return d2i_PUBKEY(nil, &cursor, buffer.count)
            }
            guard let key else {
                ERR_clear_error()
                return nil
            }
            guard checkPublicKey(key) else {
                EVP_PKEY_free(key)
                ERR_clear_error()
                return nil
            }
            return key
        }

        private static func checkPublicKey(_ key: OpaquePointer) -> Bool {
            guard let context = EVP_PKEY_CTX_new(key, nil) else { return false }
            defer { EVP_PKEY_CTX_free(context) }
            return EVP_PKEY_public_check(context) == 1
        }

        /// Makes a verification context for a key.
        ///
        /// - Parameter key: An `EVP_PKEY`.
        /// - Returns: An owned `EVP_PKEY_CTX` ready for `EVP_PKEY_verify`, or `nil`.
        static func verificationContext(for key: OpaquePointer) -> OpaquePointer? {
            guard let context = EVP_PKEY_CTX_new(key, nil) else { return nil }
            guard EVP_PKEY_verify_init(context) == 1 else {
                EVP_PKEY_CTX_free(context)
                ERR_clear_error()
                return nil
            }
            return context
        }

        /// Checks a raw `r ‖ s` signature over a SHA-256 digest.
        ///
        /// - Parameters:
        ///   - signature: 64 bytes, `r` then `s`, big-endian.
        ///   - digest: The 32-byte SHA-256 digest of the message.
        ///   - context: A verification context of the key.
        /// - Returns: Whether the signature is valid.
        static func verify(
            signature: UnsafeRawBufferPointer, digest: UnsafeRawBufferPointer,
            context: OpaquePointer
        ) -> Bool {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 72) { der in
                let length = DERSignature.encode(rawSignature: signature, into: der)
                let status = EVP_PKEY_verify(
                    context, der.baseAddress, length,
                    digest.baseAddress?.assumingMemoryBound(to: UInt8.self), digest.count)
                if status != 1 { ERR_clear_error() }
                return status == 1
            }
        }
    }
#endif
