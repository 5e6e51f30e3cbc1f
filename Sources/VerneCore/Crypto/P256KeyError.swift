/// A P-256 key could not be made from the given bytes, or the platform's crypto failed.
package struct P256KeyError: Error, Sendable, CustomStringConvertible {
    /// What was wrong; never key material.
    package let message: String

    /// Creates the error.
    ///
    /// - Parameter message: What was wrong.
    package init(_ message: String) { self.message = message }

    /// The message.
    package var description: String { "P-256 key error: \(message)" }
}
