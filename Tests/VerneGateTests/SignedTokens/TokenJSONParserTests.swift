import Foundation
import Testing
import VerneCore

@testable import VerneGate

@Suite("Token JSON parser")
struct TokenJSONParserTests {
    static func parse(_ text: String) -> [String: JSONValue]? {
        TokenJSONParser.object(Array(text.utf8))
    }

    @Test(
        "reads what JSONDecoder reads",
        arguments: [
            #"{}"#,
            #" { "a" : 1 , "b":[true,false,null,-0,0.5,-2.5,"x"], "c":{"d":{}} } "#,
            #"{"iss":"https://gate.example.com/auth/ten_1","exp":1800000000,"orgs":[{"id":"o","permissions":[]}]}"#,
            #"{"esc":"\"\\\/\b\f\n\r\t","u":"\u00e9\u4e2d\ud83d\ude00","raw":"é中😀"}"#,
            #"{"big":123456789012345678901234567890,"min":-9223372036854775808,"max":9223372036854775807}"#,
        ])
    func matchesJSONDecoder(text: String) throws {
        let expected = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        let parsed = try #require(Self.parse(text))

        #expect(JSONValue.object(parsed) == expected)
    }

    /// As `JSONValue` documents: only a number written without fraction or exponent is an
    /// integer (`JSONDecoder` also makes `1e3` one).
    @Test("numbers keep integers apart from fractions and exponents")
    func numbers() throws {
        let parsed = try #require(Self.parse(#"{"i":42,"n":-7,"f":1.0,"e":1e3,"o":9223372036854775808}"#))

        #expect(parsed["i"] == .integer(42))
        #expect(parsed["n"] == .integer(-7))
        #expect(parsed["f"] == .double(1.0))
        #expect(parsed["e"] == .double(1000))
        #expect(parsed["o"] == .double(9_223_372_036_854_775_808))
    }

    @Test(
        "refuses what is not exactly one JSON object",
        arguments: [
            "", "[]", "1", #""s""#, "{", "}", #"{"a":1"#, #"{"a":1}x"#, #"{"a":1}{}"#, #"{"a" 1}"#,
            #"{"a":1,}"#, #"{,"a":1}"#, #"{a:1}"#, #"{'a':1}"#, #"{"a":01}"#, #"{"a":1.}"#,
            #"{"a":.5}"#, #"{"a":+1}"#, #"{"a":1e}"#, #"{"a":NaN}"#, #"{"a":Infinity}"#,
            #"{"a":tru}"#, #"{"a":nul}"#, #"{"a":[1,]}"#, #"{"a":"\x"}"#, #"{"a":"\u12"}"#,
            #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\ud800\u0041"}"#, "{\"a\":\"\t\"}",
            "{\"a\":\"\n\"}", #"{"a":1e999}"#, "\u{FEFF}{}",
        ])
    func refuses(text: String) {
        #expect(Self.parse(text) == nil)
    }

    @Test("a member name twice is refused, also when escaped differently")
    func duplicates() {
        #expect(Self.parse(#"{"alg":"ES256","alg":"none"}"#) == nil)
        #expect(Self.parse(#"{"alg":"ES256","\u0061lg":"none"}"#) == nil)
        #expect(Self.parse(#"{"o":{"a":1,"a":2}}"#) == nil)
        #expect(Self.parse(#"{"a":{"a":1},"b":{"a":2}}"#) != nil)
    }

    @Test("invalid UTF-8 is refused")
    func invalidUTF8() {
        let bytes: [UInt8] = Array(#"{"a":""#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8)
        let overlong: [UInt8] = Array(#"{"a":""#.utf8) + [0xC0, 0xAF] + Array(#""}"#.utf8)

        #expect(TokenJSONParser.object(bytes) == nil)
        #expect(TokenJSONParser.object(overlong) == nil)
    }

    @Test("nesting is limited")
    func depth() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        let shallow = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)

        #expect(Self.parse(#"{"a":\#(deep)}"#) == nil)
        #expect(Self.parse(#"{"a":\#(shallow)}"#) != nil)
        #expect(Self.parse(String(repeating: "[", count: 100_000)) == nil)
    }
}
