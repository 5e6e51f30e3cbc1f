/// The client was set up in a way that cannot work: a missing key, a bad base URL.
public struct VerneConfigurationError: VerneError {
    /// A sentence that says what is wrong and how to fix it.
    public var message: String

    /// Creates a configuration error.
    ///
    /// - Parameter message: What is wrong and how to fix it.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { "Verne configuration error: \(message)" }
}

/// An argument makes the request impossible, so nothing was sent.
///
/// For example an empty identity ID, or an ID of `..` that would reshape the URL path.
public struct VerneInvalidRequestError: VerneError {
    /// The argument at fault.
    public var argument: String
    /// What is wrong with it.
    public var message: String

    /// Creates an invalid-request error.
    ///
    /// - Parameters:
    ///   - argument: The argument's name.
    ///   - message: What is wrong with it.
    public init(argument: String, message: String) {
        self.argument = argument
        self.message = message
    }

    /// The argument and message.
    public var description: String {
        "Verne invalid request: \(argument): \(message); nothing was sent"
    }
}
