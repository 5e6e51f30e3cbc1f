import VerneCore

/// Automatic deletion of unverified and inactive accounts and removal of expired roles,
/// for async code.
///
/// Every project has four rules, all off until you switch them on; see
/// ``LifecycleRuleKind`` for their settings. Only ``LifecycleRuleKind/deleteUnverified``
/// is in the free plan; switching on another is `403 plan_required`.
public struct AsyncLifecycle: Sendable {
    let engine: AsyncEngine

    /// Reads every rule of the key's project, set up or not, and the plan.
    ///
    /// - Returns: The rules and the plan.
    /// - Throws: A ``VerneError``.
    public func rules() async throws -> LifecycleRules {
        try await engine.run(ListLifecycleRulesEndpoint())
    }

    /// Creates, changes, or switches a rule on or off.
    ///
    /// Leave `params` out to keep the saved settings; a first write needs them (except
    /// for ``LifecycleRuleKind/expireRoles``). Switching off or changing settings cancels
    /// what the rule had scheduled.
    ///
    /// ```swift
    /// try await gate.lifecycle.setRule(
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
    public func setRule(
        _ kind: LifecycleRuleKind, enabled: Bool, params: JSONValue? = nil
    ) async throws -> LifecycleRule {
        try await engine.run(SetLifecycleRuleEndpoint(kind: kind, enabled: enabled, params: params))
    }

    /// Removes a rule and cancels what it scheduled; a success also when there was none.
    ///
    /// - Parameter kind: The rule's kind.
    /// - Throws: ``VerneInvalidRequestError`` for an empty kind; a ``VerneError``.
    public func deleteRule(_ kind: LifecycleRuleKind) async throws {
        _ = try await engine.run(DeleteLifecycleRuleEndpoint(kind: kind))
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
    public func preview(
        _ kind: LifecycleRuleKind, params: JSONValue = [:]
    ) async throws -> LifecyclePreview {
        try await engine.run(PreviewLifecycleRuleEndpoint(kind: kind, params: params))
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
    public func actions(
        status: LifecycleAction.Status? = nil, kind: LifecycleRuleKind? = nil,
        identityID: String? = nil, limit: Int? = nil, cursor: String? = nil
    ) async throws -> Page<LifecycleAction> {
        try await engine.run(
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
    /// - Returns: The actions as an async sequence.
    public func allActions(
        status: LifecycleAction.Status? = nil, kind: LifecycleRuleKind? = nil,
        identityID: String? = nil, pageSize: Int = 100
    ) -> PageSequence<LifecycleAction> {
        let engine = engine
        return PageSequence { cursor in
            try await engine.run(
                ListLifecycleActionsEndpoint(
                    status: status, kind: kind, identityID: identityID, limit: pageSize,
                    cursor: cursor))
        }
    }
}
