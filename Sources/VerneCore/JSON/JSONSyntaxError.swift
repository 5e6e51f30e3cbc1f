/// Why ``JSONParser`` refused a document, and where.
package struct JSONSyntaxError: Error, Sendable, Equatable {
    /// A short phrase, such as `unexpected end of input`, fit to end a sentence with.
    package var reason: String
    /// The byte offset where reading stopped.
    package var offset: Int

    /// An error with the given reason and offset.
    ///
    /// - Parameters:
    ///   - reason: A short phrase saying what is wrong.
    ///   - offset: The byte offset where reading stopped.
    package init(reason: String, offset: Int) {
        self.reason = reason
        self.offset = offset
    }
}
