import VerneCore

/// One signed-token verifier per tenant, made on first use and shared by every copy of a
/// Gate client, so their key-set caches are shared too.
final class VerifierRegistry<Verifier: AnyObject & Sendable>: Sendable {
    private let verifiers = LockedValue<[String: Verifier]>([:])

    /// The tenant's verifier, made with `make` the first time.
    ///
    /// - Parameters:
    ///   - tenantID: The tenant.
    ///   - make: Makes the verifier.
    /// - Returns: The verifier.
    /// - Throws: What `make` throws.
    func verifier(for tenantID: String, make: () throws -> Verifier) throws -> Verifier {
        if let existing = verifiers.withLock({ $0[tenantID] }) { return existing }

        let made = try make()
        return verifiers.withLock { verifiers in
            if let existing = verifiers[tenantID] { return existing }
            verifiers[tenantID] = made
            return made
        }
    }
}
