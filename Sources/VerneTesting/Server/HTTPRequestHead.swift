import VerneCore

/// The request line and header fields of one HTTP/1.x request.
struct HTTPRequestHead {
    /// Why a head was refused; each maps to a status.
    enum Refusal: Error {
        /// Not HTTP/1.x as RFC 9112 writes it: `400`.
        case malformed(String)
        /// A body length the server will not read: `413`.
        case bodyTooLarge
        /// A body without `Content-Length` (chunked): `411`.
        case lengthRequired
    }

    var method: String
    var path: String
    var query: String?
    var isHTTP11: Bool
    var headers: HTTPHeaders
    var contentLength: Int
    var keepAlive: Bool
    var expectsContinue: Bool

    /// Parses a head: the bytes up to, not including, the blank line.
    ///
    /// - Parameters:
    ///   - bytes: The head.
    ///   - maximumBody: The largest body accepted.
    /// - Returns: The head.
    /// - Throws: ``Refusal``.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, maximumBody: Int) throws(Refusal) -> HTTPRequestHead {
        var lines = LineReader(bytes: bytes)
        guard let requestLine = lines.next(), !requestLine.isEmpty else {
            throw .malformed("missing request line")
        }
        let parts = requestLine.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            throw .malformed("bad request line")
        }
        let version = parts[2]
        let isHTTP11: Bool
        if version.elementsEqual("HTTP/1.1".utf8) {
            isHTTP11 = true
        } else if version.elementsEqual("HTTP/1.0".utf8) {
            isHTTP11 = false
        } else {
            throw .malformed("unsupported HTTP version")
        }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/"), target.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else {
            throw .malformed("bad request target")
        }

        var head = HTTPRequestHead(
            method: String(decoding: parts[0], as: UTF8.self), path: "", query: nil,
            isHTTP11: isHTTP11, headers: HTTPHeaders(), contentLength: 0, keepAlive: isHTTP11,
            expectsContinue: false)
        if let mark = target.firstIndex(of: UInt8(ascii: "?")) {
            head.path = String(decoding: target[..<mark], as: UTF8.self)
            head.query = String(decoding: target[(mark + 1)...], as: UTF8.self)
        } else {
            head.path = String(decoding: target, as: UTF8.self)
        }

        try head.readFields(&lines, maximumBody: maximumBody)
        return head
    }

    private mutating func readFields(_ lines: inout LineReader, maximumBody: Int) throws(Refusal) {
        var lengths: Set<Int> = []
        var hasHost = false
        while let line = lines.next() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else {
                throw .malformed("bad header field")
            }
            let name = line[..<colon]
            guard name.allSatisfy(Self.isTokenByte) else { throw .malformed("bad header name") }
            var value = line[(colon + 1)...]
            while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
            while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
            guard value.allSatisfy({ $0 >= 0x20 || $0 == 0x09 }), !value.contains(0x7F) else {
                throw .malformed("bad header value")
            }

            let nameText = String(decoding: name, as: UTF8.self)
            let valueText = String(decoding: value, as: UTF8.self)
            headers.add(name: nameText, value: valueText)

            switch nameText.lowercased() {
            case "content-length":
                for item in valueText.split(separator: ",") {
                    let digits = item.trimmingCharacters(in: [" ", "\t"])
                    guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy(\.isASCII),
                        digits.allSatisfy(\.isNumber), let length = Int(digits)
                    else { throw .malformed("bad Content-Length") }
                    lengths.insert(length)
                }
            case "transfer-encoding":
                throw .lengthRequired
            case "connection":
                let tokens = valueText.lowercased().split(separator: ",").map {
                    $0.trimmingCharacters(in: [" ", "\t"])
                }
                if tokens.contains("close") { keepAlive = false }
                if tokens.contains("keep-alive"), !tokens.contains("close") { keepAlive = true }
            case "expect":
                expectsContinue = valueText.lowercased() == "100-continue"
            case "host":
                hasHost = true
            default:
                break
            }
        }

        guard lengths.count <= 1 else { throw .malformed("conflicting Content-Length") }
        guard hasHost || !isHTTP11 else { throw .malformed("missing Host") }
        contentLength = lengths.first ?? 0
        guard contentLength <= maximumBody else { throw .bodyTooLarge }
    }

    /// Whether a byte may appear in a method or header name (an RFC 9110 token).
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"),
            UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"), UInt8(ascii: "_"),
            UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}

/// Splits a head into lines ended by CRLF; a bare LF or CR inside a line is refused by
/// the caller's checks on the line's bytes.
private struct LineReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    mutating func next() -> Slice<UnsafeBufferPointer<UInt8>>? {
        guard position < bytes.count else { return nil }
        var index = position
        while index < bytes.count {
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                let line = bytes[position..<index]
                position = index + 2
                return line
            }
            index += 1
        }
        let line = bytes[position..<bytes.count]
        position = bytes.count
        return line
    }
}
