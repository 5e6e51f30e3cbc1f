/// A value from an open set of strings on the wire, such as an error code or a state.
///
/// Known values are static members of the conforming type; a value the SDK does not know
/// yet is kept as it came, so a new value from the service never breaks decoding or a
/// `switch`. Conforming types get string-literal initialization, `description`, and
/// `Codable` as a plain JSON string.
///
/// ```swift
/// public struct Color: WireString {
///     public let rawValue: String
///     public init(rawValue: String) { self.rawValue = rawValue }
///     public static let red: Color = "red"
/// }
/// ```
public protocol WireString: RawRepresentable, Sendable, Hashable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible
where RawValue == String {
    /// Creates the value from its wire form; every string is accepted.
    ///
    /// - Parameter rawValue: The string as the service writes it.
    init(rawValue: String)
}

extension WireString {
    /// Creates the value from a string literal.
    ///
    /// - Parameter value: The wire form.
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    /// The wire form.
    public var description: String { rawValue }

    /// Decodes the value from a JSON string.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the value as a JSON string.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
