import VerneCore

extension OrgClaim {
    /// Reads one element of a signed token's `orgs` claim.
    ///
    /// The claim is as old as the token and cannot follow a role change or a removal; for
    /// a live answer ask Gate.
    ///
    /// - Parameter value: The element.
    /// - Returns: The claim, or `nil` when the element is not an object with a string `id`.
    init?(_ value: JSONValue) {
        guard let id = value["id"]?.stringValue else { return nil }
        self.init(
            id: id, role: value["role"]?.stringValue ?? "",
            permissions: value["permissions"]?.arrayValue?.compactMap(\.stringValue) ?? [])
    }
}
