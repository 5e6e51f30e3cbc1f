import VerneCore

extension Identity {
    /// Whether an end user may sign in; an open set of wire strings.
    ///
    /// An ``inactive`` identity cannot sign in, its sessions and access tokens stop
    /// working, and nothing is deleted.
    public struct State: WireString {
        /// The state as the service writes it.
        public let rawValue: String

        /// Creates a state from its wire form.
        ///
        /// - Parameter rawValue: For example `active`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The end user can sign in.
        public static let active: State = "active"
        /// The end user cannot sign in; nothing is deleted.
        public static let inactive: State = "inactive"
    }
}
