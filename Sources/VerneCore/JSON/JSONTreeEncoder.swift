import Foundation

/// Turns an `Encodable` value into a tree of ``JSONValue``s and containers, for
/// ``JSONBodyWriter``.
///
/// It gives up (``tree(of:)`` returns `nil`) on everything `JSONEncoder` treats specially
/// or by a strategy, so that the caller can leave those values to `JSONEncoder`. Coding
/// paths are made only when a container asks for one, not for every value.
final class JSONTreeEncoder: Encoder {
    /// One encoding run: whether something was met that only `JSONEncoder` should write.
    final class Run {
        var gaveUp = false
        /// How deep the values being encoded are nested; a runaway `encode(to:)` that keeps
        /// handing the encoder itself gives up at `JSONEncoder`'s own limit.
        var depth = 0
    }

    /// What an encoder or container has written.
    enum Slot {
        case value(JSONValue)
        case object(ObjectBox)
        case array(ArrayBox)
    }

    /// The members of an object being written, in the order they were written; a name
    /// written twice keeps its last value, as in `JSONEncoder`.
    final class ObjectBox {
        var members: [(name: String, slot: Slot)] = []
    }

    /// The elements of an array being written.
    final class ArrayBox {
        var elements: [Slot] = []
    }

    let run: Run
    private let parentPath: [any CodingKey]
    private let key: (any CodingKey)?
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var slot: Slot?

    init(run: Run, parentPath: [any CodingKey], key: (any CodingKey)?) {
        self.run = run
        self.parentPath = parentPath
        self.key = key
    }

    var codingPath: [any CodingKey] { key.map { parentPath + [$0] } ?? parentPath }

    /// The tree of `value`, or `nil` when `JSONEncoder` must encode it.
    ///
    /// - Parameter value: The value.
    /// - Returns: Its JSON, or `nil`.
    static func tree(of value: any Encodable) -> Slot? {
        let run = Run()
        guard let slot = try? slot(for: value, run: run, parentPath: [], key: nil), !run.gaveUp
        else { return nil }
        return slot
    }

    /// The slot for any value: plain values directly, others through their `encode(to:)`.
    static func slot<T: Encodable>(
        for value: T, run: Run, parentPath: @autoclosure () -> [any CodingKey],
        key: (any CodingKey)?
    ) throws -> Slot {
        if let scalar = scalar(value, run: run) { return .value(scalar) }
        guard !run.gaveUp, run.depth < 512 else {
            run.gaveUp = true
            return .value(.null)
        }

        let encoder = JSONTreeEncoder(run: run, parentPath: parentPath(), key: key)
        run.depth += 1
        defer { run.depth -= 1 }
        try value.encode(to: encoder)
        guard let slot = encoder.slot else {
            run.gaveUp = true
            return .value(.null)
        }
        return slot
    }

    /// A value written without calling its `encode(to:)`, or `nil`; sets `gaveUp` for
    /// the types `JSONEncoder` writes by a strategy or a rule of its own.
    ///
    /// Types are compared by identity, which costs far less than a dynamic cast per value.
    private static func scalar<T: Encodable>(_ value: T, run: Run) -> JSONValue? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == JSONValue.self { return unsafeBitCast(value, to: JSONValue.self) }
        if T.self == Int.self { return .integer(unsafeBitCast(value, to: Int.self)) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Double.self {
            let number = unsafeBitCast(value, to: Double.self)
            if number.isFinite { return .double(number) }
            run.gaveUp = true
            return nil
        }
        if let integer = smallInteger(value) { return .integer(integer) }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self
            || T.self == Decimal.self || T.self == Float.self || T.self == UInt.self
            || T.self == UInt64.self || T.self == Int128.self || T.self == UInt128.self
        {
            run.gaveUp = true
        }
        return nil
    }

