import Foundation
import Testing
import VerneCore

@testable import VerneTesting

@Suite("Emulator JSON reader")
struct EmulatorJSONReaderTests {
    static func read(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try EmulatorJSONReader.parse(Data(text.utf8))
    }

    @Test("a repeated member name keeps its last value")
    func lastValueWins() throws {
        #expect(try Self.read(#"{"now":"a","now":"b"}"#) == ["now": "b"])
    }

    @Test("nesting is read up to the reader's limit")
    func depth() throws {
        let limit = EmulatorJSONReader.maximumDepth
        let deepest = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        let deeper = "[" + deepest + "]"

        #expect(throws: Never.self) { try Self.read(deepest) }
        #expect(throws: JSONSyntaxError(reason: "nesting too deep", offset: limit)) {
            try Self.read(deeper)
        }
    }

    @Test("a refusal gives the reason the 400 message ends with")
    func reason() {
        #expect(throws: JSONSyntaxError(reason: "text after the JSON value", offset: 3)) {
            try Self.read("{} {}")
        }
    }
}
