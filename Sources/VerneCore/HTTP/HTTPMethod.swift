/// An HTTP request method.
///
/// A struct rather than an enum so that a transport can carry any method it meets.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The method name as sent on the wire, for example `GET`.
    public let rawValue: String

    /// Creates a method from its wire name.
    ///
    /// - Parameter rawValue: The method name, for example `PATCH`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// `GET`: read, safe to repeat.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `POST`: create or act.
    public static let post = HTTPMethod(rawValue: "POST")
    /// `PUT`: replace, safe to repeat.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `PATCH`: change part of a resource.
    public static let patch = HTTPMethod(rawValue: "PATCH")
    /// `DELETE`: remove, safe to repeat.
    public static let delete = HTTPMethod(rawValue: "DELETE")

    /// The method name.
    public var description: String { rawValue }
}
