import Foundation

/// The JSON encoder and decoder every SDK call shares.
///
/// Both are configured once: keys are written in the order the types declare (sorted for
/// dictionaries), times are RFC 3339 in UTC, and reading accepts fractional seconds up to
/// nanoseconds. Foundation's coders are safe to share between threads once configured.
package enum JSONCoding {
    /// The shared encoder: sorted keys, RFC 3339 UTC times, slashes left unescaped.
    package static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.string(from: date))
        }
        return encoder
    }()

    /// The shared decoder: RFC 3339 times with or without fractional seconds.
    package static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = RFC3339.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "Not an RFC 3339 time: \(text)")
            }
            return date
        }
        return decoder
    }()
}
