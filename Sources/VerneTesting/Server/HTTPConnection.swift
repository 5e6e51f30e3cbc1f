import Foundation
import VerneCore

/// Serves one keep-alive connection on its own thread until the peer closes it, the
/// server stops, or a fault drops it.
final class HTTPConnection {
    private let descriptor: Int32
    private let core: ServerCore
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0

    init(descriptor: Int32, core: ServerCore) {
        self.descriptor = descriptor
        self.core = core
        buffer = [UInt8](repeating: 0, count: 16 * 1024)
    }

    /// Reads and answers requests until the connection ends; closes the socket.
    func run() {
        defer { core.closeConnection(descriptor) }

        while core.isRunning {
            switch readHead() {
            case .closed:
                return
            case .refused(let status, let message):
                _ = send(HTTPResponseEncoder.refusal(status, message))
                return
            case .head(let head):
                guard answer(head) else { return }
            }
        }
    }

    private enum HeadOutcome {
        case head(HTTPRequestHead)
        case refused(Int, String)
        case closed
    }

    private func readHead() -> HeadOutcome {
        var scanned = 0
        while true {
            while end - start >= 2, buffer[start] == 0x0D, buffer[start + 1] == 0x0A {
                start += 2
                scanned = 0
            }
            if let blank = findBlankLine(from: start + max(0, scanned - 3)) {
                let limit = core.configuration.maximumHeaderBytes
                if blank - start > limit { return .refused(431, "The request head is too large.") }
                let parsed = buffer.withUnsafeBufferPointer { all in
                    Result { () throws(HTTPRequestHead.Refusal) in
                        try HTTPRequestHead.parse(
                            UnsafeBufferPointer(rebasing: all[start..<blank]),
                            maximumBody: core.configuration.maximumBodyBytes)
                    }
                }
                start = blank + 4
                switch parsed {
                case .success(let head):
                    return .head(head)
                case .failure(.malformed(let reason)):
                    return .refused(400, "Malformed HTTP request: \(reason).")
                case .failure(.bodyTooLarge):
                    return .refused(413, "The request body is too large.")
                case .failure(.lengthRequired):
                    return .refused(411, "Send the body with a Content-Length; chunked bodies are not read.")
                }
            }
            if end - start > core.configuration.maximumHeaderBytes {
                return .refused(431, "The request head is too large.")
            }
            scanned = end - start
            guard fill() else { return .closed }
        }
    }

    private func findBlankLine(from position: Int) -> Int? {
        guard end - position >= 4 else { return nil }
        var index = position
        while index + 3 < end {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D,
                buffer[index + 3] == 0x0A
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// Reads more bytes into the buffer, compacting or growing it first.
    private func fill() -> Bool {
        if start == end {
            start = 0
            end = 0
        } else if end == buffer.count, start > 0 {
            buffer.withUnsafeMutableBytes { raw in
                raw.baseAddress!.copyMemory(from: raw.baseAddress! + start, byteCount: end - start)
            }
            end -= start
            start = 0
        }
        if end == buffer.count {
            buffer.append(contentsOf: repeatElement(0, count: buffer.count))
        }
        let read = buffer.withUnsafeMutableBytes { raw in
            Socket.receive(descriptor, into: raw.baseAddress! + end, count: raw.count - end)
        }
        guard read > 0 else { return false }
        end += read
        return true
    }

    private func readBody(_ head: HTTPRequestHead) -> Data? {
        let length = head.contentLength
        guard length > 0 else { return Data() }
        if head.expectsContinue, end == start {
            guard send(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }

        var body = Data(count: length)
        let buffered = min(end - start, length)
        var filled = buffered
        let complete = body.withUnsafeMutableBytes { target -> Bool in
            buffer.withUnsafeBytes { source in
                target.baseAddress!.copyMemory(from: source.baseAddress! + start, byteCount: buffered)
            }
            while filled < length {
                let read = Socket.receive(
                    descriptor, into: target.baseAddress! + filled, count: length - filled)
                guard read > 0 else { return false }
                filled += read
            }
            return true
        }
        start += buffered
        return complete ? body : nil
    }

    /// Answers one request; returns whether the connection stays open.
    private func answer(_ head: HTTPRequestHead) -> Bool {
        let keepAlive = head.keepAlive
        let omitBody = head.method == "HEAD"

        if head.path == "/_emulator" || head.path.hasPrefix("/_emulator/") {
            guard let body = readBody(head) else { return false }
            let request = EmulatorRequest(
                method: head.method, path: head.path, query: head.query, headers: head.headers,
                body: body)
            let response = core.control.answer(request)
            return send(HTTPResponseEncoder.encode(response, keepAlive: keepAlive, omitBody: omitBody))
                && keepAlive
        }

        if let fixed = core.fixedAnswer {
            guard readBody(head) != nil else { return false }
            core.sleep(core.configuration.delay)
            return send(fixed.bytes(keepAlive: keepAlive)) && keepAlive
        }

        let ticket = core.emulator.begin(method: head.method, path: head.path)
        core.sleep(core.configuration.delay + ticket.plan.delay)
        if ticket.plan.action == .dropBeforeProcessing {
            abort()
            return false
        }

        guard let body = readBody(head) else { return false }
        let request = EmulatorRequest(
            method: head.method, path: head.path, query: head.query, headers: head.headers, body: body)
        switch core.emulator.complete(ticket, request) {
        case .dropped:
            abort()
            return false
        case .answer(let response):
            return send(HTTPResponseEncoder.encode(response, keepAlive: keepAlive, omitBody: omitBody))
                && keepAlive
        }
    }

    /// Drops the connection: a bare status line, then a reset.
    ///
    /// Closing before any byte of an answer would let libcurl (URLSession on Linux) replay
    /// the request on a reused connection and then wait out its whole timeout; an answer
    /// that breaks off after its first line makes every client see the loss at once.
    private func abort() {
        _ = send(Array("HTTP/1.1 200 OK\r\n".utf8))
        Socket.setResetOnClose(descriptor)
    }

    private func send(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { Socket.sendAll(descriptor, $0) }
    }
}
