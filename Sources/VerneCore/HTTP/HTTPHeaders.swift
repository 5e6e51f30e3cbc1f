/// An ordered list of HTTP header fields with case-insensitive lookup.
///
/// Printing a header list never shows a credential: the values of `Authorization`,
/// `X-Session-Token`, `Cookie`, `Set-Cookie` and `Proxy-Authorization` are replaced by
/// `<redacted>` in ``description``.
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One header field.
    public struct Field: Sendable, Hashable {
        /// The field name as given.
        public var name: String
        /// The field value.
        public var value: String

        /// Creates a field.
        ///
        /// - Parameters:
        ///   - name: The field name, for example `Content-Type`.
        ///   - value: The field value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    private var fields: [Field]

    /// Creates an empty header list.
    public init() { fields = [] }

    /// Creates a header list from name and value pairs, in order.
    ///
    /// - Parameter elements: The fields.
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    /// Creates a header list from fields, in order.
    ///
    /// - Parameter fields: The fields.
    public init(_ fields: [Field]) { self.fields = fields }

    /// The first value of the named field, or `nil`; setting replaces every field of that
    /// name (or removes them all when `nil`).
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.caseInsensitiveEquals(name) }?.value }
        set {
            fields.removeAll { $0.name.caseInsensitiveEquals(name) }
            if let newValue { fields.append(Field(name: name, value: newValue)) }
        }
    }

    /// Adds a field, keeping any others of the same name.
    ///
    /// - Parameters:
    ///   - name: The field name.
    ///   - value: The field value.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Whether a field of that name is present.
    ///
    /// - Parameter name: The field name, compared without regard to case.
    /// - Returns: `true` when at least one field has that name.
    public func contains(_ name: String) -> Bool {
        fields.contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// The number of fields.
    public var count: Int { fields.count }

    /// Iterates over the fields in order.
    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
}

extension HTTPHeaders: CustomStringConvertible, CustomDebugStringConvertible {
    /// The names of header fields whose values are credentials.
    package static let sensitiveNames: Set<String> = [
        "authorization", "x-session-token", "cookie", "set-cookie", "proxy-authorization",
    ]

    /// The fields with credential values redacted.
    public var description: String {
        let shown = fields.map { field in
            let sensitive = Self.sensitiveNames.contains(field.name.lowercased())
            return "\(field.name): \(sensitive ? "<redacted>" : field.value)"
        }
        return "[" + shown.joined(separator: ", ") + "]"
    }

    /// The same as ``description``: credentials stay hidden.
    public var debugDescription: String { description }
}

extension HTTPHeaders: CustomReflectable {
    /// A mirror that shows only the redacted description, so `dump` reveals no secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["fields": description], displayStyle: .struct)
    }
}

extension String {
    /// ASCII case-insensitive comparison, enough for header names.
    ///
    /// Header lookups run several times a call, so the common cases are quick: texts of
    /// different lengths, and texts spelled alike, which compare as a whole first.
    package func caseInsensitiveEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        if self == other { return true }

        var rhs = other.utf8.makeIterator()
        for a in utf8 {
            guard let b = rhs.next() else { return false }
            let folded = a | 0x20
            guard a == b || (folded == b | 0x20 && folded >= 97 && folded <= 122) else {
                return false
            }
        }
        return true
    }
}
