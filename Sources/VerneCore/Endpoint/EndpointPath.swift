/// A URL path built from fixed parts and percent-encoded IDs.
///
/// An ID from a caller becomes exactly one path segment: `/`, `?`, `#` and `%` are
/// encoded, and an empty ID, `.` or `..` is refused before anything is sent.
public struct EndpointPath: Sendable, Hashable, CustomStringConvertible {
    /// The encoded path, starting with `/`.
    public private(set) var encoded: String

    /// Creates a path from fixed text that needs no encoding.
    ///
    /// - Parameter fixed: A path such as `/v1/relay/messages`.
    public init(_ fixed: String) { encoded = fixed }

    /// Appends fixed text, for example `/state`.
    ///
    /// - Parameter fixed: Text that starts with `/`.
    /// - Returns: The longer path.
    public func appending(_ fixed: String) -> EndpointPath {
        var copy = self
        copy.encoded += fixed
        return copy
    }

    /// Appends a caller's ID as one percent-encoded segment.
    ///
    /// - Parameters:
    ///   - id: The ID.
    ///   - argument: The argument's name, for the error message.
    /// - Returns: The longer path.
    /// - Throws: ``VerneInvalidRequestError`` when the ID is empty, `.` or `..`.
    public func appending(id: String, argument: String = "id") throws -> EndpointPath {
        guard !id.isEmpty else {
            throw VerneInvalidRequestError(argument: argument, message: "must not be empty")
        }
        guard id != ".", id != ".." else {
            throw VerneInvalidRequestError(
                argument: argument, message: "must not be \"\(id)\", which would change the path")
        }
        var copy = self
        copy.encoded += "/" + Self.encodeSegment(id)
        return copy
    }

    /// The encoded path.
    public var description: String { encoded }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    package static func encodeSegment(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hex[Int(byte >> 4)])
                result.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }
}
