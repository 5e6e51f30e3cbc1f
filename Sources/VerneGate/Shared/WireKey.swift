import VerneCore

/// A coding key made from any string, for models that keep the members they do not type.
struct WireKey: CodingKey, ExpressibleByStringLiteral {
    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { stringValue = value }
}

extension KeyedEncodingContainer where Key == WireKey {
    /// Writes the members of a raw answer that the model does not type, so that encoding
    /// a decoded model gives back what the service sent.
    ///
    /// - Parameters:
    ///   - raw: The whole answer as received.
    ///   - typed: The wire names of the members the model writes itself.
    mutating func encodeUntypedMembers(of raw: JSONValue, besides typed: Set<String>) throws {
        for (name, value) in raw.objectValue ?? [:] where !typed.contains(name) {
            try encode(value, forKey: WireKey(stringValue: name))
        }
    }
}
