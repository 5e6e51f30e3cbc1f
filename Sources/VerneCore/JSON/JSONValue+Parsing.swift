import Foundation

extension JSONValue: JSONParsingTarget {
    /// `.integer` for a number written without a fraction or an exponent that fits in
    /// `Int`, otherwise `.double`; `nil` when the number is too large for a `Double`.
    static func number(_ text: UnsafeRawBufferPointer, isIntegral: Bool) -> JSONValue? {
        if isIntegral, let integer = integer(text) { return .integer(integer) }
        guard let double = Double(String(decoding: text, as: UTF8.self)), double.isFinite else {
            return nil
        }
        return .double(double)
    }

    /// The value of `-?[0-9]+` (never empty), or `nil` when it does not fit in `Int`.
    private static func integer(_ text: UnsafeRawBufferPointer) -> Int? {
        let negative = text[0] == UInt8(ascii: "-")
        var value = 0
        for position in (negative ? 1 : 0)..<text.count {
            let digit = Int(text[position] &- UInt8(ascii: "0"))
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            let (next, carry) =
                negative
                ? shifted.subtractingReportingOverflow(digit)
                : shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = next
        }
        return value
    }

    /// Room for a signed token's claims, so that reading them never grows the table.
    static func emptyMembers() -> [String: JSONValue] { Dictionary(minimumCapacity: 16) }

    static func add(
        _ name: String, _ value: JSONValue, to members: inout [String: JSONValue],
        duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> Bool {
        switch duplicateNames {
        case .refused: return members.updateValue(value, forKey: name) == nil
        case .lastWins:
            members[name] = value
            return true
        }
    }

    static func finishObject(
        _ members: [String: JSONValue], duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> JSONValue? {
        .object(members)
    }
}

extension JSONValue {
    /// Parses one JSON document strictly (RFC 8259), without Foundation's coders.
    ///
    /// A number written without a fraction or an exponent that fits in `Int` becomes
    /// ``integer(_:)``, any other ``double(_:)``; a number too large for a `Double` is
    /// refused.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - options: How deep values may nest and what a repeated member name means.
    /// - Throws: ``JSONSyntaxError`` when `bytes` is not exactly one JSON document.
    package init(parsing bytes: [UInt8], options: JSONParsingOptions) throws(JSONSyntaxError) {
        self = try bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in
                try JSONParser<JSONValue>.parse(buffer, options: options)
            }
        }.get()
    }

    /// Parses one JSON document strictly (RFC 8259), without Foundation's coders.
    ///
    /// The same as reading the bytes of `data` as an array.
    ///
    /// - Parameters:
    ///   - data: The UTF-8 text.
    ///   - options: How deep values may nest and what a repeated member name means.
    /// - Throws: ``JSONSyntaxError`` when `data` is not exactly one JSON document.
    package init(parsing data: Data, options: JSONParsingOptions) throws(JSONSyntaxError) {
        self = try data.withUnsafeBytes { buffer in
            Result { () throws(JSONSyntaxError) in
                try JSONParser<JSONValue>.parse(buffer, options: options)
            }
        }.get()
    }
}
