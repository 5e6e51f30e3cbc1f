import VerneCore

/// One operation of a JSON Patch (RFC 6902), the change format of
/// `identities.patch(_:_:)`.
///
/// ```swift
/// try await gate.identities.patch(id, [
///     .test("/traits/email", equals: "old@example.com"),
///     .replace("/traits/email", with: "new@example.com"),
///     .remove(JSONPointer(tokens: ["metadata_public", "legacy/flag"])),
/// ])
/// ```
///
/// Each operation encodes to the exact RFC 6902 object, for example
/// `{"op":"replace","path":"/traits/email","value":"new@example.com"}`.
public struct JSONPatchOperation: Sendable, Hashable, Encodable {
    /// The name of an operation, its `op` member.
    public enum Operation: String, Sendable, Hashable, Codable, CaseIterable {
        /// Adds a value, or replaces an object member, or inserts into an array.
        case add
        /// Removes the value at the path.
        case remove
        /// Replaces the value at the path, which must exist.
        case replace
        /// Moves the value at `from` to the path.
        case move
        /// Copies the value at `from` to the path.
        case copy
        /// Fails the whole patch unless the value at the path equals `value`.
        case test
    }

    /// The operation.
    public let operation: Operation
    /// The target location, `path`.
    public let path: JSONPointer
    /// The source location of `move` and `copy`, `from`; `nil` for the others.
    public let from: JSONPointer?
    /// The value of `add`, `replace` and `test`; `nil` for the others.
    public let value: JSONValue?

    private init(_ operation: Operation, path: JSONPointer, from: JSONPointer?, value: JSONValue?) {
        self.operation = operation
        self.path = path
        self.from = from
        self.value = value
    }

    /// Adds `value` at `path`: a new object member, a replaced member, or an array element
    /// (`-` as the last token appends).
    ///
    /// - Parameters:
    ///   - path: Where to add.
    ///   - value: The value, JSON `null` included.
    /// - Returns: The operation.
    public static func add(_ path: JSONPointer, value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(.add, path: path, from: nil, value: value)
    }

    /// Removes the value at `path`.
    ///
    /// - Parameter path: What to remove.
    /// - Returns: The operation.
    public static func remove(_ path: JSONPointer) -> JSONPatchOperation {
        JSONPatchOperation(.remove, path: path, from: nil, value: nil)
    }

    /// Replaces the value at `path`, which must exist, with `value`.
    ///
    /// - Parameters:
    ///   - path: What to replace.
    ///   - value: The new value.
    /// - Returns: The operation.
    public static func replace(_ path: JSONPointer, with value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(.replace, path: path, from: nil, value: value)
    }

    /// Moves the value at `from` to `to`.
    ///
    /// - Parameters:
    ///   - from: The source location.
    ///   - to: The target location.
    /// - Returns: The operation.
    public static func move(from: JSONPointer, to: JSONPointer) -> JSONPatchOperation {
        JSONPatchOperation(.move, path: to, from: from, value: nil)
    }

    /// Copies the value at `from` to `to`.
    ///
    /// - Parameters:
    ///   - from: The source location.
    ///   - to: The target location.
    /// - Returns: The operation.
    public static func copy(from: JSONPointer, to: JSONPointer) -> JSONPatchOperation {
        JSONPatchOperation(.copy, path: to, from: from, value: nil)
    }

    /// Makes the whole patch fail unless the value at `path` equals `value`.
    ///
    /// - Parameters:
    ///   - path: What to compare.
    ///   - value: The expected value.
    /// - Returns: The operation.
    public static func test(_ path: JSONPointer, equals value: JSONValue) -> JSONPatchOperation {
        JSONPatchOperation(.test, path: path, from: nil, value: value)
    }

    /// Adds any `Encodable` value at `path`.
    ///
    /// - Parameters:
    ///   - path: Where to add.
    ///   - value: The value, for example a struct of your own.
    /// - Returns: The operation.
    /// - Throws: ``VerneInvalidRequestError`` when the value cannot be encoded as JSON.
    public static func add(
        _ path: JSONPointer, encoding value: some Encodable
    ) throws -> JSONPatchOperation {
        .add(path, value: try Check.json(value, "value"))
    }

    /// Replaces the value at `path` with any `Encodable` value.
    ///
    /// - Parameters:
    ///   - path: What to replace.
    ///   - value: The new value.
    /// - Returns: The operation.
    /// - Throws: ``VerneInvalidRequestError`` when the value cannot be encoded as JSON.
    public static func replace(
        _ path: JSONPointer, encoding value: some Encodable
    ) throws -> JSONPatchOperation {
        .replace(path, with: try Check.json(value, "value"))
    }

    /// Tests the value at `path` against any `Encodable` value.
    ///
    /// - Parameters:
    ///   - path: What to compare.
    ///   - value: The expected value.
    /// - Returns: The operation.
    /// - Throws: ``VerneInvalidRequestError`` when the value cannot be encoded as JSON.
    public static func test(
        _ path: JSONPointer, encoding value: some Encodable
    ) throws -> JSONPatchOperation {
        .test(path, equals: try Check.json(value, "value"))
    }

    private enum CodingKeys: String, CodingKey {
        case operation = "op"
        case path
        case from
        case value
    }

    /// Encodes the RFC 6902 object: `op`, `path`, and `from` or `value` when the
    /// operation has one.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .operation)
        try container.encode(path, forKey: .path)
        try container.encodeIfPresent(from, forKey: .from)
        if let value { try container.encode(value, forKey: .value) }
    }

    /// Throws when a pointer written by hand is not a JSON Pointer.
    func validate() throws {
        try path.validate()
        try from?.validate()
    }
}
