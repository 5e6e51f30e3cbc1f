import Foundation

/// An open JSON value: payloads, traits, metadata and raw answers.
///
/// `JSONValue` can be written as a Swift literal, so a payload reads like the JSON it
/// becomes:
///
/// ```swift
/// let payload: JSONValue = ["id": "usr_123", "plan": "pro", "seats": 5, "trial": false]
/// ```
///
/// Integers and floating-point numbers are kept apart so that `5` stays `5` on the wire.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without a fraction or exponent that fits in `Int`.
    case integer(Int)
    /// Any other number.
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered list of values.
    case array([JSONValue])
    /// An object; member order is not significant.
    case object([String: JSONValue])
}

extension JSONValue {
    /// The string, when this value is a string.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The Boolean, when this value is `true` or `false`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer, when this value is a whole number.
    public var intValue: Int? {
        switch self {
        case .integer(let value): return value
        case .double(let value):
            guard value.rounded() == value, let exact = Int(exactly: value) else { return nil }
            return exact
        default: return nil
        }
    }

    /// The number as a `Double`, when this value is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }

    /// The elements, when this value is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, when this value is an object.
    public var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// Whether this value is JSON `null`.
    public var isNull: Bool { self == .null }

    /// The member named `key` when this value is an object, otherwise `nil`.
    public subscript(key: String) -> JSONValue? {
        objectValue?[key]
    }

    /// The element at `index` when this value is an array and the index is in range.
    public subscript(index: Int) -> JSONValue? {
        guard let array = arrayValue, array.indices.contains(index) else { return nil }
        return array[index]
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    ///
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` when the input is not JSON.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
            return
        }

        // A Decoder cannot say what kind of value comes next, so kinds are tried in turn,
        // and every wrong guess costs a thrown DecodingError (about a microsecond with
        // JSONDecoder). Strings, the most frequent kind, go first; when that guess is
        // wrong, JSONDecoder's message names the kind it found, which is tried next.
        // Every kind is still tried before giving up, and JSONDecoder never converts
        // between kinds, so the hint changes only the speed, never the result.
        let order: [Kind]
        do {
            self = .string(try container.decode(String.self))
            return
        } catch DecodingError.typeMismatch(_, let context) {
            order = Kind.order(hint: context.debugDescription)
        } catch {
            order = Kind.order(hint: "")
        }

        for kind in order {
            if let value = kind.attempt(container) {
                self = value
                return
            }
        }
        throw DecodingError.dataCorruptedError(
            in: container, debugDescription: "Not a JSON value.")
    }

    /// Encodes the value as the JSON it stands for.
    ///
    /// - Parameter encoder: The encoder to write to.
    /// - Throws: `EncodingError` when a number is not finite.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()

        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// A kind of JSON value other than a string or `null`, tried while decoding.
private enum Kind {
    case integer, double, bool, object, array

    /// The kinds in the order to try them, the one a decoder's message names first.
    static func order(hint: String) -> [Kind] {
        if hint.hasSuffix("found a dictionary instead.") {
            return [.object, .array, .integer, .double, .bool]
        }
        if hint.hasSuffix("found an array instead.") {
            return [.array, .object, .integer, .double, .bool]
        }
        if hint.hasSuffix("found bool instead.") {
            return [.bool, .integer, .double, .object, .array]
        }
        return [.integer, .double, .bool, .object, .array]
    }

    /// The value when it is of this kind.
    func attempt(_ container: any SingleValueDecodingContainer) -> JSONValue? {
        switch self {
        case .integer: return (try? container.decode(Int.self)).map(JSONValue.integer)
        case .double: return (try? container.decode(Double.self)).map(JSONValue.double)
        case .bool: return (try? container.decode(Bool.self)).map(JSONValue.bool)
        case .object:
            return (try? container.decode([String: JSONValue].self)).map(JSONValue.object)
        case .array: return (try? container.decode([JSONValue].self)).map(JSONValue.array)
        }
    }
}

extension JSONValue {
    /// Converts any `Encodable` value into a `JSONValue`.
    ///
    /// - Parameter value: The value to convert; it must encode to valid JSON.
    /// - Throws: `EncodingError` when the value cannot be encoded.
    public init(encoding value: some Encodable) throws {
        if let json = value as? JSONValue {
            self = json
            return
        }
        let data = try JSONCoding.encoder.encode(value)
        self = try JSONCoding.decoder.decode(JSONValue.self, from: data)
    }

    /// Decodes this value into a `Decodable` type.
    ///
    /// - Parameter type: The type to produce.
    /// - Returns: The decoded value.
    /// - Throws: `DecodingError` when the value does not have the type's shape.
    public func decode<T: Decodable>(as type: T.Type = T.self) throws -> T {
        let data = try JSONCoding.encoder.encode(self)
        return try JSONCoding.decoder.decode(T.self, from: data)
    }
}
