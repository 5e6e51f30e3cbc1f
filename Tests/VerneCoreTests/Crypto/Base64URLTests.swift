import Testing
import VerneCore

@Suite("Base64URL")
struct Base64URLTests {
    @Test("decodes RFC 4648 vectors in the URL alphabet without padding")
    func decodesVectors() {
        #expect(Base64URL.decode("") == [])
        #expect(Base64URL.decode("Zg") == Array("f".utf8))
        #expect(Base64URL.decode("Zm8") == Array("fo".utf8))
        #expect(Base64URL.decode("Zm9v") == Array("foo".utf8))
        #expect(Base64URL.decode("Zm9vYmFy") == Array("foobar".utf8))
        #expect(Base64URL.decode("-_8") == [0xFB, 0xFF])
    }

    @Test(
        "refuses padding, the standard alphabet, whitespace and impossible lengths",
        arguments: ["Zg==", "Zm8=", "+/8", "Zm 9v", "Zm9v\n", "Z", "Zm9vY", "Zm9v.", "é"])
    func refusesNonCanonical(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("refuses non-zero unused bits")
    func refusesTrailingBits() {
        #expect(Base64URL.decode("Zh") == nil)
        #expect(Base64URL.decode("Zm9") == nil)
        #expect(Base64URL.decode("Zg") != nil)
    }

    @Test("round-trips every length up to 70 bytes")
    func roundTrip() {
        for length in 0...70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            let text = Base64URL.encode(bytes)

            #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
            #expect(Base64URL.decode(text) == bytes)
        }
    }

    @Test("decodes a substring in place")
    func decodesSubstring() {
        let token = "Zm9v.YmFy"
        let dot = token.firstIndex(of: ".")!

        #expect(Base64URL.decode(token[..<dot]) == Array("foo".utf8))
        #expect(Base64URL.decode(token[token.index(after: dot)...]) == Array("bar".utf8))
    }
}
