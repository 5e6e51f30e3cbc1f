/// An API key (`vrn_…`) that never shows itself in text.
///
/// `print`, `dump`, string interpolation and error messages show only a hint such as
/// `vrn_…<redacted>`.
public struct APIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The key itself; read it only to send it.
    public let secret: String

    /// Wraps a key.
    ///
    /// - Parameter secret: The key, for example from `VERNE_API_KEY`.
    public init(_ secret: String) { self.secret = secret }

    /// A hint that shows the kind of key, never the key.
    public var description: String { Redactor.hint(secret) }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// A mirror that holds only the hint.
    public var customMirror: Mirror { Mirror(self, children: ["key": description]) }
}
