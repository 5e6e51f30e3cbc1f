import Testing
import VerneCore
import VerneGate

@Suite("JSON Pointer")
struct JSONPointerTests {
    @Test("tokens are escaped: ~ becomes ~0 and / becomes ~1")
    func escaping() {
        #expect(JSONPointer(tokens: ["traits", "a/b"]).rawValue == "/traits/a~1b")
        #expect(JSONPointer(tokens: ["m~n"]).rawValue == "/m~0n")
        #expect(JSONPointer(tokens: ["~/"]).rawValue == "/~0~1")
        #expect(JSONPointer(tokens: ["~1"]).rawValue == "/~01")
        #expect(JSONPointer(tokens: [""]).rawValue == "/")
        #expect(JSONPointer(tokens: []).rawValue == "")
        #expect(JSONPointer.root.rawValue == "")
    }

    @Test("appending escapes the new token")
    func appending() {
        let pointer = JSONPointer(tokens: ["metadata_public"]).appending("a/b~c")
        #expect(pointer.rawValue == "/metadata_public/a~1b~0c")
    }

    @Test("tokens unescape back to what was given")
    func roundTrip() {
        let tokens = ["traits", "a/b", "~0", "x~1y", ""]
        #expect(JSONPointer(tokens: tokens).tokens == tokens)
        #expect(JSONPointer.root.tokens.isEmpty)
    }

    @Test("a raw string is checked", arguments: ["", "/", "/traits/email", "/a~0b~1c", "/-"])
    func validRaw(_ text: String) throws {
        #expect(try JSONPointer(validating: text).rawValue == text)
    }

    @Test(
        "a raw string that is not a pointer is refused", arguments: ["traits", "/a~", "/a~2", "~1"])
    func invalidRaw(_ text: String) {
        let error = #expect(throws: VerneInvalidRequestError.self) {
            try JSONPointer(validating: text)
        }
        #expect(error?.argument == "path")
    }

    @Test("a pointer encodes as its string and decodes with the same check")
    func coding() throws {
        let pointer = JSONPointer(tokens: ["a/b"])
        #expect(try JSONValue(encoding: pointer) == "/a~1b")
        #expect(try JSONValue.string("/x").decode(as: JSONPointer.self) == "/x")
        #expect(throws: DecodingError.self) {
            try JSONValue.string("x").decode(as: JSONPointer.self)
        }
    }
}
