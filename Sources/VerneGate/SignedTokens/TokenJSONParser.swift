import VerneCore

/// Reads the JSON objects inside a token's header and payload, with the package's strict
/// RFC 8259 parser.
///
/// It does not go through `Codable`, which costs more than the signature check itself.
/// It is stricter than `JSONDecoder` where JOSE needs it: a member name that appears twice
/// is refused (RFC 7515 §5.2 allows refusing, and a token whose `alg` or `iss` could be
/// read two ways must not pass), as are invalid UTF-8, unescaped control characters, and
/// nesting deeper than ``maximumDepth``.
enum TokenJSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 32

    private static let options = JSONParsingOptions(
        maximumDepth: maximumDepth, duplicateNames: .refused)

    /// Parses a JSON document that must be an object.
    ///
    /// - Parameter bytes: The UTF-8 JSON text.
    /// - Returns: The object's members, or `nil` when the text is not exactly one valid
    ///   JSON object.
    static func object(_ bytes: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let members) = try? JSONValue(parsing: bytes, options: options) else {
            return nil
        }
        return members
    }
}
