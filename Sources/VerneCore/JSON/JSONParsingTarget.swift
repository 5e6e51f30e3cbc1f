/// A kind of value ``JSONParser`` builds documents of.
///
/// The parser reads the grammar; the target says how each part becomes a value. An enum
/// with cases `null`, `bool(Bool)`, `string(String)` and `array([Self])` has those four
/// requirements already; what remains is how numbers are kept and how an object collects
/// its members.
protocol JSONParsingTarget {
    /// An object's members while it is being read.
    associatedtype Members

    /// JSON `null`.
    static var null: Self { get }

    /// `true` or `false`.
    static func bool(_ value: Bool) -> Self

    /// A string, escapes resolved.
    static func string(_ value: String) -> Self

    /// An array.
    static func array(_ elements: [Self]) -> Self

    /// A number from its text, which the parser has checked against the JSON grammar.
    ///
    /// - Parameters:
    ///   - text: The number as written, in ASCII.
    ///   - isIntegral: Whether it is written without a fraction or an exponent.
    /// - Returns: The value, or `nil` when this target cannot hold the number.
    static func number(_ text: UnsafeRawBufferPointer, isIntegral: Bool) -> Self?

    /// The members of an object before the first one is read.
    static func emptyMembers() -> Members

    /// Adds a member to an object being read.
    ///
    /// - Parameters:
    ///   - name: The member's name.
    ///   - value: The member's value.
    ///   - members: The members read so far.
    ///   - duplicateNames: What a repeated name means.
    /// - Returns: `false` when the name repeats and repeats are refused, which a target may
    ///   also leave to ``finishObject(_:duplicateNames:)``.
    static func add(
        _ name: String, _ value: Self, to members: inout Members,
        duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> Bool

    /// The object once its closing brace is read.
    ///
    /// - Parameters:
    ///   - members: All its members.
    ///   - duplicateNames: What a repeated name means.
    /// - Returns: The object, or `nil` when a name repeats and repeats are refused.
    static func finishObject(
        _ members: Members, duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> Self?
}
