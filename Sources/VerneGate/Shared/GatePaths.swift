import VerneCore

/// The paths of Gate's routes, with caller IDs placed as percent-encoded segments.
///
/// Every function that takes an ID throws ``VerneInvalidRequestError`` for an empty ID,
/// `.` or `..`, so nothing is sent for an ID that would reshape the path.
enum GatePaths {
    static let identities = EndpointPath("/v1/gate/identities")
    static let tokens = EndpointPath("/v1/gate/tokens")
    static let introspection = EndpointPath("/v1/gate/tokens/introspect")
    static let authorization = EndpointPath("/v1/gate/authorize")
    static let sessions = EndpointPath("/v1/gate/sessions")
    static let sessionCheck = EndpointPath("/v1/gate/auth/session")
    static let loginFlow = EndpointPath("/v1/gate/auth/login")
    static let registrationFlow = EndpointPath("/v1/gate/auth/registration")
    static let socialLoginExchange = EndpointPath("/v1/gate/auth/oidc/exchange")
    static let publicProviders = EndpointPath("/public/gate/providers")
    static let organizations = EndpointPath("/v1/gate/organizations")
    static let securitySettings = EndpointPath("/v1/gate/settings/security")
    static let oidcProviders = EndpointPath("/v1/gate/settings/oidc-providers")
    static let returnURLs = EndpointPath("/v1/gate/settings/return-urls")
    static let auditLog = EndpointPath("/v1/gate/audit-log")
    static let lifecycleRules = EndpointPath("/v1/gate/lifecycle/rules")
    static let lifecycleActions = EndpointPath("/v1/gate/lifecycle/actions")

    /// `/v1/gate/identities/{id}`.
    static func identity(_ identityID: String) throws -> EndpointPath {
        try identities.appending(id: identityID, argument: "identityID")
    }

    /// `/v1/gate/sessions/{id}`.
    static func session(_ sessionID: String) throws -> EndpointPath {
        try sessions.appending(id: sessionID, argument: "sessionID")
    }

    /// `/public/gate/providers/{tenant id}`.
    static func providers(of tenantID: String) throws -> EndpointPath {
        try publicProviders.appending(id: tenantID, argument: "tenantID")
    }

    /// `/v1/gate/organizations/{org}`.
    static func organization(_ orgID: String) throws -> EndpointPath {
        try organizations.appending(id: orgID, argument: "orgID")
    }

    /// `/v1/gate/organizations/{org}/roles`.
    static func roles(of orgID: String) throws -> EndpointPath {
        try organization(orgID).appending("/roles")
    }

    /// `/v1/gate/organizations/{org}/roles/{role}`.
    static func role(_ roleID: String, of orgID: String) throws -> EndpointPath {
        try roles(of: orgID).appending(id: roleID, argument: "roleID")
    }

    /// `/v1/gate/organizations/{org}/members`.
    static func members(of orgID: String) throws -> EndpointPath {
        try organization(orgID).appending("/members")
    }

    /// `/v1/gate/organizations/{org}/members/{identity}`.
    static func member(_ identityID: String, of orgID: String) throws -> EndpointPath {
        try members(of: orgID).appending(id: identityID, argument: "identityID")
    }

    /// `/v1/gate/lifecycle/rules/{kind}`.
    static func lifecycleRule(_ kind: LifecycleRuleKind) throws -> EndpointPath {
        try lifecycleRules.appending(id: kind.rawValue, argument: "kind")
    }
}
