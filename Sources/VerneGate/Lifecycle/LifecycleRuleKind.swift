import VerneCore

/// The kind of an automatic-deletion rule; an open set of wire strings.
///
/// Each kind takes its own `params`:
///
/// - ``deleteUnverified``: `delete_after_days` (2–365) and `warn_before_days` (1 to
///   `delete_after_days` − 1). The only kind in the free plan.
/// - ``remindUnverified``: `remind_after_hours` (1–720).
/// - ``expireRoles``: none.
/// - ``deleteInactive``: `inactive_after_months` (1–120), `warn_before_days` (7–90) and
///   optionally `include_without_address`.
public struct LifecycleRuleKind: WireString {
    /// The kind as the service writes it.
    public let rawValue: String

    /// Creates a kind from its wire form.
    ///
    /// - Parameter rawValue: For example `delete_unverified`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Deletes accounts whose address was never verified, after a warning.
    public static let deleteUnverified: LifecycleRuleKind = "delete_unverified"
    /// Reminds end users to verify their address.
    public static let remindUnverified: LifecycleRuleKind = "remind_unverified"
    /// Removes memberships whose deadline has passed.
    public static let expireRoles: LifecycleRuleKind = "expire_roles"
    /// Deletes accounts unused for a long time, after a warning.
    public static let deleteInactive: LifecycleRuleKind = "delete_inactive"
}
