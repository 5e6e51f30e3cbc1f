import Foundation
import VerneCore

/// A JSON Pointer (RFC 6901) naming one place in a JSON document, such as
/// `/traits/email`.
///
/// Build one from its reference tokens and the escaping is done for you: `~` becomes `~0`
/// and `/` becomes `~1`, so a key that contains a slash stays one key.
///
/// ```swift
/// let pointer = JSONPointer(tokens: ["traits", "a/b"])   // "/traits/a~1b"
/// ```
///
/// A pointer written as a string literal is taken as already escaped and is checked when
/// the patch is sent; ``init(validating:)`` checks it at once.
public struct JSONPointer: Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    /// The pointer as written on the wire, escaped.
    public let rawValue: String

    /// The pointer to the whole document, the empty string.
    public static let root = JSONPointer(unchecked: "")

    /// Creates a pointer from reference tokens, escaping each one.
    ///
    /// - Parameter tokens: The keys and indices from the root, unescaped.
    public init(tokens: [String]) {
        rawValue = tokens.map { "/" + Self.escape($0) }.joined()
    }

    /// Creates a pointer from its escaped string form, checking it.
    ///
    /// - Parameter rawValue: The empty string, or text that starts with `/`, in which every
    ///   `~` is followed by `0` or `1`.
    /// - Throws: ``VerneInvalidRequestError`` when the text is not a JSON Pointer.
    public init(validating rawValue: String) throws {
        if let problem = Self.problem(in: rawValue) {
            throw VerneInvalidRequestError(argument: "path", message: problem)
        }
        self.rawValue = rawValue
    }

    /// Creates a pointer from an escaped string literal; it is checked when the patch is
    /// sent.
    ///
    /// - Parameter value: The pointer, for example `"/traits/email"`.
    public init(stringLiteral value: String) { rawValue = value }

    private init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// Decodes a pointer from its string form, checking it.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the string is not a JSON Pointer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        if let problem = Self.problem(in: text) {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem)
        }
        rawValue = text
    }

    /// Encodes the escaped string form.
    ///
    /// - Parameter encoder: The encoder.
    /// - Throws: `EncodingError` on failure.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// This pointer followed by one more reference token, escaped.
    ///
    /// - Parameter token: A key or an array index, unescaped.
    /// - Returns: The longer pointer.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(unchecked: rawValue + "/" + Self.escape(token))
    }

    /// The reference tokens, unescaped; empty for ``root``.
    public var tokens: [String] {
        guard !rawValue.isEmpty else { return [] }
        return rawValue.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// The escaped string form.
    public var description: String { rawValue }

    /// Throws when the pointer was written by hand in a form RFC 6901 does not allow.
    func validate() throws {
        if let problem = Self.problem(in: rawValue) {
            throw VerneInvalidRequestError(argument: "path", message: problem)
        }
    }

    private static func escape(_ token: String) -> String {
        token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    private static func problem(in text: String) -> String? {
        guard text.isEmpty || text.hasPrefix("/") else {
            return "\"\(text)\" is not a JSON Pointer: it must be empty or start with \"/\""
        }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "~") {
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            guard next == UInt8(ascii: "0") || next == UInt8(ascii: "1") else {
                return "\"\(text)\" is not a JSON Pointer: \"~\" must be followed by 0 or 1"
            }
        }
        return nil
    }
}
