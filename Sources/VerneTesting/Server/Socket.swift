#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The few POSIX socket calls the server needs, the same on Linux and Apple systems.
enum Socket {
    /// A failed system call, with its `errno`.
    struct Failure: Error, CustomStringConvertible {
        var call: String
        var code: Int32

        var description: String { "\(call) failed: \(String(cString: strerror(code)))" }
    }

    /// Opens a TCP socket listening on 127.0.0.1.
    ///
    /// - Parameter port: The port, or 0 for any free one.
    /// - Returns: The socket and the port it is bound to.
    /// - Throws: ``Failure`` when the socket cannot be made or bound.
    static func listen(onLoopbackPort port: Int) throws -> (descriptor: Int32, port: Int) {
        #if canImport(Darwin)
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #else
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #endif
        guard descriptor >= 0 else { throw Failure(call: "socket", code: errno) }

        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(clamping: port)).bigEndian
        address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(call: "bind", code: code)
        }
        guard systemListen(descriptor, 1024) == 0 else {
            let code = errno
            close(descriptor)
            throw Failure(call: "listen", code: code)
        }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(descriptor, $0, &length)
            }
        }
        return (descriptor, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Accepts a connection, retrying on `EINTR`.
    ///
    /// - Parameter descriptor: The listening socket.
    /// - Returns: The connected socket, or `nil` on failure.
    static func accept(_ descriptor: Int32) -> Int32? {
        while true {
            #if canImport(Darwin)
                let connection = Darwin.accept(descriptor, nil, nil)
            #elseif canImport(Musl)
                let connection = Musl.accept(descriptor, nil, nil)
            #else
                let connection = Glibc.accept(descriptor, nil, nil)
            #endif
            if connection >= 0 { return connection }
            if errno == EINTR { continue }
            return nil
        }
    }

    /// Sets what every served connection needs: no Nagle delay, no `SIGPIPE`, and an idle
    /// timeout on reads.
    ///
    /// - Parameters:
    ///   - descriptor: The connected socket.
    ///   - idleSeconds: How long a read may wait.
    static func configureConnection(_ descriptor: Int32, idleSeconds: Int) {
        var yes: Int32 = 1
        #if canImport(Darwin)
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &yes, socklen_t(MemoryLayout<Int32>.size))
        #else
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var timeout = timeval(tv_sec: .init(idleSeconds), tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Reads what is available into a buffer, retrying on `EINTR`.
    ///
    /// - Returns: The number of bytes read; 0 at the end of the stream or on any failure.
    static func receive(_ descriptor: Int32, into pointer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let read = recv(descriptor, pointer, count, 0)
            if read >= 0 { return read }
            if errno == EINTR { continue }
            return 0
        }
    }

    /// Writes all bytes.
    ///
    /// - Returns: Whether every byte was written.
    static func sendAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        #if canImport(Darwin)
            let flags: Int32 = 0
        #else
            let flags = Int32(MSG_NOSIGNAL)
        #endif
        var offset = 0
        while offset < bytes.count {
            let written = send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, flags)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return false
            }
        }
        return true
    }

    /// Makes `close` reset the connection at once instead of finishing it politely.
    static func setResetOnClose(_ descriptor: Int32) {
        var linger = SystemLinger(l_onoff: 1, l_linger: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<SystemLinger>.size))
    }

    /// Stops both directions of a socket, waking any thread blocked on it.
    static func shutdownBoth(_ descriptor: Int32) {
        #if canImport(Darwin)
            _ = Darwin.shutdown(descriptor, SHUT_RDWR)
        #else
            _ = shutdown(descriptor, Int32(SHUT_RDWR))
        #endif
    }

    /// Closes a descriptor.
    static func close(_ descriptor: Int32) {
        #if canImport(Darwin)
            _ = Darwin.close(descriptor)
        #elseif canImport(Musl)
            _ = Musl.close(descriptor)
        #else
            _ = Glibc.close(descriptor)
        #endif
    }

    /// Makes a pipe whose write end wakes a thread waiting in ``waitReadable(_:_:)``.
    static func makePipe() -> (read: Int32, write: Int32)? {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        return (ends[0], ends[1])
    }

    /// Writes one byte to a pipe.
    static func poke(_ descriptor: Int32) {
        var byte: UInt8 = 1
        _ = write(descriptor, &byte, 1)
    }

    /// Waits until one of two descriptors is readable.
    ///
    /// - Returns: `0` or `1` for the readable one, `nil` on failure.
    static func waitReadable(_ first: Int32, _ second: Int32) -> Int? {
        var fds = [
            pollfd(fd: first, events: Int16(POLLIN), revents: 0),
            pollfd(fd: second, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let ready = poll(&fds, 2, -1)
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { return nil }
            if fds[1].revents != 0 { return 1 }
            if fds[0].revents != 0 { return 0 }
        }
    }
}

#if canImport(Darwin)
    private typealias SystemLinger = Darwin.linger
    private func systemListen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        Darwin.listen(descriptor, backlog)
    }
#elseif canImport(Musl)
    private typealias SystemLinger = Musl.linger
    private func systemListen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        Musl.listen(descriptor, backlog)
    }
#else
    private typealias SystemLinger = Glibc.linger
    private func systemListen(_ descriptor: Int32, _ backlog: Int32) -> Int32 {
        Glibc.listen(descriptor, backlog)
    }
#endif
