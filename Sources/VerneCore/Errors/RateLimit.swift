/// Rate-limit figures an answer carried in its `X-RateLimit-*` (or `RateLimit-*`) headers.
public struct RateLimit: Sendable, Hashable {
    /// How many requests the window allows.
    public var limit: Int?
    /// How many remain in the window.
    public var remaining: Int?
    /// Seconds until the window resets, as the service wrote it.
    public var reset: String?

    /// Reads the figures; `nil` when the headers carry none.
    ///
    /// - Parameter headers: The response headers.
    public init?(headers: HTTPHeaders) {
        func value(_ name: String) -> String? {
            headers["X-RateLimit-\(name)"] ?? headers["RateLimit-\(name)"]
        }
        limit = value("Limit").flatMap { Int($0) }
        remaining = value("Remaining").flatMap { Int($0) }
        reset = value("Reset")
        if limit == nil, remaining == nil, reset == nil { return nil }
    }
}
