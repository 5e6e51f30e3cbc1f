import Foundation

/// A response type that reads itself from a parsed JSON object, without a `Decoder`.
///
/// The synthesized `init(from:)` goes through keyed containers, generic lookups and
/// coding paths; for a small answer that is most of the cost of decoding it. A type on
/// the hot path (a sent message, say) can adopt this protocol as well: ``JSONTreeDecoder``
/// then calls ``init(reading:)`` and uses `init(from:)` only when that returns `nil`.
///
/// The rule is the one ``JSONTreeDecoder`` follows: return a value only where
/// `JSONDecoder` with `JSONCoding.decoder`'s settings would return the same value, and
/// `nil` on anything else (a missing member, a value of another kind), so that
/// `JSONDecoder` decodes it or reports the error in its own words.
package protocol JSONObjectDecodable: Decodable {
    /// Reads the value from a JSON object's members.
    ///
    /// - Parameter object: The members.
    init?(reading object: JSONObjectReader)
}

/// The members of one parsed JSON object, read by name.
package struct JSONObjectReader {
    let members: [(name: String, node: JSONNode)]

    private func node(_ name: String) -> JSONNode? {
        for member in members where member.name == name { return member.node }
        return nil
    }

    /// The string member `name`, or `nil` when it is missing or not a string.
    ///
    /// - Parameter name: The member's name.
    /// - Returns: The string.
    package func string(_ name: String) -> String? {
        guard case .string(let text)? = node(name) else { return nil }
        return text
    }

    /// The RFC 3339 date member `name`, as `JSONCoding.decoder` reads it, or `nil`.
    ///
    /// - Parameter name: The member's name.
    /// - Returns: The date.
    package func date(_ name: String) -> Date? {
        string(name).flatMap(RFC3339.date(from:))
    }
}
