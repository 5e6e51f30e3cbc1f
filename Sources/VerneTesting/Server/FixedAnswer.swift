/// The canned answer of the fixed-answer mode: a `202` Message, built once.
struct FixedAnswer: Sendable {
    private let head: [UInt8]
    private let body: [UInt8]
    private let counter = Counter()

    init() {
        let canned = Array(
            (#"{"event_type":"benchmark.fixed","id":"msg_fixedanswer0000000","#
                + #""status":"accepted","timestamp":"2026-01-01T00:00:00Z"}"#).utf8)
        let lines = [
            "HTTP/1.1 202 Accepted", "Content-Type: application/json",
            "Content-Length: \(canned.count)", "X-Request-ID: req_fixed",
        ]
        head = Array(lines.joined(separator: "\r\n").utf8)
        body = canned
    }

    /// The whole response, with a fresh request ID.
    ///
    /// - Parameter keepAlive: Whether the connection stays open.
    /// - Returns: The bytes to send.
    func bytes(keepAlive: Bool) -> [UInt8] {
        var out = head
        out.reserveCapacity(head.count + body.count + 48)
        out.append(contentsOf: String(counter.next()).utf8)
        let connection = keepAlive ? "keep-alive" : "close"
        out.append(contentsOf: "\r\nConnection: \(connection)\r\n\r\n".utf8)
        out.append(contentsOf: body)
        return out
    }
}
