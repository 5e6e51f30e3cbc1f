import Foundation

/// Decodes response bodies without `JSONDecoder` when the outcome is certain to be the
/// same, for ``ResponseDecoding``.
///
/// `JSONDecoder` costs more per call than everything else the SDK adds to an HTTP
/// exchange. This decoder reads a ``JSONParser`` tree and succeeds only where it can
/// give exactly the value `JSONCoding.decoder` gives: strings, Booleans, `Int`, `Double`,
/// the smaller integer types, RFC 3339 `Date`s, ``JSONValue``, and any `Decodable` built
/// from those with keyed, unkeyed and single-value containers. On anything else — a
/// missing key, a value of another kind, a number it would have to round, `Data`, `URL`,
/// `Decimal`, a super decoder — it does not throw into the type's `init(from:)`: it gives
/// up, and ``decode(_:from:)`` returns `nil` so that the caller asks `JSONDecoder`, which
/// decodes the value or reports the error in its own words.
package final class JSONTreeDecoder: Decoder {
    /// One decoding run: whether something was met that only `JSONDecoder` should decide.
    final class Run {
        var gaveUp = false
    }

    /// Thrown to leave a type's `init(from:)` once the run has given up.
    struct GiveUp: Error {}

    /// What the parser accepts: `JSONDecoder`'s depth limit, and no repeated member name,
    /// since which of two equal names `JSONDecoder` keeps is its own business.
    static let parsingOptions = JSONParsingOptions(maximumDepth: 512, duplicateNames: .refused)

    let node: JSONNode
    let run: Run
    package let codingPath: [any CodingKey]
    package var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: JSONNode, run: Run, codingPath: [any CodingKey]) {
        self.node = node
        self.run = run
        self.codingPath = codingPath
    }

    /// `T` decoded from `data`, or `nil` when `JSONDecoder` must decode it.
    ///
    /// - Parameters:
    ///   - type: The type.
    ///   - data: The body.
    /// - Returns: The value, or `nil`.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        let parsed = data.withUnsafeBytes { bytes in
            try? JSONParser<JSONNode>.parse(bytes, options: parsingOptions)
        }
        guard let node = parsed else { return nil }
        let run = Run()
        guard let value = try? decode(T.self, from: node, run: run, codingPath: []), !run.gaveUp
        else { return nil }
        return value
    }

    /// Gives up the run and leaves the type's decoding.
    static func giveUp(_ run: Run) -> GiveUp {
        run.gaveUp = true
        return GiveUp()
    }

    /// `T` decoded from one node: plain types here, others by their `init(from:)`.
    ///
    /// Types are compared by identity, which costs far less than a dynamic cast.
    static func decode<T: Decodable>(
        _ type: T.Type, from node: JSONNode, run: Run,
        codingPath: @autoclosure () -> [any CodingKey]
    ) throws -> T {
        if T.self == String.self {
            guard case .string(let text) = node else { throw giveUp(run) }
            return unsafeBitCast(text, to: T.self)
        }
        if T.self == Int.self {
            return unsafeBitCast(try integer(Int.self, node, run), to: T.self)
        }
        if T.self == Bool.self {
            guard case .bool(let flag) = node else { throw giveUp(run) }
            return unsafeBitCast(flag, to: T.self)
        }
        if T.self == Date.self {
            guard case .string(let text) = node, let date = RFC3339.date(from: text) else {
                throw giveUp(run)
            }
            return unsafeBitCast(date, to: T.self)
        }
        if T.self == Double.self {
            guard case .number(let text) = node, let number = Double(text), number.isFinite else {
                throw giveUp(run)
            }
            return unsafeBitCast(number, to: T.self)
        }
        if T.self == JSONValue.self { return unsafeBitCast(try jsonValue(node, run), to: T.self) }
        if T.self == Int64.self {
            return unsafeBitCast(try integer(Int64.self, node, run), to: T.self)
        }
        if T.self == Int32.self {
            return unsafeBitCast(try integer(Int32.self, node, run), to: T.self)
        }
        if T.self == Int16.self {
            return unsafeBitCast(try integer(Int16.self, node, run), to: T.self)
        }
        if T.self == Int8.self {
            return unsafeBitCast(try integer(Int8.self, node, run), to: T.self)
        }
        if T.self == UInt32.self {
            return unsafeBitCast(try integer(UInt32.self, node, run), to: T.self)
        }
        if T.self == UInt16.self {
            return unsafeBitCast(try integer(UInt16.self, node, run), to: T.self)
        }
        if T.self == UInt8.self {
            return unsafeBitCast(try integer(UInt8.self, node, run), to: T.self)
        }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self
            || T.self == Float.self || T.self == UInt.self || T.self == UInt64.self
            || T.self == Int128.self || T.self == UInt128.self || run.gaveUp
        {
            throw giveUp(run)
        }
        if let readable = T.self as? any JSONObjectDecodable.Type {
            guard case .object(let members) = node,
                let value = readable.init(reading: JSONObjectReader(members: members)) as? T
            else { throw giveUp(run) }
            return value
        }
        return try T(from: JSONTreeDecoder(node: node, run: run, codingPath: codingPath()))
    }

    /// A whole number written without a fraction or exponent, in the type's range.
    private static func integer<I: FixedWidthInteger>(
        _ type: I.Type, _ node: JSONNode, _ run: Run
    ) throws -> I {
        guard case .number(let text) = node, let number = I(text) else { throw giveUp(run) }
        return number
    }

    /// A ``JSONValue`` as its `init(from:)` reads it from `JSONDecoder`.
    ///
    /// A number is `.integer` when `Int` can read it, otherwise `.double`. A number with a
    /// fraction or an exponent whose value is whole is left to `JSONDecoder`, which may
    /// read it as an `Int`.
    private static func jsonValue(_ node: JSONNode, _ run: Run) throws -> JSONValue {
        switch node {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .array(let elements): return .array(try elements.map { try jsonValue($0, run) })
        case .object(let members):
            var object: [String: JSONValue] = [:]
            object.reserveCapacity(members.count)
            for member in members { object[member.name] = try jsonValue(member.node, run) }
            return .object(object)
        case .number(let text):
            if let integer = Int(text) { return .integer(integer) }
            guard let number = Double(text), number.isFinite else { throw giveUp(run) }
            let written = text.utf8.contains {
                $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e")
            }
            guard !written || number.rounded(.towardZero) != number else { throw giveUp(run) }
            return .double(number)
        }
    }

    package func container<Key: CodingKey>(
        keyedBy type: Key.Type
    ) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let members) = node else { throw Self.giveUp(run) }
        return KeyedDecodingContainer(
            KeyedContainer<Key>(members: members, run: run, codingPath: codingPath))
    }

    package func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = node else { throw Self.giveUp(run) }
        return UnkeyedContainer(elements: elements, run: run, codingPath: codingPath)
    }

    package func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self)
    }
}

