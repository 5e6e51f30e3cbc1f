import VerneCore

/// RFC 6902 JSON Patch over `JSONValue`, with RFC 6901 pointers.
///
/// ``apply(_:to:)`` works on a copy and returns it only when every operation succeeded,
/// so a failing patch changes nothing.
enum JSONPatch {
    /// Why a patch was refused, for the `400` message.
    struct Failure: Error {
        var message: String
    }

    /// Applies a patch document.
    ///
    /// - Parameters:
    ///   - patch: The patch: an array of operation objects.
    ///   - document: The document to patch.
    /// - Returns: The patched document.
    /// - Throws: ``Failure`` when the patch is malformed, a path does not exist, or a
    ///   `test` fails.
    static func apply(_ patch: JSONValue, to document: JSONValue) throws(Failure) -> JSONValue {
        guard let operations = patch.arrayValue else {
            throw Failure(message: "A JSON Patch body is an array of operations.")
        }
        var result = document
        for (position, operation) in operations.enumerated() {
            do throws(Failure) {
                try applyOne(operation, to: &result)
            } catch {
                throw Failure(message: "Operation \(position): \(error.message)")
            }
        }
        return result
    }

    private static func applyOne(_ operation: JSONValue, to document: inout JSONValue) throws(Failure) {
        guard let members = operation.objectValue else {
            throw Failure(message: "an operation must be a JSON object.")
        }
        guard let op = members["op"]?.stringValue else {
            throw Failure(message: "'op' is required.")
        }
        guard let pathText = members["path"]?.stringValue else {
            throw Failure(message: "'path' is required.")
        }
        let path = try pointer(pathText)

        switch op {
        case "add":
            try add(try value(members), at: path, in: &document)
        case "remove":
            _ = try remove(at: path, in: &document)
        case "replace":
            let newValue = try value(members)
            _ = try remove(at: path, in: &document)
            try add(newValue, at: path, in: &document)
        case "move":
            let from = try pointer(try fromText(members))
            guard from != path else { return }
            if path.count > from.count, Array(path.prefix(from.count)) == from {
                throw Failure(message: "cannot move a value into one of its own children.")
            }
            let moved = try remove(at: from, in: &document)
            try add(moved, at: path, in: &document)
        case "copy":
            let from = try pointer(try fromText(members))
            try add(try get(at: from, in: document), at: path, in: &document)
        case "test":
            let expected = try value(members)
            guard equal(try get(at: path, in: document), expected) else {
                throw Failure(message: "test failed at '\(pathText)'.")
            }
        default:
            throw Failure(message: "unknown op '\(op)'.")
        }
    }

    private static func value(_ members: [String: JSONValue]) throws(Failure) -> JSONValue {
        guard let value = members["value"] else { throw Failure(message: "'value' is required.") }
        return value
    }

    private static func fromText(_ members: [String: JSONValue]) throws(Failure) -> String {
        guard let from = members["from"]?.stringValue else {
            throw Failure(message: "'from' is required.")
        }
        return from
    }

