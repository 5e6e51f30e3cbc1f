import VerneCore

/// A misbehaviour the emulator shows on the next matching requests.
///
/// A fault matches by method (any when `nil`) and path: the request's path as sent, or
/// the route pattern such as `/v1/gate/identities/{id}`, exactly or as a prefix. It
/// applies to the next ``count`` matching requests, or to all of them when `count` is
/// `nil`, until ``NautilusEmulator/removeAllFaults()``.
///
/// ```swift
/// emulator.inject(EmulatorFault(.status(503), method: .post, path: "/v1/relay/messages", count: 2))
/// emulator.inject(EmulatorFault(.dropAfterProcessing, path: "/v1/relay/messages"))
/// ```
///
/// Delays add up and combine with one other fault; of the other kinds, the first
/// matching fault in the order they were injected applies.
public struct EmulatorFault: Sendable, Hashable {
    /// What the emulator does instead of (or besides) answering normally.
    public struct Action: Sendable, Hashable, CustomStringConvertible {
        enum Kind: Sendable, Hashable {
            case delay(Duration)
            case dropBeforeProcessing
            case dropAfterProcessing
            case status(Int, retryAfter: String?, body: String?)
            case malformedJSON(status: Int?)
            case truncatedBody(status: Int?)
            case nonJSONBody(status: Int?)
        }

        let kind: Kind

        /// Waits before processing the request, then answers normally.
        ///
        /// In-process, a delay longer than the request's timeout ends in a
        /// ``VerneConnectionError`` of kind `.timedOut` after the timeout.
        ///
        /// - Parameter duration: How long to wait.
        /// - Returns: The action.
        public static func delay(_ duration: Duration) -> Action { Action(kind: .delay(duration)) }

        /// Drops the connection before the request is processed: nothing changes.
        ///
        /// In-process this throws ``VerneConnectionError`` of kind `.cannotConnect` with
        /// `mayHaveReachedServer` `false`; over HTTP the server breaks off after a bare
        /// status line and resets the connection, before reading the body.
        public static let dropBeforeProcessing = Action(kind: .dropBeforeProcessing)

        /// Processes the request (state changes) and drops the connection instead of
        /// answering.
        ///
        /// In-process this throws ``VerneConnectionError`` of kind `.connectionLost` with
        /// `mayHaveReachedServer` `true`; over HTTP the server breaks off after a bare status
        /// line and resets the connection. (A reset before any byte of the answer would let
        /// libcurl, under URLSession on Linux, replay the request on a reused connection and
        /// wait out its timeout.)
        public static let dropAfterProcessing = Action(kind: .dropAfterProcessing)

        /// Answers a status without processing the request.
        ///
        /// - Parameters:
        ///   - status: The status, for example `503` or `429`.
        ///   - retryAfter: A `Retry-After` value to send, for example `"2"`.
        ///   - body: The raw body; `nil` sends the error envelope with the status's usual
        ///     code (`rate_limited`, `upstream_unavailable`, `internal_error`…).
        /// - Returns: The action.
        public static func status(_ status: Int, retryAfter: String? = nil, body: String? = nil) -> Action {
            Action(kind: .status(status, retryAfter: retryAfter, body: body))
        }

        /// Processes the request and answers a body that is not valid JSON.
        ///
        /// - Parameter status: The status to send, or `nil` for the real one.
        /// - Returns: The action.
        public static func malformedJSON(status: Int? = nil) -> Action {
            Action(kind: .malformedJSON(status: status))
        }

        /// Processes the request and answers the first half of the real body.
        ///
        /// - Parameter status: The status to send, or `nil` for the real one.
        /// - Returns: The action.
        public static func truncatedBody(status: Int? = nil) -> Action {
            Action(kind: .truncatedBody(status: status))
        }

        /// Processes the request and answers an HTML page instead of JSON.
        ///
        /// - Parameter status: The status to send, or `nil` for the real one.
        /// - Returns: The action.
        public static func nonJSONBody(status: Int? = nil) -> Action {
            Action(kind: .nonJSONBody(status: status))
        }

        /// A short name of the action, for example `status 503`.
        public var description: String {
            switch kind {
            case .delay(let duration): return "delay \(duration)"
            case .dropBeforeProcessing: return "drop before processing"
            case .dropAfterProcessing: return "drop after processing"
            case .status(let status, _, _): return "status \(status)"
            case .malformedJSON: return "malformed JSON"
            case .truncatedBody: return "truncated body"
            case .nonJSONBody: return "non-JSON body"
            }
        }
    }

    /// What happens.
    public var action: Action
    /// The method to match, or `nil` for any.
    public var method: HTTPMethod?
    /// The path (or route pattern) to match.
    public var path: String
    /// Whether ``path`` is a prefix rather than the whole path.
    public var matchesPrefix: Bool
    /// How many matching requests it applies to; `nil` for all until removed.
    public var count: Int?

    /// Creates a fault.
    ///
    /// - Parameters:
    ///   - action: What happens.
    ///   - method: The method to match, or `nil` for any.
    ///   - path: The path or route pattern to match, for example `/v1/relay/messages`.
    ///   - matchesPrefix: Whether `path` is a prefix; `false` by default.
    ///   - count: How many matching requests it applies to (1 by default); `nil` for all.
    public init(
        _ action: Action, method: HTTPMethod? = nil, path: String, matchesPrefix: Bool = false,
        count: Int? = 1
    ) {
        self.action = action
        self.method = method
        self.path = path
        self.matchesPrefix = matchesPrefix
        self.count = count.map { max(0, $0) }
    }

    func matches(method requestMethod: String, path requestPath: String, pattern: String?) -> Bool {
        if let method, method.rawValue != requestMethod { return false }
        if matchesPrefix {
            return requestPath.hasPrefix(path) || (pattern?.hasPrefix(path) ?? false)
        }
        return requestPath == path || pattern == path
    }
}
