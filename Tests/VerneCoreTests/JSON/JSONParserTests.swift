import Foundation
import Testing

@testable import VerneCore

@Suite("JSON parser")
struct JSONParserTests {
    static let lenient = JSONParsingOptions(maximumDepth: 64, duplicateNames: .lastWins)
    static let strict = JSONParsingOptions(maximumDepth: 64, duplicateNames: .refused)

    static func value(
        _ text: String, _ options: JSONParsingOptions = lenient
    ) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(parsing: Array(text.utf8), options: options)
    }

    static func node(
        _ text: String, _ options: JSONParsingOptions = strict
    ) throws(JSONSyntaxError) -> JSONNode {
        try Array(text.utf8).withUnsafeBytes { bytes in
            Result { () throws(JSONSyntaxError) in
                try JSONParser<JSONNode>.parse(bytes, options: options)
            }
        }.get()
    }

    static func failure(
        _ text: String, _ options: JSONParsingOptions = lenient
    ) -> JSONSyntaxError? {
        do {
            _ = try value(text, options)
            return nil
        } catch {
            return error
        }
    }

    static func nested(_ depth: Int) -> String {
        String(repeating: #"{"a":["#, count: depth / 2) + (depth % 2 == 1 ? "[1]" : "1")
            + String(repeating: "]}", count: depth / 2)
    }

    /// The members' names and numbers' text of a node, to compare trees.
    static func summary(_ node: JSONNode) -> String {
        switch node {
        case .null: return "null"
        case .bool(let flag): return "\(flag)"
        case .number(let text): return "#\(text)"
        case .string(let text): return "'\(text)'"
        case .array(let elements): return "[" + elements.map(summary).joined(separator: ",") + "]"
        case .object(let members):
            let text = members.map { "\($0.name):\(summary($0.node))" }
            return "{" + text.joined(separator: ",") + "}"
        }
    }

    @Test("the deepest nesting allowed is read, one level more is refused where it starts")
    func maximumDepth() throws {
        for depth in [1, 2, 7, 8] {
            let options = JSONParsingOptions(maximumDepth: depth, duplicateNames: .refused)
            let deeper = Self.nested(depth + 1)

            #expect(throws: Never.self) { try Self.value(Self.nested(depth), options) }
            #expect(throws: Never.self) { try Self.node(Self.nested(depth), options) }
            let error = Self.failure(deeper, options)
            #expect(error?.reason == "nesting too deep")
            let innermost = Array(deeper.utf8).firstIndex(of: UInt8(ascii: "1"))! - 1
            #expect(error?.offset == innermost)
            #expect(throws: JSONSyntaxError.self) { try Self.node(deeper, options) }
        }
    }

    @Test("arrays and objects count alike; a scalar inside the deepest allowed one is read")
    func depthCountsContainers() throws {
        let options = JSONParsingOptions(maximumDepth: 3, duplicateNames: .refused)
        let tooDeep = JSONSyntaxError(reason: "nesting too deep", offset: 3)

        #expect(try Self.value(#"[[{"a":1}]]"#, options) == [[["a": 1]]])
        #expect(Self.failure("[[[[]]]]", options) == tooDeep)
        #expect(Self.failure("[[[{}]]]", options) == tooDeep)
        #expect(throws: JSONSyntaxError.self) { try Self.node(#"{"a":{"b":{"c":{}}}}"#, options) }
    }

    @Test("a repeated name is refused when the options refuse it, in every object")
    func duplicatesRefused() {
        for text in [
            #"{"a":1,"a":2}"#, #"{"a":1,"\u0061":2}"#, #"{"o":{"b":1,"b":1}}"#,
            #"[{"a":1},{"b":1,"c":2,"d":3,"e":4,"f":5,"g":6,"h":7,"i":8,"j":9,"b":0}]"#,
        ] {
            #expect(Self.failure(text, Self.strict)?.reason == "repeated member name")
            #expect(throws: JSONSyntaxError.self) { try Self.node(text, Self.strict) }
        }
        #expect(throws: Never.self) { try Self.value(#"{"a":{"a":1},"b":{"a":2}}"#, Self.strict) }
        #expect(throws: Never.self) { try Self.node(#"{"a":{"a":1},"b":{"a":2}}"#, Self.strict) }
    }

    @Test("a repeated name keeps its last value when the options say so")
    func duplicatesLastWins() throws {
        let many = (0..<10).map { #""k\#($0)":\#($0)"# }.joined(separator: ",")

        #expect(try Self.value(#"{"a":1,"b":2,"a":3}"#) == ["a": 3, "b": 2])
        #expect(try Self.value(#"{"o":{"a":"x","\u0061":"y"}}"#) == ["o": ["a": "y"]])
        #expect(
            Self.summary(try Self.node(#"{"a":1,"b":2,"a":3}"#, Self.lenient)) == "{b:#2,a:#3}")
        #expect(
            Self.summary(try Self.node("{\(many),\"k3\":true}", Self.lenient))
                == "{k0:#0,k1:#1,k2:#2,k4:#4,k5:#5,k6:#6,k7:#7,k8:#8,k9:#9,k3:true}")
    }

    @Test("numbers become integers when written whole and in range, doubles otherwise")
    func numbers() throws {
        let parsed = try Self.value(
            #"[0, -0, 42, -7, 9223372036854775807, -9223372036854775808, 9223372036854775808,"#
                + #" -9223372036854775809, 1.0, 1e3, -2.5E-1, 123456789012345678901234567890]"#)

        #expect(
            parsed == [
                .integer(0), .integer(0), .integer(42), .integer(-7), .integer(.max),
                .integer(.min), .double(9_223_372_036_854_775_808),
                .double(-9_223_372_036_854_775_808), .double(1), .double(1000), .double(-0.25),
                .double(1.234_567_890_123_456_789e29),
            ])
        let outOfRange = JSONSyntaxError(reason: "number out of range", offset: 6)

        #expect(Self.failure("[1e999]") == outOfRange)
        #expect(Self.failure("-1e999") == outOfRange)
    }

    @Test("a tree keeps numbers as written, also those too large for a Double")
    func treeNumbers() throws {
        let node = try Self.node(#"{"a":[1.0,-0,1e999,12345678901234567890]}"#)

        #expect(Self.summary(node) == "{a:[#1.0,#-0,#1e999,#12345678901234567890]}")
    }

    @Test("strings resolve escapes and keep UTF-8 as written")
    func strings() throws {
        let parsed = try Self.value(
            #"["\"\\\/\b\f\n\r\t", "\u00e9\u4E2D\ud83d\ude00", "é中😀", "", "\u0000"]"#)

        #expect(parsed == ["\"\\/\u{8}\u{C}\n\r\t", "é中😀", "é中😀", "", "\u{0}"])
    }

    @Test(
        "a refusal says why and at which byte",
        arguments: [
            ("", "unexpected end of input", 0),
            ("  ", "unexpected end of input", 2),
            ("\u{FEFF}{}", "unexpected character", 0),
            ("{} x", "text after the JSON value", 3),
            ("[1,]", "unexpected character", 3),
            ("[1 2]", "expected ',' or ']'", 3),
            (#"{"a" 1}"#, "expected ':'", 5),
            (#"{"a":1,}"#, "expected a member name", 7),
            (#"{"a":1"#, "unexpected end of input", 6),
            (#"{"a":1]"#, "expected ',' or '}'", 6),
            ("tru", "unexpected end of input", 0),
            ("trux", "unexpected word", 0),
            ("-x", "bad number", 1),
            ("1.", "bad number", 2),
            ("1e+", "bad number", 3),
            (#""abc"#, "unterminated string", 4),
            ("\"a\tb\"", "control character in a string", 2),
            (#""\x""#, "bad escape", 3),
            (#""\u12G4""#, "bad escape", 5),
            (#""\u12"#, "unterminated escape", 3),
            (#""\ud800""#, "lone surrogate", 7),
            (#""\ud800\u0041""#, "lone surrogate", 13),
            (#""\udc00""#, "lone surrogate", 7),
        ])
    func failures(text: String, reason: String, offset: Int) {
        #expect(Self.failure(text) == JSONSyntaxError(reason: reason, offset: offset))
    }

    @Test("invalid UTF-8 is refused, in plain and escaped strings")
    func invalidUTF8() {
        let plain: [UInt8] = Array(#"[""#.utf8) + [0xC3, 0x28] + Array(#""]"#.utf8)
        let escaped: [UInt8] = Array(#"["\n"#.utf8) + [0xC0, 0xAF] + Array(#""]"#.utf8)

        #expect(throws: JSONSyntaxError(reason: "invalid UTF-8", offset: 4)) {
            try JSONValue(parsing: plain, options: Self.lenient)
        }
        #expect(throws: JSONSyntaxError(reason: "invalid UTF-8", offset: 7)) {
            try JSONValue(parsing: Data(escaped), options: Self.lenient)
        }
    }

    @Test("Data and byte arrays read alike")
    func dataAndBytes() throws {
        let text = #"{"id":"msg_1","n":[1,2.5,null,true]}"#

        let fromData = try JSONValue(parsing: Data(text.utf8), options: Self.lenient)

        #expect(fromData == (try Self.value(text)))
        #expect(fromData == ["id": "msg_1", "n": [1, 2.5, nil, true]])
    }
}
