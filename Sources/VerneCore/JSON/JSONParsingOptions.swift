/// What ``JSONParser`` accepts where callers differ: how deep values may nest, and what a
/// member name that appears twice in one object means.
///
/// The grammar itself is the same for every caller: RFC 8259 in UTF-8, strictly.
package struct JSONParsingOptions: Sendable {
    /// What to do with a member name that appears twice in one object.
    package enum DuplicateNames: Sendable {
        /// The document is refused.
        case refused
        /// The last value given for the name is kept.
        case lastWins
    }

    /// The deepest nesting of arrays and objects accepted: `1` allows `[1]` but not `[[1]]`.
    package var maximumDepth: Int
    /// What a repeated member name means.
    package var duplicateNames: DuplicateNames

    /// Options with the given limits.
    ///
    /// - Parameters:
    ///   - maximumDepth: The deepest nesting of arrays and objects accepted.
    ///   - duplicateNames: What a repeated member name means.
    package init(maximumDepth: Int, duplicateNames: DuplicateNames) {
        self.maximumDepth = maximumDepth
        self.duplicateNames = duplicateNames
    }
}
