/// No answer arrived: the request timed out, or the connection failed or was lost.
///
/// ``mayHaveReachedServer`` tells whether the service could have acted on the request.
/// The SDK retries such a request only when repeating it is safe.
public struct VerneConnectionError: VerneError {
    /// What went wrong; an open set of kinds.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        /// A short name for the kind.
        public let rawValue: String

        /// Creates a kind.
        ///
        /// - Parameter rawValue: Its name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The attempt took longer than its timeout, or the call passed its deadline.
        public static let timedOut = Kind(rawValue: "timed out")
        /// No connection could be made; the request never left.
        public static let cannotConnect = Kind(rawValue: "cannot connect")
        /// The connection broke before the answer was complete.
        public static let connectionLost = Kind(rawValue: "connection lost")
        /// Any other transport failure.
        public static let other = Kind(rawValue: "transport failure")
    }

    /// What went wrong.
    public var kind: Kind
    /// A sentence from the transport, credentials redacted.
    public var message: String
    /// Whether the service may have received and acted on the request.
    public var mayHaveReachedServer: Bool
    /// How many attempts the client made.
    public var attempts: Int

    /// Creates a connection error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - message: A sentence from the transport.
    ///   - mayHaveReachedServer: Whether the service may have acted on the request.
    ///   - attempts: How many attempts were made.
    public init(kind: Kind, message: String, mayHaveReachedServer: Bool, attempts: Int = 1) {
        self.kind = kind
        self.message = Redactor.redact(message)
        self.mayHaveReachedServer = mayHaveReachedServer
        self.attempts = attempts
    }

    /// The kind and message in one line.
    public var description: String {
        var text = "Verne connection error (\(kind.rawValue)): \(message)"
        if attempts > 1 { text += " after \(attempts) attempts" }
        if mayHaveReachedServer {
            text += "; the service may have received the request"
        }
        return text
    }
}
