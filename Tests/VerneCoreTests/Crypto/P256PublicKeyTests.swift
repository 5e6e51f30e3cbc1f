import Foundation
import Testing
import VerneCore

@Suite("P-256 public keys")
struct P256PublicKeyTests {
    /// RFC 7515 appendix A.3: an ES256 JWS and its key.
    enum RFC7515 {
        static let x = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU"
        static let y = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"
        static let d = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"
        static let signingInput =
            "eyJhbGciOiJFUzI1NiJ9."
            + "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        static let signature =
            "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"

        static func key() throws -> P256PublicKey {
            try P256PublicKey(
                x: #require(Base64URL.decode(x)), y: #require(Base64URL.decode(y)))
        }
    }

    @Test("the RFC 7515 A.3 signature verifies")
    func rfc7515SignatureVerifies() throws {
        let key = try RFC7515.key()
        let signature = try #require(Base64URL.decode(RFC7515.signature))

        #expect(signature.count == 64)
        #expect(key.isValidSignature(signature, for: Array(RFC7515.signingInput.utf8)))
    }

    @Test("the RFC 7515 A.3 signature fails for a changed input or signature")
    func rfc7515SignatureIsBound() throws {
        let key = try RFC7515.key()
        let signature = try #require(Base64URL.decode(RFC7515.signature))
        var input = Array(RFC7515.signingInput.utf8)
        input[input.count - 1] ^= 1
        var flipped = signature
        flipped[10] ^= 0x40

        #expect(!key.isValidSignature(signature, for: input))
        #expect(!key.isValidSignature(flipped, for: Array(RFC7515.signingInput.utf8)))
    }

    @Test("a signature of any length but 64 bytes is refused", arguments: [0, 63, 65, 70, 72])
    func wrongLengthRefused(length: Int) throws {
        let key = try RFC7515.key()
        let signature = try #require(Base64URL.decode(RFC7515.signature))
        let resized =
            length <= 64
            ? Array(signature.prefix(length))
            : signature + [UInt8](repeating: 0, count: length - 64)

        #expect(!key.isValidSignature(resized, for: Array(RFC7515.signingInput.utf8)))
    }

    @Test("a point off the curve is refused")
    func offCurvePointRefused() throws {
        var y = try #require(Base64URL.decode(RFC7515.y))
        y[31] ^= 1

        #expect(throws: P256KeyError.self) {
            try P256PublicKey(x: Base64URL.decode(RFC7515.x)!, y: y)
        }
    }

    @Test("coordinates that are not 32 bytes are refused")
    func wrongCoordinateLengthRefused() throws {
        let x = try #require(Base64URL.decode(RFC7515.x))
        let y = try #require(Base64URL.decode(RFC7515.y))

        #expect(throws: P256KeyError.self) { try P256PublicKey(x: [0] + x, y: y) }
        #expect(throws: P256KeyError.self) { try P256PublicKey(x: x, y: Array(y.dropFirst())) }
    }

    @Test("coordinates of the field size or more, and the zero point, are refused")
    func outOfRangeCoordinatesRefused() throws {
        let prime: [UInt8] = Hex.bytes(
            "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff")
        let y = try #require(Base64URL.decode(RFC7515.y))
        let zero = [UInt8](repeating: 0, count: 32)

        #expect(throws: P256KeyError.self) { try P256PublicKey(x: prime, y: y) }
        #expect(throws: P256KeyError.self) { try P256PublicKey(x: zero, y: zero) }
    }

    @Test("the key keeps its coordinates")
    func keepsCoordinates() throws {
        let key = try RFC7515.key()

        #expect(Base64URL.encode(key.x) == RFC7515.x)
        #expect(Base64URL.encode(key.y) == RFC7515.y)
    }

    @Test("verification from many threads at once gives the right verdicts")
    func concurrentVerification() async throws {
        let key = try RFC7515.key()
        let signature = try #require(Base64URL.decode(RFC7515.signature))
        let input = Array(RFC7515.signingInput.utf8)
        var tampered = input
        tampered[0] ^= 1
        let wrongInput = tampered

        let verdicts = await withTaskGroup(of: (Bool, Bool).self) { group in
            for _ in 0..<64 {
                group.addTask {
                    (
                        key.isValidSignature(signature, for: input),
                        key.isValidSignature(signature, for: wrongInput)
                    )
                }
            }
            var all: [(Bool, Bool)] = []
            for await verdict in group { all.append(verdict) }
            return all
        }

        #expect(verdicts.count == 64)
        #expect(verdicts.allSatisfy { $0.0 && !$0.1 })
    }
}
