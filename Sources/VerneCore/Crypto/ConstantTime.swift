/// Comparison of secrets in time that does not depend on where they differ.
package enum ConstantTime {
    /// Whether two byte strings are equal, looking at every byte whatever the first
    /// difference.
    ///
    /// The lengths are compared first and are not secret: a MAC or a signature has a
    /// fixed, public length.
    ///
    /// - Parameters:
    ///   - lhs: One byte string.
    ///   - rhs: The other.
    /// - Returns: `true` when they have the same length and the same bytes.
    package static func equals<L: Collection<UInt8>, R: Collection<UInt8>>(
        _ lhs: L, _ rhs: R
    ) -> Bool {
        guard lhs.count == rhs.count else { return false }

        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) {
            difference |= left ^ right
        }
        return difference == 0
    }
}
