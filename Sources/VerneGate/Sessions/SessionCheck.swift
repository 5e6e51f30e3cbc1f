import VerneCore

/// Whether an end user's session is good enough to act on, as `sessions.check(...)`
/// answers.
///
/// Gate your routes on ``mfaSatisfied``.
public struct SessionCheck: Sendable, Hashable, Codable {
    /// Whether the session is active.
    public var active: Bool
    /// How strongly the session was signed in.
    public var aal: AssuranceLevel
    /// Whether your tenant requires a second factor.
    public var mfaRequired: Bool
    /// Whether the session meets what your tenant requires; the one field to gate on.
    public var mfaSatisfied: Bool
    /// The end user's identity ID.
    public var identityID: String?
    /// The end user's organizations in the key's project, read now.
    public var orgs: [OrgClaim]?
    /// Whether ``orgs`` is incomplete.
    public var orgsTruncated: Bool

    /// Creates a check result.
    ///
    /// - Parameters:
    ///   - active: Whether the session is active.
    ///   - aal: Its assurance level.
    ///   - mfaRequired: Whether a second factor is required.
    ///   - mfaSatisfied: Whether the session meets the requirement.
    ///   - identityID: The identity ID.
    ///   - orgs: The end user's organizations.
    ///   - orgsTruncated: Whether `orgs` is incomplete.
    public init(
        active: Bool, aal: AssuranceLevel, mfaRequired: Bool, mfaSatisfied: Bool,
        identityID: String? = nil, orgs: [OrgClaim]? = nil, orgsTruncated: Bool = false
    ) {
        self.active = active
        self.aal = aal
        self.mfaRequired = mfaRequired
        self.mfaSatisfied = mfaSatisfied
        self.identityID = identityID
        self.orgs = orgs
        self.orgsTruncated = orgsTruncated
    }

    private enum CodingKeys: String, CodingKey {
        case active
        case aal
        case mfaRequired = "mfa_required"
        case mfaSatisfied = "mfa_satisfied"
        case identityID = "identity_id"
        case orgs
        case orgsTruncated = "orgs_truncated"
    }

    /// Decodes a check answer; a missing flag counts as `false`, failing closed.
    ///
    /// - Parameter decoder: The decoder.
    /// - Throws: `DecodingError` when the answer is not an object or a member has the wrong
    ///   type.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        active = try container.decodeIfPresent(Bool.self, forKey: .active) ?? false
        aal = try container.decodeIfPresent(AssuranceLevel.self, forKey: .aal) ?? ""
        mfaRequired = try container.decodeIfPresent(Bool.self, forKey: .mfaRequired) ?? false
        mfaSatisfied = try container.decodeIfPresent(Bool.self, forKey: .mfaSatisfied) ?? false
        identityID = try container.decodeIfPresent(String.self, forKey: .identityID)
        orgs = try container.decodeIfPresent([OrgClaim].self, forKey: .orgs)
        orgsTruncated = try container.decodeIfPresent(Bool.self, forKey: .orgsTruncated) ?? false
    }
}
