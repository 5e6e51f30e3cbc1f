#if !canImport(CryptoKit)
    /// The DER form of an ECDSA signature that libcrypto verifies, built from JOSE's raw
    /// `r ‖ s` without any allocation.
    enum DERSignature {
        /// The longest encoding: two 33-byte integers with their headers, in a sequence.
        static let maximumLength = 72

        /// Writes `SEQUENCE { INTEGER r, INTEGER s }` in minimal DER.
        ///
        /// Values that are not valid signature components (zero, the group order or more)
        /// are encoded faithfully; libcrypto refuses them when it verifies.
        ///
        /// - Parameters:
        ///   - rawSignature: 64 bytes: `r` then `s`, 32 bytes each, big-endian.
        ///   - output: At least ``maximumLength`` writable bytes.
        /// - Returns: The number of bytes written.
        static func encode(
            rawSignature: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>
        ) -> Int {
            precondition(rawSignature.count == 64 && output.count >= maximumLength)

            var position = 2
            for half in 0..<2 {
                let component = UnsafeRawBufferPointer(
                    rebasing: rawSignature[(half * 32)..<(half * 32 + 32)])
                position = writeInteger(component, into: output, at: position)
            }
            output[0] = 0x30
            output[1] = UInt8(position - 2)
            return position
        }

        /// Writes one unsigned big-endian integer as a DER INTEGER.
        private static func writeInteger(
            _ magnitude: UnsafeRawBufferPointer, into output: UnsafeMutableBufferPointer<UInt8>,
            at start: Int
        ) -> Int {
            // Drop leading zero bytes, keeping one byte for the value zero.
            var first = 0
            while first < magnitude.count - 1, magnitude[first] == 0 { first += 1 }
            let needsSignByte = magnitude[first] & 0x80 != 0
            let length = magnitude.count - first + (needsSignByte ? 1 : 0)

            var position = start
            output[position] = 0x02
            output[position + 1] = UInt8(length)
            position += 2
            if needsSignByte {
                output[position] = 0
                position += 1
            }
            for index in first..<magnitude.count {
                output[position] = magnitude[index]
                position += 1
            }
            return position
        }
    }
#endif
