#if !canImport(CryptoKit)
    import CVerneOpenSSL

    extension LibCrypto {
        /// Draws a private scalar uniformly from 1 to n − 1.
        ///
        /// - Returns: 32 bytes, big-endian.
        /// - Throws: ``P256KeyError`` when the random generator fails.
        static func randomScalar() throws -> [UInt8] {
            var scalar = [UInt8](repeating: 0, count: 32)
            while true {
                let status = scalar.withUnsafeMutableBufferPointer { buffer in
                    RAND_bytes(buffer.baseAddress, Int32(buffer.count))
                }
                guard status == 1 else {
                    ERR_clear_error()
                    throw P256KeyError("the random number generator failed")
                }
                if isValidScalar(scalar) { return scalar }
            }
        }

        /// Whether 32 big-endian bytes are a private scalar: not zero, less than n.
        static func isValidScalar(_ scalar: [UInt8]) -> Bool {
            guard scalar.count == 32, scalar.contains(where: { $0 != 0 }) else { return false }
            for (byte, limit) in zip(scalar, groupOrder) where byte != limit {
                return byte < limit
            }
            return false
        }

        /// Makes a private key from its scalar; libcrypto derives the public point.
        ///
        /// - Parameter scalar: A valid scalar (see ``isValidScalar(_:)``).
        /// - Returns: An owned `EVP_PKEY`, or `nil`.
        static func privateKey(scalar: [UInt8]) -> OpaquePointer? {
            // RFC 5915 ECPrivateKey: SEQUENCE { 1, OCTET STRING d, [0] prime256v1 }.
            let der: [UInt8] =
                [0x30, 0x31, 0x02, 0x01, 0x01, 0x04, 0x20] + scalar
                + [0xA0, 0x0A, 0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
            let key: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return d2i_PrivateKey(EVP_PKEY_EC, nil, &cursor, buffer.count)
            }
            if key == nil { ERR_clear_error() }
            return key
        }

        /// The uncompressed point `x ‖ y` of a key.
        ///
        /// - Parameter key: An `EVP_PKEY` of P-256.
        /// - Returns: 64 bytes, or `nil`.
        static func point(of key: OpaquePointer) -> [UInt8]? {
            let length = i2d_PUBKEY(key, nil)
            guard length == Int32(publicKeyInfoPrefix.count + 64) else {
                ERR_clear_error()
                return nil
            }
            var der = [UInt8](repeating: 0, count: Int(length))
            let written = der.withUnsafeMutableBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return i2d_PUBKEY(key, &cursor)
            }
            guard written == length,
                Array(der.prefix(publicKeyInfoPrefix.count)) == publicKeyInfoPrefix
            else { return nil }
            return Array(der.suffix(64))
        }

        /// Signs a message with ECDSA and SHA-256.
        ///
        /// - Parameters:
        ///   - message: The bytes to sign.
        ///   - key: A private `EVP_PKEY` of P-256.
        /// - Returns: The raw signature `r ‖ s`, 64 bytes.
        /// - Throws: ``P256KeyError`` when libcrypto fails.
        static func sign(
            _ message: UnsafeRawBufferPointer, with key: OpaquePointer
        ) throws -> [UInt8] {
            guard let context = EVP_MD_CTX_new() else { throw P256KeyError("out of memory") }
            defer { EVP_MD_CTX_free(context) }

            var der = [UInt8](repeating: 0, count: DERSignature.maximumLength)
            var length = der.count
            let status = der.withUnsafeMutableBufferPointer { buffer in
                guard EVP_DigestSignInit(context, nil, EVP_sha256(), nil, key) == 1 else {
                    return Int32(0)
                }
                return EVP_DigestSign(
                    context, buffer.baseAddress, &length,
                    message.baseAddress?.assumingMemoryBound(to: UInt8.self), message.count)
            }
            guard status == 1 else {
                ERR_clear_error()
                throw P256KeyError("signing failed")
            }
            return try rawSignature(fromDER: Array(der.prefix(length)))
        }

        /// Turns libcrypto's DER signature into JOSE's 64-byte `r ‖ s`.
        private static func rawSignature(fromDER der: [UInt8]) throws -> [UInt8] {
            let parsed: OpaquePointer? = der.withUnsafeBufferPointer { buffer in
                var cursor = buffer.baseAddress
                return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
            }
            guard let parsed else {
                ERR_clear_error()
                throw P256KeyError("libcrypto produced an unreadable signature")
            }
            defer { ECDSA_SIG_free(parsed) }

            var raw = [UInt8](repeating: 0, count: 64)
            let written = raw.withUnsafeMutableBufferPointer { buffer in
                let base = buffer.baseAddress!
                return (
                    BN_bn2binpad(ECDSA_SIG_get0_r(parsed), base, 32),
                    BN_bn2binpad(ECDSA_SIG_get0_s(parsed), base + 32, 32)
                )
            }
            guard written.0 == 32, written.1 == 32 else {
                throw P256KeyError("libcrypto produced an oversized signature")
            }
            return raw
        }
    }
#endif
