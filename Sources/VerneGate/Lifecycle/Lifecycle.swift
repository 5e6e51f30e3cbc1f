import VerneCore

/// Automatic deletion of unverified and inactive accounts and removal of expired roles,
/// for blocking code.
///
/// Every project has four rules, all off until you switch them on; see
/// ``LifecycleRuleKind`` for their settings. Only ``LifecycleRuleKind/deleteUnverified``
/// is in the free plan; switching on another is `403 plan_required`.
///
/// Every method blocks the calling thread until the answer arrives; from async code use
/// ``AsyncLifecycle`` instead.
public struct Lifecycle: Sendable {
    let engine: BlockingEngine

    /// Reads every rule of the key's project, set up or not, and the plan.
    ///
    /// - Returns: The rules and the plan.
    /// - Throws: A ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func rules() throws -> LifecycleRules {
        try engine.run(ListLifecycleRulesEndpoint())
    }

    /// Creates, changes, or switches a rule on or off.
    ///
    /// Leave `params` out to keep the saved settings; a first write needs them (except
    /// for ``LifecycleRuleKind/expireRoles``). Switching off or changing settings cancels
    /// what the rule had scheduled.
    ///
    /// ```swift
    /// try gate.lifecycle.setRule(
    ///     .deleteUnverified, enabled: true,
    ///     params: ["delete_after_days": 30, "warn_before_days": 7])
    /// ```
    ///
    /// - Parameters:
    ///   - kind: The rule's kind.
    ///   - enabled: Whether the rule is on.
    ///   - params: The settings, a JSON object, or `nil` to keep the saved ones.
    /// - Returns: The rule after the change.
    /// - Throws: ``VerneInvalidRequestError`` when `params` is not an object;
    ///   ``VerneAPIError`` (`400` for settings out of bounds, `403 plan_required`) and
    ///   other ``VerneError``s.
    @discardableResult
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func setRule(
        _ kind: LifecycleRuleKind, enabled: Bool, params: JSONValue? = nil
    ) throws -> LifecycleRule {
        try engine.run(SetLifecycleRuleEndpoint(kind: kind, enabled: enabled, params: params))
    }

    /// Removes a rule and cancels what it scheduled; a success also when there was none.
    ///
    /// - Parameter kind: The rule's kind.
    /// - Throws: ``VerneInvalidRequestError`` for an empty kind; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func deleteRule(_ kind: LifecycleRuleKind) throws {
        _ = try engine.run(DeleteLifecycleRuleEndpoint(kind: kind))
    }

    /// Counts how many people a rule with these settings would affect now; writes
    /// nothing, whether or not the rule is on or in your plan.
    ///
    /// - Parameters:
    ///   - kind: The rule's kind.
    ///   - params: The settings to try; `{}` by default, as ``LifecycleRuleKind/expireRoles``
    ///     takes.
    /// - Returns: The count.
    /// - Throws: ``VerneInvalidRequestError`` when `params` is not an object; a
    ///   ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func preview(
        _ kind: LifecycleRuleKind, params: JSONValue = [:]
    ) throws -> LifecyclePreview {
        try engine.run(PreviewLifecycleRuleEndpoint(kind: kind, params: params))
    }

    /// Lists what the rules scheduled and did, oldest first, one page at a time.
    ///
    /// - Parameters:
    ///   - status: Only actions in this status.
    ///   - kind: Only actions of this rule.
    ///   - identityID: Only actions concerning this person.
    ///   - limit: Page size, at most 100; the service's default when `nil`.
    ///   - cursor: The previous page's ``Page/nextCursor``, with the same filters.
    /// - Returns: One page.
    /// - Throws: ``VerneInvalidRequestError`` for a limit below 1; a ``VerneError``.
    @available(*, noasync, message: "Use AsyncGate from async code")
    public func actions(
        status: LifecycleAction.Status? = nil, kind: LifecycleRuleKind? = nil,
        identityID: String? = nil, limit: Int? = nil, cursor: String? = nil
    ) throws -> Page<LifecycleAction> {
        try engine.run(
            ListLifecycleActionsEndpoint(
                status: status, kind: kind, identityID: identityID, limit: limit, cursor: cursor))
    }

    /// Every matching action, oldest first, fetched page by page as you iterate.
    ///
    /// - Parameters:
    ///   - status: Only actions in this status.
    ///   - kind: Only actions of this rule.
    ///   - identityID: Only actions concerning this person.
    ///   - pageSize: Items per request; 100 by default.
    /// - Returns: The actions.
    public func allActions(
        status: LifecycleAction.Status? = nil, kind: LifecycleRuleKind? = nil,
        identityID: String? = nil, pageSize: Int = 100
    ) -> BlockingPages<LifecycleAction> {
        let engine = engine
        return BlockingPages { cursor in
            try engine.run(
                ListLifecycleActionsEndpoint(
                    status: status, kind: kind, identityID: identityID, limit: pageSize,
                    cursor: cursor))
        }
    }
}
