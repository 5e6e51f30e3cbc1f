import Foundation
import VerneCore

/// Reads request bodies as JSON, with the package's strict RFC 8259 parser.
///
/// Numbers without a fraction or exponent that fit in `Int` become `.integer`; invalid
/// UTF-8, trailing text, lone surrogates and nesting deeper than ``maximumDepth`` are
/// refused, with a ``JSONSyntaxError`` whose reason ends the `400` message. A repeated
/// member name keeps its last value.
enum EmulatorJSONReader {
    /// The deepest nesting of arrays and objects accepted.
    static let maximumDepth = 256

    private static let options = JSONParsingOptions(
        maximumDepth: maximumDepth, duplicateNames: .lastWins)

    /// Reads one JSON document.
    ///
    /// - Parameter data: The bytes.
    /// - Returns: The value.
    /// - Throws: ``JSONSyntaxError`` when the bytes are not one JSON document.
    static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONValue {
        try JSONValue(parsing: data, options: options)
    }
}
