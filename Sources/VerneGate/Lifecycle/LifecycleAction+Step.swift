import VerneCore

extension LifecycleAction {
    /// What a lifecycle action does; an open set of wire strings.
    public struct Step: WireString {
        /// The step as the service writes it.
        public let rawValue: String

        /// Creates a step from its wire form.
        ///
        /// - Parameter rawValue: For example `warn`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Reminds the person to verify their address.
        public static let remind: Step = "remind"
        /// Warns the person that their account will be deleted.
        public static let warn: Step = "warn"
        /// Deletes the account.
        public static let delete: Step = "delete"
        /// Removes an expired membership.
        public static let revoke: Step = "revoke"
    }

    /// Where a lifecycle action stands; an open set of wire strings.
    public struct Status: WireString {
        /// The status as the service writes it.
        public let rawValue: String

        /// Creates a status from its wire form.
        ///
        /// - Parameter rawValue: For example `pending`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Scheduled, not yet due.
        public static let pending: Status = "pending"
        /// Carried out.
        public static let done: Status = "done"
        /// Called off, for example because the person verified their address.
        public static let cancelled: Status = "cancelled"
        /// Attempted and failed.
        public static let failed: Status = "failed"
    }
}
