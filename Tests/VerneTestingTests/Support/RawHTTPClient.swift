import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 client on a POSIX socket, to send bytes no well-behaved client would.
final class RawHTTPClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
    }

    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to 127.0.0.1.
    init?(port: Int) {
        #if canImport(Darwin)
            let made = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let made = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard made >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(made, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(made)
            return nil
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(made, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Writes bytes; returns whether all were written.
    @discardableResult
    func write(_ text: String) -> Bool { write(Array(text.utf8)) }

    /// Writes bytes; returns whether all were written.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes {
                send(descriptor, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }

    /// Reads one response; `nil` when the connection ended first.
    func readResponse() -> Response? {
        guard let headEnd = fill(until: { self.find([13, 10, 13, 10]) }) else { return nil }
        let headText = String(decoding: pending[..<headEnd], as: UTF8.self)
        pending.removeFirst(headEnd + 4)

        let lines = headText.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
                .trimmingCharacters(in: .whitespaces)
        }

        let length = Int(headers["content-length"] ?? "0") ?? 0
        guard fill(until: { self.pending.count >= length ? length : nil }) != nil else { return nil }
        let body = Data(pending[..<length])
        pending.removeFirst(length)
        return Response(status: status, headers: headers, body: body)
    }

    /// Whether the server closed the connection (reads return end of stream or reset).
    func isClosedByPeer() -> Bool {
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) <= 0
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard pending.count >= needle.count else { return nil }
        for index in 0...(pending.count - needle.count)
        where pending[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }

    private func fill(until done: () -> Int?) -> Int? {
        while true {
            if let found = done() { return found }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let read = recv(descriptor, &chunk, chunk.count, 0)
            guard read > 0 else { return nil }
            pending.append(contentsOf: chunk[..<read])
        }
    }
}
