import VerneCore

/// `POST /v1/gate/authorize`: ask whether a subject may do an action on a resource.
public struct AuthorizeEndpoint: Endpoint {
    /// The answer: the decision.
    public typealias Response = Decision

    struct Body: Encodable, Sendable {
        var subject: String
        var action: String
        var resource: String
        var context: JSONValue?
    }

    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - subject: The identity asked about; must not be empty.
    ///   - action: The action, or the permission for an organization; must not be empty.
    ///   - resource: The resource, for example `organization:<id>`; must not be empty.
    ///   - context: Extra facts, a JSON object, or `nil`; accepted and ignored today.
    /// - Throws: ``VerneInvalidRequestError`` when an argument makes the call impossible.
    public init(subject: String, action: String, resource: String, context: JSONValue?) throws {
        try Check.notEmpty(subject, "subject")
        try Check.notEmpty(action, "action")
        try Check.notEmpty(resource, "resource")
        if let context { try Check.object(context, "context") }
        content = Body(subject: subject, action: action, resource: resource, context: context)
    }

    /// Checks the arguments and builds the question "may this end user do `permission`
    /// in this organization?".
    ///
    /// - Parameters:
    ///   - orgID: The organization ID; the resource becomes `organization:<orgID>`.
    ///   - identityID: The end user.
    ///   - permission: The permission, for example `invoices:write`.
    /// - Throws: ``VerneInvalidRequestError`` for an empty ID or a permission the service
    ///   would refuse.
    public init(orgID: String, identityID: String, permission: String) throws {
        try Check.notEmpty(orgID, "orgID")
        try Check.notEmpty(identityID, "identityID")
        try Permission.check(permission, "permission")
        content = Body(
            subject: identityID, action: permission, resource: "organization:" + orgID,
            context: nil)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `/v1/gate/authorize`.
    public var path: EndpointPath { GatePaths.authorization }
    /// `subject`, `action`, `resource`, and `context` when given.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: asking changes nothing.
    public var repeatability: Repeatability { .safe }
}
