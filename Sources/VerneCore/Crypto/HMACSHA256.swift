import Foundation

#if canImport(CryptoKit)
    import CryptoKit
#else
    import CVerneOpenSSL
#endif

/// HMAC-SHA256 on the platform's crypto: CryptoKit on Apple systems, libcrypto on Linux.
package enum HMACSHA256 {
    /// The length of an authentication code in bytes.
    package static let byteCount = 32

    /// The HMAC-SHA256 authentication code of a message.
    ///
    /// - Parameters:
    ///   - message: The authenticated bytes.
    ///   - key: The secret key; any length.
    /// - Returns: The 32-byte code.
    package static func authenticationCode(
        for message: some ContiguousBytes, key: some ContiguousBytes
    ) -> [UInt8] {
        #if canImport(CryptoKit)
            let code = message.withUnsafeBytes { buffer in
                HMAC<SHA256>.authenticationCode(for: buffer, using: SymmetricKey(data: key))
            }
            return Array(code)
        #else
            return message.withUnsafeBytes { messageBuffer in
                key.withUnsafeBytes { keyBuffer in
                    [UInt8](unsafeUninitializedCapacity: byteCount) { output, count in
                        // libcrypto wants a non-null key pointer even for an empty key.
                        var empty: UInt8 = 0
                        var length: UInt32 = 0
                        let result = withUnsafePointer(to: &empty) { emptyPointer in
                            HMAC(
                                EVP_sha256(),
                                keyBuffer.baseAddress ?? UnsafeRawPointer(emptyPointer),
                                Int32(keyBuffer.count),
                                messageBuffer.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                messageBuffer.count, output.baseAddress, &length)
                        }
                        // As for SHA-256: a failure here means libcrypto itself is broken.
                        precondition(
                            result != nil && length == UInt32(byteCount), "libcrypto HMAC failed")
                        count = byteCount
                    }
                }
            }
        #endif
    }
}