    /// The value of the fixed-width integers that always fit in `Int`.
    private static func smallInteger<T>(_ value: T) -> Int? {
        if T.self == Int64.self { return Int(unsafeBitCast(value, to: Int64.self)) }
        if T.self == Int32.self { return Int(unsafeBitCast(value, to: Int32.self)) }
        if T.self == Int16.self { return Int(unsafeBitCast(value, to: Int16.self)) }
        if T.self == Int8.self { return Int(unsafeBitCast(value, to: Int8.self)) }
        if T.self == UInt32.self { return Int(unsafeBitCast(value, to: UInt32.self)) }
        if T.self == UInt16.self { return Int(unsafeBitCast(value, to: UInt16.self)) }
        if T.self == UInt8.self { return Int(unsafeBitCast(value, to: UInt8.self)) }
        return nil
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: ObjectBox
        if case .object(let existing)? = slot {
            box = existing
        } else {
            if slot != nil { run.gaveUp = true }
            box = ObjectBox()
            slot = .object(box)
        }
        return KeyedEncodingContainer(
            KeyedContainer<Key>(box: box, run: run, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: ArrayBox
        if case .array(let existing)? = slot {
            box = existing
        } else {
            if slot != nil { run.gaveUp = true }
            box = ArrayBox()
            slot = .array(box)
        }
        return UnkeyedContainer(box: box, run: run, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    /// Stores a single value; a second one means a shape only `JSONEncoder` should judge.
    fileprivate func store(_ new: Slot) {
        if slot != nil { run.gaveUp = true }
        slot = new
    }
}

/// A key that appends an array index to a coding path.
private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }

    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONTreeEncoder.ObjectBox
    let run: JSONTreeEncoder.Run
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        box.members.append((key.stringValue, .value(.null)))
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let slot = try JSONTreeEncoder.slot(for: value, run: run, parentPath: codingPath, key: key)
        box.members.append((key.stringValue, slot))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        // Asked again for the same key, JSONEncoder hands back the same object.
        let nested: JSONTreeEncoder.ObjectBox
        switch box.members.last(where: { $0.name == key.stringValue })?.slot {
        case .object(let existing)?:
            nested = existing
        case .array?:
            run.gaveUp = true
            nested = JSONTreeEncoder.ObjectBox()
        default:
            nested = JSONTreeEncoder.ObjectBox()
            box.members.append((key.stringValue, .object(nested)))
        }
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(box: nested, run: run, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested: JSONTreeEncoder.ArrayBox
        switch box.members.last(where: { $0.name == key.stringValue })?.slot {
        case .array(let existing)?:
            nested = existing
        case .object?:
            run.gaveUp = true
            nested = JSONTreeEncoder.ArrayBox()
        default:
            nested = JSONTreeEncoder.ArrayBox()
            box.members.append((key.stringValue, .array(nested)))
        }
        return UnkeyedContainer(box: nested, run: run, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        run.gaveUp = true
        return JSONTreeEncoder(run: run, parentPath: codingPath, key: nil)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        run.gaveUp = true
        return JSONTreeEncoder(run: run, parentPath: codingPath, key: key)
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONTreeEncoder.ArrayBox
    let run: JSONTreeEncoder.Run
    let codingPath: [any CodingKey]
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.value(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = IndexKey(box.elements.count)
        box.elements.append(
            try JSONTreeEncoder.slot(for: value, run: run, parentPath: codingPath, key: index))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONTreeEncoder.ObjectBox()
        let path = codingPath + [IndexKey(box.elements.count)]
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(
            KeyedContainer<NestedKey>(box: nested, run: run, codingPath: path))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONTreeEncoder.ArrayBox()
        let path = codingPath + [IndexKey(box.elements.count)]
        box.elements.append(.array(nested))
        return UnkeyedContainer(box: nested, run: run, codingPath: path)
    }

    mutating func superEncoder() -> any Encoder {
        run.gaveUp = true
        return JSONTreeEncoder(run: run, parentPath: codingPath, key: nil)
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.store(.value(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.store(
            try JSONTreeEncoder.slot(
                for: value, run: encoder.run, parentPath: encoder.codingPath, key: nil))
    }
}
