import VerneCore

/// Who acted in an audit-log entry; an open set of wire strings.
public struct AuditActorType: WireString {
    /// The type as the service writes it.
    public let rawValue: String

    /// Creates a type from its wire form.
    ///
    /// - Parameter rawValue: For example `api_key`.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A member of your team, in the dashboard.
    public static let teamMember: AuditActorType = "team_member"
    /// An API key, through this SDK or another client.
    public static let apiKey: AuditActorType = "api_key"
    /// One of your end users.
    public static let endUser: AuditActorType = "end_user"
    /// Gate itself, for example a lifecycle rule.
    public static let system: AuditActorType = "system"
    /// Nautilus staff.
    public static let staff: AuditActorType = "staff"
    /// The entry did not say.
    public static let unknown: AuditActorType = "unknown"
}
