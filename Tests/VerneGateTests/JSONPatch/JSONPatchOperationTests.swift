import Foundation
import Testing
import VerneCore
import VerneGate

@Suite("JSON Patch operations")
struct JSONPatchOperationTests {
    /// The JSON text an operation encodes to, keys sorted as the SDK sends them.
    private func json(_ operation: JSONPatchOperation) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(operation), as: UTF8.self)
    }

    @Test("each operation encodes to its exact RFC 6902 object")
    func encoding() throws {
        #expect(
            try json(.add("/traits/locale", value: "fr"))
                == #"{"op":"add","path":"/traits/locale","value":"fr"}"#)
        #expect(try json(.remove("/traits/locale")) == #"{"op":"remove","path":"/traits/locale"}"#)
        #expect(
            try json(.replace("/traits/email", with: "b@example.com"))
                == #"{"op":"replace","path":"/traits/email","value":"b@example.com"}"#)
        #expect(try json(.move(from: "/a", to: "/b")) == #"{"from":"/a","op":"move","path":"/b"}"#)
        #expect(try json(.copy(from: "/a", to: "/b")) == #"{"from":"/a","op":"copy","path":"/b"}"#)
        #expect(try json(.test("/n", equals: 5)) == #"{"op":"test","path":"/n","value":5}"#)
    }

    @Test("a null value is sent, not left out")
    func nullValue() throws {
        #expect(try json(.add("/a", value: nil)) == #"{"op":"add","path":"/a","value":null}"#)
        #expect(
            try json(.replace("/a", with: .null)) == #"{"op":"replace","path":"/a","value":null}"#)
    }

    @Test("escaped tokens reach the wire escaped once")
    func escapedPath() throws {
        let operation = JSONPatchOperation.remove(JSONPointer(tokens: ["metadata_public", "a/b"]))
        #expect(try json(operation) == #"{"op":"remove","path":"/metadata_public/a~1b"}"#)
    }

    @Test("an Encodable value is converted to JSON")
    func encodableValue() throws {
        struct Address: Encodable {
            var city: String
            var zip: Int
        }
        let operation = try JSONPatchOperation.add(
            "/traits/address", encoding: Address(city: "Nantes", zip: 44000))
        #expect(operation.value == ["city": "Nantes", "zip": 44000])
        #expect(try JSONPatchOperation.replace("/n", encoding: [1, 2]).value == [1, 2])
        #expect(try JSONPatchOperation.test("/s", encoding: "x").operation == .test)
    }

    @Test("a value that is not JSON is refused before sending")
    func unencodableValue() {
        let error = #expect(throws: VerneInvalidRequestError.self) {
            try JSONPatchOperation.add("/n", encoding: Double.nan)
        }
        #expect(error?.argument == "value")
    }

    @Test("the members read back what was built")
    func members() {
        let move = JSONPatchOperation.move(from: "/a", to: "/b")
        #expect(move.operation == .move)
        #expect(move.from == "/a")
        #expect(move.path == "/b")
        #expect(move.value == nil)
        #expect(
            JSONPatchOperation.Operation.allCases.map(\.rawValue) == [
                "add", "remove", "replace", "move", "copy", "test",
            ])
    }
}
