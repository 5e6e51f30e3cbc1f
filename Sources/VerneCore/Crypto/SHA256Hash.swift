import Foundation

#if canImport(CryptoKit)
    import CryptoKit
#else
    import CVerneOpenSSL
#endif

/// SHA-256 on the platform's crypto: CryptoKit on Apple systems, libcrypto on Linux.
package enum SHA256Hash {
    /// The length of a digest in bytes.
    package static let byteCount = 32

    /// The SHA-256 digest of a message.
    ///
    /// - Parameter message: The bytes to hash.
    /// - Returns: The 32-byte digest.
    package static func digest(of message: some ContiguousBytes) -> [UInt8] {
        message.withUnsafeBytes { buffer in
            [UInt8](unsafeUninitializedCapacity: byteCount) { output, count in
                write(digestOf: buffer, into: UnsafeMutableRawBufferPointer(output))
                count = byteCount
            }
        }
    }

    /// Writes the SHA-256 digest of `message` into the first 32 bytes of `output`.
    ///
    /// - Parameters:
    ///   - message: The bytes to hash.
    ///   - output: At least 32 writable bytes.
    package static func write(
        digestOf message: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer
    ) {
        precondition(output.count >= byteCount, "a SHA-256 digest needs 32 bytes")

        #if canImport(CryptoKit)
            let digest = SHA256.hash(data: message)
            digest.withUnsafeBytes { bytes in
                output.copyMemory(from: bytes)
            }
        #else
            var length: UInt32 = 0
            let status = EVP_Digest(
                message.baseAddress, message.count,
                output.baseAddress?.assumingMemoryBound(to: UInt8.self), &length, EVP_sha256(),
                nil)
            // EVP_Digest fails only when libcrypto cannot allocate or is misconfigured; a
            // wrong digest would be a silent security failure, so stop instead.
            precondition(status == 1 && length == UInt32(byteCount), "libcrypto SHA-256 failed")
        #endif
    }
}
