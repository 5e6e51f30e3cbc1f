import VerneCore

extension Decision {
    /// Why Gate allowed or denied an action; an open set of wire strings.
    ///
    /// For a resource `organization:<id>` the reason is one of ``memberWithPermission``
    /// (allowed), ``memberWithoutPermission``, ``notAMember``, ``subjectInactive`` or
    /// ``noSuchOrganization``. For any other resource it is ``ownedByTenant`` (allowed),
    /// ``subjectInactive``, ``notOwnedByTenant`` or ``notAKnownIdentity``. A reason this
    /// SDK does not know is a denial: only ``Decision/allowed`` grants anything.
    public struct Reason: WireString {
        /// The reason as the service writes it.
        public let rawValue: String

        /// Creates a reason from its wire form.
        ///
        /// - Parameter rawValue: For example `not_a_member`.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// Allowed: the end user's role in the organization has the permission.
        public static let memberWithPermission: Reason = "member_with_permission"
        /// Denied: the end user is a member, but their role lacks the permission.
        public static let memberWithoutPermission: Reason = "member_without_permission"
        /// Denied: the end user is not a member of the organization.
        public static let notAMember: Reason = "not_a_member"
        /// Denied: the end user is deactivated.
        public static let subjectInactive: Reason = "subject_inactive"
        /// Denied: no such organization in the key's project.
        public static let noSuchOrganization: Reason = "no_such_organization"
        /// Allowed: the subject is one of your active end users.
        public static let ownedByTenant: Reason = "owned_by_tenant"
        /// Denied: the subject belongs to another tenant.
        public static let notOwnedByTenant: Reason = "not_owned_by_tenant"
        /// Denied: Gate knows no such identity.
        public static let notAKnownIdentity: Reason = "not_a_known_identity"

        /// Every reason this SDK documents.
        public static let documented: [Reason] = [
            .memberWithPermission, .memberWithoutPermission, .notAMember, .subjectInactive,
            .noSuchOrganization, .ownedByTenant, .notOwnedByTenant, .notAKnownIdentity,
        ]
    }
}
