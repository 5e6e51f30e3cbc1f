import Foundation
import VerneCore

/// The faults waiting for requests, with how many uses each has left.
struct FaultBook: Sendable {
    private var entries: [EmulatorFault] = []

    /// What applies to one request: the sum of matching delays and at most one other
    /// fault.
    struct Plan: Sendable {
        var delay: Duration = .zero
        var action: EmulatorFault.Action.Kind?
    }

    /// Adds a fault after the others.
    mutating func add(_ fault: EmulatorFault) {
        guard fault.count != 0 else { return }
        entries.append(fault)
    }

    /// Forgets every fault.
    mutating func removeAll() { entries.removeAll() }

    /// Whether no fault is waiting.
    var isEmpty: Bool { entries.isEmpty }

    /// The faults still waiting, in order.
    var pending: [EmulatorFault] { entries }

    /// Picks the faults for a request and uses them up.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - path: The request path as sent.
    ///   - pattern: The route pattern, when a route has the path.
    /// - Returns: What applies.
    mutating func take(method: String, path: String, pattern: String?) -> Plan {
        var plan = Plan()
        guard !entries.isEmpty else { return plan }

        for index in entries.indices
        where entries[index].matches(method: method, path: path, pattern: pattern) {
            if case .delay(let duration) = entries[index].action.kind {
                plan.delay += duration
            } else if plan.action == nil {
                plan.action = entries[index].action.kind
            } else {
                continue
            }
            if let remaining = entries[index].count { entries[index].count = remaining - 1 }
        }
        entries.removeAll { $0.count == 0 }
        return plan
    }
}

/// The bodies of the body-corrupting faults.
enum FaultBodies {
    /// Text that starts like JSON and is not.
    static let malformed = Data(#"{"id": "msg_malformed", "status": accepted, "timestamp": }"#.utf8)

    /// An error page of a proxy.
    static let html = Data(
        "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
            .utf8)

    /// The first half of a body (at least one byte shorter).
    static func truncated(_ body: Data) -> Data {
        guard body.count > 1 else { return Data(#"{"id":"#.utf8) }
        return body.prefix(body.count / 2)
    }
}
