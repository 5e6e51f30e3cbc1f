/// A parsed JSON document, numbers kept as text, for ``JSONTreeDecoder``.
///
/// Not `indirect`: the arrays already hold nested nodes out of line, so a node needs no
/// box of its own, which saves an allocation for every value in a response.
enum JSONNode {
    case null
    case bool(Bool)
    /// The number as written, so that each type can read it by its own rules.
    case number(String)
    case string(String)
    case array([JSONNode])
    /// The members in document order; with ``JSONParsingOptions/DuplicateNames/refused``
    /// (the decoder's choice) names are unique.
    case object([(name: String, node: JSONNode)])
}

extension JSONNode: JSONParsingTarget {
    static func number(_ text: UnsafeRawBufferPointer, isIntegral: Bool) -> JSONNode? {
        .number(String(decoding: text, as: UTF8.self))
    }

    static func emptyMembers() -> [(name: String, node: JSONNode)] { [] }

    /// Appends the member; repeated names are looked for once, when the object is finished.
    static func add(
        _ name: String, _ value: JSONNode, to members: inout [(name: String, node: JSONNode)],
        duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> Bool {
        members.append((name, value))
        return true
    }

    static func finishObject(
        _ members: [(name: String, node: JSONNode)],
        duplicateNames: JSONParsingOptions.DuplicateNames
    ) -> JSONNode? {
        if namesAreUnique(members) { return .object(members) }
        switch duplicateNames {
        case .refused:
            return nil
        case .lastWins:
            var seen = Set<String>()
            var kept = members.reversed().filter { seen.insert($0.name).inserted }
            kept.reverse()
            return .object(kept)
        }
    }

    /// Whether no name is repeated: small objects, the usual ones, are scanned, which costs
    /// less than hashing.
    private static func namesAreUnique(_ members: [(name: String, node: JSONNode)]) -> Bool {
        if members.count <= 8 {
            for (index, member) in members.enumerated()
            where members[..<index].contains(where: { $0.name == member.name }) {
                return false
            }
            return true
        }
        return Set(members.map(\.name)).count == members.count
    }
}
