import Foundation
import VerneCore

/// What a member update does to the membership's deadline: keep it, remove it, or set it.
///
/// The three cases stand for the three wire forms of `expires_at`: left out, `null`, and
/// a time.
///
/// ```swift
/// try await gate.organizations.members(of: orgID).update(identityID: id, deadline: .remove)
/// ```
public enum MemberDeadlineChange: Sendable, Hashable {
    /// Leave the deadline as it is; `expires_at` is left out.
    case keep
    /// Remove the deadline, so the membership never ends by itself; `expires_at` is
    /// `null`.
    case remove
    /// End the membership at this time: in the future, at most 10 years ahead.
    case set(Date)
}