/// A key that appends an array index to a coding path.
private struct ElementKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let members: [(name: String, node: JSONNode)]
    let run: JSONTreeDecoder.Run
    let codingPath: [any CodingKey]

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.name) } }

    /// The member named `name`: objects in answers are small, so a scan beats hashing.
    private func lookUp(_ name: String) -> JSONNode? {
        for member in members where member.name == name { return member.node }
        return nil
    }

    func contains(_ key: Key) -> Bool { lookUp(key.stringValue) != nil }

    private func member(_ key: Key) throws -> JSONNode {
        guard let node = lookUp(key.stringValue) else { throw JSONTreeDecoder.giveUp(run) }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = try member(key) { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try JSONTreeDecoder.decode(
            T.self, from: try member(key), run: run, codingPath: codingPath + [key])
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) throws -> KeyedDecodingContainer<NestedKey> {
        guard case .object(let nested) = try member(key) else { throw JSONTreeDecoder.giveUp(run) }
        return KeyedDecodingContainer(
            KeyedContainer<NestedKey>(members: nested, run: run, codingPath: codingPath + [key]))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        guard case .array(let nested) = try member(key) else { throw JSONTreeDecoder.giveUp(run) }
        return UnkeyedContainer(elements: nested, run: run, codingPath: codingPath + [key])
    }

    func superDecoder() throws -> any Decoder { throw JSONTreeDecoder.giveUp(run) }

    func superDecoder(forKey key: Key) throws -> any Decoder { throw JSONTreeDecoder.giveUp(run) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let elements: [JSONNode]
    let run: JSONTreeDecoder.Run
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(elements: [JSONNode], run: JSONTreeDecoder.Run, codingPath: [any CodingKey]) {
        self.elements = elements
        self.run = run
        self.codingPath = codingPath
    }

    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    private func current() throws -> JSONNode {
        guard !isAtEnd else { throw JSONTreeDecoder.giveUp(run) }
        return elements[currentIndex]
    }

    mutating func decodeNil() throws -> Bool {
        guard case .null = try current() else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let node = try current()
        let path = codingPath
        let index = currentIndex
        let value = try JSONTreeDecoder.decode(
            T.self, from: node, run: run, codingPath: path + [ElementKey(index)])
        currentIndex += 1
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type
    ) throws -> KeyedDecodingContainer<NestedKey> {
        guard case .object(let nested) = try current() else { throw JSONTreeDecoder.giveUp(run) }
        let path = codingPath + [ElementKey(currentIndex)]
        currentIndex += 1
        return KeyedDecodingContainer(
            KeyedContainer<NestedKey>(members: nested, run: run, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let nested) = try current() else { throw JSONTreeDecoder.giveUp(run) }
        let path = codingPath + [ElementKey(currentIndex)]
        currentIndex += 1
        return UnkeyedContainer(elements: nested, run: run, codingPath: path)
    }

    mutating func superDecoder() throws -> any Decoder { throw JSONTreeDecoder.giveUp(run) }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONTreeDecoder
    var codingPath: [any CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool {
        if case .null = decoder.node { return true }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONTreeDecoder.decode(
            T.self, from: decoder.node, run: decoder.run, codingPath: decoder.codingPath)
    }
}
