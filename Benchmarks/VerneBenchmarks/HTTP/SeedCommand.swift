import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `seed`: stores `--count` messages in the tenant of `--key`, for the paging benchmark.
///
/// Set-up, not a measurement: it writes `POST /v1/relay/messages` requests straight to
/// sockets, `--connections` of them (4 by default), each with up to 64 requests in flight
/// (HTTP/1.1 pipelining, which the emulator serves in order), and checks that every
/// answer is a `202`. That leaves the emulator's own work as the only cost, so 100,000
/// messages take seconds instead of the minute the SDK would need on two cores.
/// Prints `seeded: N in S s`.
enum SeedCommand {
    static func run(_ arguments: [String]) throws {
        let options = BenchOptions(arguments)
        let url = try options.url()
        let count = try options.integer("--count", default: 1000)
        let connections = max(1, try options.integer("--connections", default: 4))
        guard let host = url.host, let port = url.port else {
            throw BenchmarkError("--url needs a host and port")
        }
        let start = LoadRunner.now()

        let failures = LockedFailures()
        let group = DispatchGroup()
        for connection in 0..<connections {
            let share = count / connections + (connection < count % connections ? 1 : 0)
            group.enter()
            Thread {
                do {
                    try sendMessages(
                        share, host: host, port: port, key: options.key,
                        first: connection * (count / connections + 1))
                } catch {
                    failures.add("\(error)")
                }
                group.leave()
            }.start()
        }
        group.wait()

        if let failure = failures.first { throw BenchmarkError("seeding failed: \(failure)") }
        print(
            String(format: "seeded: %d in %.1f s", count, Double(LoadRunner.now() - start) / 1e9))
    }

    /// Sends `count` messages on one connection, keeping up to 64 unanswered.
    private static func sendMessages(
        _ count: Int, host: String, port: Int, key: String, first: Int
    ) throws {
        let socket = try openConnection(host: host, port: port)
        defer { close(socket) }

        var sent = 0
        var answered = 0
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while answered < count {
            var batch: [UInt8] = []
            while sent < count, sent - answered < 64 {
                batch += request(number: first + sent, host: host, port: port, key: key)
                sent += 1
            }
            try write(socket, batch)

            let received = chunk.withUnsafeMutableBytes {
                recv(socket, $0.baseAddress, $0.count, 0)
            }
            guard received > 0 else { throw BenchmarkError("the emulator closed the connection") }
            buffer += chunk[0..<received]
            answered += try consumeAnswers(&buffer)
        }
    }

    private static func request(number: Int, host: String, port: Int, key: String) -> [UInt8] {
        let body = #"{"event_type":"seed.item","payload":{"n":\#(number)}}"#
        let head =
            "POST /v1/relay/messages HTTP/1.1\r\nHost: \(host):\(port)\r\n"
            + "Authorization: Bearer \(key)\r\nContent-Type: application/json\r\n"
            + "Content-Length: \(body.utf8.count)\r\n\r\n"
        return Array((head + body).utf8)
    }

    /// Removes every complete answer from the front of `buffer`; each must be a `202`.
    private static func consumeAnswers(_ buffer: inout [UInt8]) throws -> Int {
        let separator: [UInt8] = [13, 10, 13, 10]
        var consumed = 0
        var answers = 0
        while let headEnd = firstIndex(of: separator, in: buffer, from: consumed) {
            let head = String(decoding: buffer[consumed..<headEnd], as: UTF8.self)
            guard head.hasPrefix("HTTP/1.1 202") else {
                throw BenchmarkError("an answer was not 202: \(head.prefix(40))")
            }
            let length =
                head.split(separator: "\r\n")
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
                ?? 0
            guard headEnd + 4 + length <= buffer.count else { break }
            consumed = headEnd + 4 + length
            answers += 1
        }
        buffer.removeFirst(consumed)
        return answers
    }

    private static func firstIndex(
        of pattern: [UInt8], in bytes: [UInt8], from start: Int
    ) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= bytes.count {
            if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern {
                return index
            }
            index += 1
        }
        return nil
    }

    private static func openConnection(host: String, port: Int) throws -> Int32 {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw BenchmarkError("socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(descriptor)
            throw BenchmarkError("\(host) is not an IPv4 address")
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw BenchmarkError("cannot connect to \(host):\(port)")
        }
        return descriptor
    }

    private static func write(_ socket: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                send(socket, $0.baseAddress, $0.count, 0)
            }
            guard written > 0 else { throw BenchmarkError("cannot write to the emulator") }
            offset += written
        }
    }
}

/// The first error of the seeding threads.
private final class LockedFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var failures: [String] = []

    func add(_ failure: String) { lock.withLock { failures.append(failure) } }
    var first: String? { lock.withLock { failures.first } }
}