    /// Splits an RFC 6901 pointer into unescaped reference tokens.
    ///
    /// - Parameter text: For example `/traits/a~1b` (the member `a/b` of `traits`).
    /// - Returns: The tokens; empty for the whole document.
    /// - Throws: ``Failure`` when the text is not a pointer.
    static func pointer(_ text: String) throws(Failure) -> [String] {
        guard !text.isEmpty else { return [] }
        guard text.hasPrefix("/") else {
            throw Failure(message: "'\(text)' is not a JSON pointer.")
        }
        var tokens: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            var token = ""
            var characters = raw.makeIterator()
            while let character = characters.next() {
                guard character == "~" else {
                    token.append(character)
                    continue
                }
                switch characters.next() {
                case "0": token.append("~")
                case "1": token.append("/")
                default: throw Failure(message: "'\(text)' has a '~' not followed by 0 or 1.")
                }
            }
            tokens.append(token)
        }
        return tokens
    }

    /// The value at a pointer.
    static func get(at path: [String], in document: JSONValue) throws(Failure) -> JSONValue {
        var current = document
        for token in path {
            switch current {
            case .object(let members):
                guard let next = members[token] else { throw missing(path) }
                current = next
            case .array(let elements):
                let index = try arrayIndex(token, count: elements.count, allowEnd: false)
                current = elements[index]
            default:
                throw missing(path)
            }
        }
        return current
    }

    private static func add(_ value: JSONValue, at path: [String], in document: inout JSONValue) throws(Failure) {
        guard let last = path.last else {
            document = value
            return
        }
        try modify(parentOf: path, in: &document) { (parent: inout JSONValue) throws(Failure) in
            switch parent {
            case .object(var members):
                members[last] = value
                parent = .object(members)
            case .array(var elements):
                let index = try arrayIndex(last, count: elements.count, allowEnd: true)
                elements.insert(value, at: index)
                parent = .array(elements)
            default:
                throw missing(path)
            }
        }
    }

    private static func remove(at path: [String], in document: inout JSONValue) throws(Failure) -> JSONValue {
        guard let last = path.last else {
            let whole = document
            document = .null
            return whole
        }
        var removed = JSONValue.null
        try modify(parentOf: path, in: &document) { (parent: inout JSONValue) throws(Failure) in
            switch parent {
            case .object(var members):
                guard let value = members.removeValue(forKey: last) else { throw missing(path) }
                removed = value
                parent = .object(members)
            case .array(var elements):
                let index = try arrayIndex(last, count: elements.count, allowEnd: false)
                removed = elements.remove(at: index)
                parent = .array(elements)
            default:
                throw missing(path)
            }
        }
        return removed
    }

    private static func modify(
        parentOf path: [String], in document: inout JSONValue,
        _ change: (inout JSONValue) throws(Failure) -> Void
    ) throws(Failure) {
        try modify(path.dropLast()[...], in: &document, whole: path, change)
    }

    private static func modify(
        _ remaining: ArraySlice<String>, in node: inout JSONValue, whole: [String],
        _ change: (inout JSONValue) throws(Failure) -> Void
    ) throws(Failure) {
        guard let token = remaining.first else {
            try change(&node)
            return
        }
        switch node {
        case .object(var members):
            guard var child = members[token] else { throw missing(whole) }
            members[token] = nil
            try modify(remaining.dropFirst(), in: &child, whole: whole, change)
            members[token] = child
            node = .object(members)
        case .array(var elements):
            let index = try arrayIndex(token, count: elements.count, allowEnd: false)
            var child = elements[index]
            elements[index] = .null
            try modify(remaining.dropFirst(), in: &child, whole: whole, change)
            elements[index] = child
            node = .array(elements)
        default:
            throw missing(whole)
        }
    }

    private static func arrayIndex(_ token: String, count: Int, allowEnd: Bool) throws(Failure) -> Int {
        if token == "-" {
            guard allowEnd else { throw Failure(message: "'-' names no existing element.") }
            return count
        }
        guard !token.isEmpty, token.allSatisfy({ $0.isASCII && $0.isNumber }),
            token == "0" || !token.hasPrefix("0"), let index = Int(token)
        else { throw Failure(message: "'\(token)' is not an array index.") }
        guard index < count || (allowEnd && index == count) else {
            throw Failure(message: "index \(index) is out of range.")
        }
        return index
    }

    private static func missing(_ path: [String]) -> Failure {
        let text = path.map {
            "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        }.joined()
        return Failure(message: "path '\(text)' does not exist.")
    }

    /// JSON equality: numbers compare by value (`1` equals `1.0`), objects ignore order.
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.array(let left), .array(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { equal($0, $1) }
        case (.object(let left), .object(let right)):
            return left.count == right.count
                && left.allSatisfy { key, value in right[key].map { equal(value, $0) } ?? false }
        case (.integer, .double), (.double, .integer), (.double, .double):
            return lhs.doubleValue == rhs.doubleValue
        default:
            return lhs == rhs
        }
    }
}
