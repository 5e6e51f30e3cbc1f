import VerneCore

/// `GET /v1/gate/lifecycle/rules`: every rule of the key's project and the plan.
public struct ListLifecycleRulesEndpoint: Endpoint {
    /// The answer: the rules and the plan.
    public typealias Response = LifecycleRules

    /// Builds the endpoint.
    public init() {}

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/lifecycle/rules`.
    public var path: EndpointPath { GatePaths.lifecycleRules }
}

/// `PUT /v1/gate/lifecycle/rules/{kind}`: create, change, or switch a rule on or off.
public struct SetLifecycleRuleEndpoint: Endpoint {
    /// The answer: the rule after the change.
    public typealias Response = LifecycleRule

    /// Exactly `{"enabled", "params"?}`: the service refuses other members, and `params`
    /// left out (not `null`) keeps the saved settings.
    struct Body: Encodable, Sendable {
        var enabled: Bool
        var params: JSONValue?
    }

    /// `/v1/gate/lifecycle/rules/{kind}`.
    public let path: EndpointPath
    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - kind: The rule's kind.
    ///   - enabled: Whether the rule is on.
    ///   - params: The settings, a JSON object, or `nil` to keep the saved ones.
    /// - Throws: ``VerneInvalidRequestError`` when the kind is empty or `params` is not an
    ///   object.
    public init(kind: LifecycleRuleKind, enabled: Bool, params: JSONValue?) throws {
        path = try GatePaths.lifecycleRule(kind)
        if let params { try Check.object(params, "params") }
        content = Body(enabled: enabled, params: params)
    }

    /// `PUT`.
    public var method: HTTPMethod { .put }
    /// `enabled`, and `params` when given.
    public var body: RequestBody? { RequestBody(content) }
}

/// `DELETE /v1/gate/lifecycle/rules/{kind}`: remove a rule and cancel what it scheduled;
/// `204` also when there was none.
public struct DeleteLifecycleRuleEndpoint: Endpoint {
    /// The answer: `204`.
    public typealias Response = NoContent

    /// `/v1/gate/lifecycle/rules/{kind}`.
    public let path: EndpointPath

    /// Checks the kind and builds the endpoint.
    ///
    /// - Parameter kind: The rule's kind.
    /// - Throws: ``VerneInvalidRequestError`` when the kind is empty, `.` or `..`.
    public init(kind: LifecycleRuleKind) throws { path = try GatePaths.lifecycleRule(kind) }

    /// `DELETE`.
    public var method: HTTPMethod { .delete }
}

/// `POST /v1/gate/lifecycle/rules/{kind}/preview`: count whom a rule would affect now,
/// writing nothing.
public struct PreviewLifecycleRuleEndpoint: Endpoint {
    /// The answer: the count.
    public typealias Response = LifecyclePreview

    struct Body: Encodable, Sendable {
        var params: JSONValue
    }

    /// `/v1/gate/lifecycle/rules/{kind}/preview`.
    public let path: EndpointPath
    let content: Body

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - kind: The rule's kind.
    ///   - params: The settings to try, a JSON object (`{}` for ``LifecycleRuleKind/expireRoles``).
    /// - Throws: ``VerneInvalidRequestError`` when the kind is empty or `params` is not an
    ///   object.
    public init(kind: LifecycleRuleKind, params: JSONValue) throws {
        path = try GatePaths.lifecycleRule(kind).appending("/preview")
        try Check.object(params, "params")
        content = Body(params: params)
    }

    /// `POST`.
    public var method: HTTPMethod { .post }
    /// `{"params": {...}}`.
    public var body: RequestBody? { RequestBody(content) }
    /// Safe: a preview writes nothing.
    public var repeatability: Repeatability { .safe }
}

/// `GET /v1/gate/lifecycle/actions`: one page of what the rules scheduled and did, oldest
/// first.
public struct ListLifecycleActionsEndpoint: Endpoint {
    /// The answer: a page of actions.
    public typealias Response = Page<LifecycleAction>

    let status: LifecycleAction.Status?
    let kind: LifecycleRuleKind?
    let identityID: String?
    let limit: Int?
    let cursor: String?

    /// Checks the arguments and builds the endpoint.
    ///
    /// - Parameters:
    ///   - status: Only actions in this status.
    ///   - kind: Only actions of this rule.
    ///   - identityID: Only actions concerning this person.
    ///   - limit: Page size from 1, or `nil` for the service's default.
    ///   - cursor: The previous page's `nextCursor`, or `nil` for the first page.
    /// - Throws: ``VerneInvalidRequestError`` when `limit` is below 1.
    public init(
        status: LifecycleAction.Status?, kind: LifecycleRuleKind?, identityID: String?,
        limit: Int?, cursor: String?
    ) throws {
        try Check.limit(limit)
        self.status = status
        self.kind = kind
        self.identityID = identityID
        self.limit = limit
        self.cursor = cursor
    }

    /// `GET`.
    public var method: HTTPMethod { .get }
    /// `/v1/gate/lifecycle/actions`.
    public var path: EndpointPath { GatePaths.lifecycleActions }

    /// `status`, `kind`, `identity_id`, `limit` and `cursor` when given.
    public var query: QueryItems {
        var items = QueryItems()
        items.add("status", status?.rawValue)
        items.add("kind", kind?.rawValue)
        items.add("identity_id", identityID)
        items.add("limit", limit)
        items.add("cursor", cursor)
        return items
    }
}
