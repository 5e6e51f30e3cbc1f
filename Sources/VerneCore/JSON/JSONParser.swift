/// The package's one strict RFC 8259 parser.
///
/// It reads exactly one JSON value in UTF-8, with optional whitespace around it, and
/// refuses everything else: a byte-order mark or another encoding, comments, trailing
/// commas, `NaN`, unescaped control characters, invalid UTF-8, a lone surrogate escape,
/// nesting deeper than the options allow, and, when the options say so, a member name
/// that appears twice in one object.
///
/// The package's own readers of JSON all go through it, each with its options:
/// ``JSONTreeDecoder`` builds ``JSONNode``s (numbers kept as text) and leaves a body it
/// refuses to `JSONDecoder`; signed tokens and the emulator build ``JSONValue``s through
/// ``JSONValue/init(parsing:options:)``. A failure says what was wrong and at which byte,
/// for the callers that report it; noting it costs nothing until then.
struct JSONParser<Target: JSONParsingTarget> {
    private let bytes: UnsafeRawBufferPointer
    private let options: JSONParsingOptions
    private var index = 0
    private var depth = 0
    private var failureReason: StaticString = "invalid JSON"
    private var failureOffset = 0

    private init(bytes: UnsafeRawBufferPointer, options: JSONParsingOptions) {
        self.bytes = bytes
        self.options = options
    }

    /// The document in `bytes`.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - options: How deep values may nest and what a repeated name means.
    /// - Returns: The value.
    /// - Throws: ``JSONSyntaxError`` when `bytes` is not exactly one JSON value.
    static func parse(
        _ bytes: UnsafeRawBufferPointer, options: JSONParsingOptions
    ) throws(JSONSyntaxError) -> Target {
        var parser = JSONParser(bytes: bytes, options: options)
        guard let value = parser.value() else {
            throw JSONSyntaxError(
                reason: "\(parser.failureReason)", offset: parser.failureOffset)
        }

        parser.skipWhitespace()
        guard parser.index == bytes.count else {
            throw JSONSyntaxError(reason: "text after the JSON value", offset: parser.index)
        }
        return value
    }

    /// Notes why reading stopped here, for the error; returns `nil` to pass up.
    private mutating func fail<T>(_ reason: StaticString) -> T? {
        note(reason)
        return nil
    }

    /// Notes why reading stopped here, for the error.
    private mutating func note(_ reason: StaticString) {
        failureReason = reason
        failureOffset = index
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value() -> Target? {
        skipWhitespace()
        guard index < bytes.count else { return fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(Target.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ word: StaticString, _ value: Target) -> Target? {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return fail("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            return fail("unexpected word")
        }
        index += count
        return value
    }

    private mutating func object() -> Target? {
        guard depth < options.maximumDepth else { return fail("nesting too deep") }
        depth += 1
        defer { depth -= 1 }
        index += 1

        var members = Target.emptyMembers()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return Target.finishObject(members, duplicateNames: options.duplicateNames)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                return fail("expected a member name")
            }
            guard let name = string() else { return nil }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                return fail("expected ':'")
            }
            index += 1
            guard let member = value() else { return nil }
            guard Target.add(name, member, to: &members, duplicateNames: options.duplicateNames)
            else { return fail("repeated member name") }

            skipWhitespace()
            guard index < bytes.count else { return fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "}") else { return fail("expected ',' or '}'") }
            guard let object = Target.finishObject(members, duplicateNames: options.duplicateNames)
            else { return fail("repeated member name") }
            index += 1
            return object
        }
    }

    private mutating func array() -> Target? {
        guard depth < options.maximumDepth else { return fail("nesting too deep") }
        depth += 1
        defer { depth -= 1 }
        index += 1

        var elements: [Target] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipWhitespace()
            guard index < bytes.count else { return fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard bytes[index] == UInt8(ascii: "]") else { return fail("expected ',' or ']'") }
            index += 1
            return .array(elements)
        }
    }

    /// A string starting at the opening quote.
    ///
    /// The common case, no escape, makes the string from the bytes in place; ASCII needs no
    /// UTF-8 validation, which is the costly part. The first backslash hands over to
    /// ``escapedString(from:)``.
    private mutating func string() -> String? {
        index += 1
        let start = index

        // Scans through the base pointer, which the buffer's subscript would check for nil
        // at every byte; `anyByte` gathers the bits of every byte, below 0x80 for ASCII.
        var anyByte: UInt8 = 0
        if let base = bytes.baseAddress {
            var position = index
            while position < bytes.count {
                let byte = base.load(fromByteOffset: position, as: UInt8.self)
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
                anyByte |= byte
                position += 1
            }
            index = position
        }
        guard index < bytes.count else { return fail("unterminated string") }

        switch bytes[index] {
        case UInt8(ascii: "\""):
            let raw = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
            if anyByte < 0x80 {
                index += 1
                return String(decoding: raw, as: UTF8.self)
            }
            guard let text = String(validating: raw, as: UTF8.self) else {
                return fail("invalid UTF-8")
            }
            index += 1
            return text
        case UInt8(ascii: "\\"):
            return escapedString(from: start)
        default:
            return fail("control character in a string")
        }
    }

    /// The rest of a string whose text starts at `start`, from its first backslash.
    private mutating func escapedString(from start: Int) -> String? {
        var utf8 = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    return fail("invalid UTF-8")
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                guard escape(into: &utf8) else { return nil }
            case 0..<0x20:
                return fail("control character in a string")
            default:
                utf8.append(byte)
                index += 1
            }
        }
        return fail("unterminated string")
    }

    /// Reads the escape after a backslash and appends its UTF-8.
    private mutating func escape(into utf8: inout [UInt8]) -> Bool {
        guard index < bytes.count else {
            note("unterminated escape")
            return false
        }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            guard let scalar = unicodeEscape() else { return false }
            utf8.append(contentsOf: scalar.utf8)
        default:
            note("bad escape")
            return false
        }
        return true
    }

    /// Reads `XXXX` after `\u`, and the low surrogate's escape after a high one.
    private mutating func unicodeEscape() -> Unicode.Scalar? {
        guard var scalar = hexQuad() else { return nil }
        if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                bytes[index + 1] == UInt8(ascii: "u")
            else { return fail("lone surrogate") }
            index += 2
            guard let low = hexQuad() else { return nil }
            guard (0xDC00..<0xE000).contains(low) else { return fail("lone surrogate") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            return fail("lone surrogate")
        }
        guard let unicode = Unicode.Scalar(scalar) else { return fail("bad escape") }
        return unicode
    }

    private mutating func hexQuad() -> UInt32? {
        guard index + 4 <= bytes.count else { return fail("unterminated escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return fail("bad escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number by the JSON grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    private mutating func number() -> Target? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
        } else if !isDigit(bytes[index]) {
            return fail("unexpected character")
        }
        guard index < bytes.count, isDigit(bytes[index]) else { return fail("bad number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits()
        }

        var isIntegral = true
        if peek(UInt8(ascii: ".")) {
            isIntegral = false
            index += 1
            guard skipDigits() else { return fail("bad number") }
        }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            isIntegral = false
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard skipDigits() else { return fail("bad number") }
        }

        let text = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
        guard let number = Target.number(text, isIntegral: isIntegral) else {
            return fail("number out of range")
        }
        return number
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Skips digits; `false` when there is none.
    @discardableResult
    private mutating func skipDigits() -> Bool {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index > start
    }
}
