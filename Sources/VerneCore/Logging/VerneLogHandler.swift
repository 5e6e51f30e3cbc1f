/// The severity of a log event, ordered from most to least verbose.
public enum VerneLogLevel: Int, Sendable, Comparable, CaseIterable {
    /// Every detail, for following one call.
    case trace
    /// What each attempt did.
    case debug
    /// Notable events.
    case info
    /// Events worth attention.
    case notice
    /// Something went wrong but the call may still succeed.
    case warning
    /// A call failed.
    case error
    /// The client cannot work.
    case critical

    /// Orders levels by verbosity.
    public static func < (lhs: VerneLogLevel, rhs: VerneLogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// Receives the SDK's log events; shaped like swift-log's `LogHandler` so a bridge is a
/// few lines.
///
/// The SDK is silent unless a handler is set in ``VerneConfiguration/logHandler``. It
/// reports each finished attempt at the `debug` level with the constant message
/// `HTTP attempt finished`; the values travel in metadata under `verne.` keys
/// (`verne.service`, `verne.method`, `verne.path`, `verne.attempt`, `verne.duration_ms`,
/// `verne.decision`, and `verne.status` and `verne.request_id` when an answer arrived).
/// Headers, bodies, API keys and tokens are never part of an event.
///
/// ```swift
/// struct PrintHandler: VerneLogHandler {
///     var logLevel: VerneLogLevel { .debug }
///     func log(level: VerneLogLevel, message: String, metadata: [String: String]) {
///         print(level, message, metadata)
///     }
/// }
/// ```
public protocol VerneLogHandler: Sendable {
    /// Events below this level are not produced at all.
    var logLevel: VerneLogLevel { get }

    /// Handles one event.
    ///
    /// - Parameters:
    ///   - level: The severity.
    ///   - message: A constant sentence, such as `HTTP attempt finished`.
    ///   - metadata: The values, under `verne.` keys.
    func log(level: VerneLogLevel, message: String, metadata: [String: String])
}
