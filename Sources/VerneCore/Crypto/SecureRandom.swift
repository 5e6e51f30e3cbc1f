#if canImport(CryptoKit)
    import Foundation
#else
    import CVerneOpenSSL
    import Glibc
#endif

/// Cryptographically secure random bytes, in one cheap call.
///
/// `UUID()` on Linux opens, reads and closes `/dev/urandom` on every call, about 4 µs
/// here. `getrandom(2)` asks the same kernel generator in one system call without a file
/// (0.4 µs, against 0.9 µs for libcrypto's `RAND_bytes` and two calls for the standard
/// library's generator, which reads 8 bytes at a time). Apple systems use
/// `arc4random_buf`, which runs in user space.
package enum SecureRandom {
    /// Fills a buffer with random bytes.
    ///
    /// Should `getrandom` be missing or fail, the bytes come from the standard library's
    /// `SystemRandomNumberGenerator` instead.
    ///
    /// - Parameter buffer: The bytes to overwrite.
    package static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let start = buffer.baseAddress, !buffer.isEmpty else { return }

        #if canImport(CryptoKit)
            arc4random_buf(start, buffer.count)
        #else
            var filled = 0
            while filled < buffer.count {
                let count = getrandom(start + filled, buffer.count - filled, 0)
                if count > 0 {
                    filled += count
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            guard filled < buffer.count else { return }

            var generator = SystemRandomNumberGenerator()
            for index in buffer.indices { buffer[index] = generator.next() }
        #endif
    }
}
