import Foundation
import Testing
import VerneCore

@Suite("P-256 signing keys")
struct P256SigningKeyTests {
    @Test("a signature verifies with the public key and not with another key")
    func signAndVerify() throws {
        let key = try P256SigningKey()
        let other = try P256SigningKey()
        let message = Array("header.payload".utf8)

        let signature = try key.signature(for: message)

        #expect(signature.count == 64)
        #expect(key.publicKey.isValidSignature(signature, for: message))
        #expect(!other.publicKey.isValidSignature(signature, for: message))
        #expect(!key.publicKey.isValidSignature(signature, for: Array("header.payloaD".utf8)))
    }

    @Test("the RFC 7515 A.3 private scalar derives the published public key")
    func scalarDerivesPublicKey() throws {
        let scalar = try #require(Base64URL.decode(P256PublicKeyTests.RFC7515.d))
        let key = try P256SigningKey(scalar: scalar)

        #expect(Base64URL.encode(key.x) == P256PublicKeyTests.RFC7515.x)
        #expect(Base64URL.encode(key.y) == P256PublicKeyTests.RFC7515.y)
        #expect(key.scalar == scalar)
    }

    @Test("an exported scalar rebuilds the same key")
    func scalarRoundTrip() throws {
        let key = try P256SigningKey()
        let copy = try P256SigningKey(scalar: key.scalar)
        let signature = try copy.signature(for: Array("message".utf8))

        #expect(key.scalar.count == 32)
        #expect(copy.x == key.x && copy.y == key.y)
        #expect(key.publicKey.isValidSignature(signature, for: Array("message".utf8)))
    }

    @Test("two new keys differ")
    func keysAreRandom() throws {
        #expect(try P256SigningKey().scalar != P256SigningKey().scalar)
    }

    @Test("zero, the group order and wrong lengths are not private scalars")
    func invalidScalarsRefused() {
        let order = Hex.bytes("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")

        #expect(throws: P256KeyError.self) {
            try P256SigningKey(scalar: [UInt8](repeating: 0, count: 32))
        }
        #expect(throws: P256KeyError.self) { try P256SigningKey(scalar: order) }
        #expect(throws: P256KeyError.self) {
            try P256SigningKey(scalar: [UInt8](repeating: 1, count: 31))
        }
    }

    @Test("the description never shows the scalar")
    func descriptionHidesScalar() throws {
        let key = try P256SigningKey()
        let scalarHex = Hex.string(key.scalar)
        let shown = String(describing: key) + String(reflecting: key)
        var dumped = ""
        dump(key, to: &dumped)

        #expect(!shown.contains(scalarHex))
        #expect(!dumped.contains(scalarHex))
        #expect(!dumped.contains("scalar"))
    }
}
