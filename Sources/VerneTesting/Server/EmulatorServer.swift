import Foundation

/// Serves a ``NautilusEmulator`` over HTTP/1.1 on 127.0.0.1, so any client (the SDK's
/// URLSession transport, `curl`, another language's SDK) can reach it over a real socket.
///
/// ```swift
/// let server = EmulatorServer()
/// let port = try server.start(port: 0)          // 0: any free port
/// defer { server.stop() }
/// let configuration = try VerneConfiguration.baseURL("http://127.0.0.1:\(port)")
/// let relay = Relay(apiKey: "vrn_test", configuration: configuration)
/// ```
///
/// Connections are kept alive (until `Connection: close`), one thread each; bodies need a
/// `Content-Length` (chunked ones are answered `411`); a head over
/// ``Configuration/maximumHeaderBytes`` is `431`, a body over
/// ``Configuration/maximumBodyBytes`` is `413`, and malformed HTTP is a clean `400`.
/// Paths under `/_emulator/` are the control API, which needs no key: reset, clock,
/// faults, state, request counts and shared tenants (`verne-emulator --help` lists them).
public final class EmulatorServer: Sendable {
    /// How the server behaves.
    public struct Configuration: Sendable {
        /// Answers every request with a canned `202` Message without touching the
        /// emulator's state, so a benchmark measures the client, not the server.
        public var fixedAnswer: Bool
        /// A delay applied to every request before it is answered.
        public var delay: Duration
        /// The largest request head accepted (request line and header fields).
        public var maximumHeaderBytes: Int
        /// The largest request body accepted.
        public var maximumBodyBytes: Int
        /// How long an idle connection is kept open.
        public var idleTimeout: Duration

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - fixedAnswer: Whether to answer a canned `202` Message to everything.
        ///   - delay: A delay before every answer; none by default.
        ///   - maximumHeaderBytes: The head size limit; 64 KiB by default.
        ///   - maximumBodyBytes: The body size limit; 8 MiB by default.
        ///   - idleTimeout: How long an idle connection stays open; 5 minutes by default.
        public init(
            fixedAnswer: Bool = false, delay: Duration = .zero, maximumHeaderBytes: Int = 64 * 1024,
            maximumBodyBytes: Int = 8 * 1024 * 1024, idleTimeout: Duration = .seconds(300)
        ) {
            self.fixedAnswer = fixedAnswer
            self.delay = delay
            self.maximumHeaderBytes = maximumHeaderBytes
            self.maximumBodyBytes = maximumBodyBytes
            self.idleTimeout = idleTimeout
        }
    }

    /// A server that could not start.
    public struct StartError: Error, CustomStringConvertible {
        /// What failed.
        public var description: String
    }

    private struct Listening: Sendable {
        var descriptor: Int32
        var port: Int
        var wake: (read: Int32, write: Int32)
        var core: ServerCore
        var acceptLoopDone: DispatchSemaphore
    }

    /// The emulator being served.
    public let emulator: NautilusEmulator
    /// The server's settings.
    public let configuration: Configuration
    private let listening = StateLock<Listening?>(nil)

    /// Creates a server; it listens only after ``start(port:)``.
    ///
    /// - Parameters:
    ///   - emulator: The emulator to serve; a new one by default.
    ///   - configuration: The settings.
    public init(emulator: NautilusEmulator = NautilusEmulator(), configuration: Configuration = Configuration()) {
        self.emulator = emulator
        self.configuration = configuration
    }

    /// Creates a server, optionally in fixed-answer mode.
    ///
    /// - Parameter fixedAnswer: Whether to answer a canned `202` Message to everything.
    public convenience init(fixedAnswer: Bool) {
        self.init(configuration: Configuration(fixedAnswer: fixedAnswer))
    }

    /// Starts listening on 127.0.0.1.
    ///
    /// - Parameter port: The port, or 0 for any free one.
    /// - Returns: The port the server listens on.
    /// - Throws: ``StartError`` when the port cannot be bound or the server already runs.
    @discardableResult
    public func start(port: Int = 0) throws -> Int {
        try listening.withLock { current throws(StartError) -> Int in
            guard current == nil else { throw StartError(description: "the server is already running") }
            let socket: (descriptor: Int32, port: Int)
            do {
                socket = try Socket.listen(onLoopbackPort: port)
            } catch {
                throw StartError(description: "cannot listen on 127.0.0.1:\(port): \(error)")
            }
            guard let wake = Socket.makePipe() else {
                Socket.close(socket.descriptor)
                throw StartError(description: "cannot create the wake-up pipe")
            }

            let core = ServerCore(emulator: emulator, configuration: configuration)
            let done = DispatchSemaphore(value: 0)
            let state = Listening(
                descriptor: socket.descriptor, port: socket.port, wake: wake, core: core,
                acceptLoopDone: done)
            let thread = Thread {
                Self.acceptLoop(state)
                done.signal()
            }
            thread.name = "verne-emulator accept"
            thread.start()
            current = state
            return socket.port
        }
    }

    private static func acceptLoop(_ state: Listening) {
        while state.core.isRunning {
            guard Socket.waitReadable(state.descriptor, state.wake.read) == 0 else { break }
            guard let connection = Socket.accept(state.descriptor) else { continue }
            state.core.serve(connection)
        }
    }

    /// The port the server listens on, or `nil` when it is not running.
    public var port: Int? { listening.withLock { $0?.port } }

    /// `http://127.0.0.1:<port>`, or `nil` when the server is not running.
    public var baseURL: URL? { port.flatMap { URL(string: "http://127.0.0.1:\($0)") } }

    /// The number of client connections accepted since the server started; a client that
    /// keeps its connections alive makes few.
    public var acceptedConnections: Int {
        listening.withLock { $0?.core.acceptedConnections ?? 0 }
    }

    /// The number of client connections open now.
    public var openConnections: Int { listening.withLock { $0?.core.openConnections ?? 0 } }

    /// Stops listening and closes every connection; returns when the threads have ended
    /// (or after two seconds, if a handler is still sleeping in a delay).
    public func stop() {
        guard
            let state = listening.withLock({ current -> Listening? in
                defer { current = nil }
                return current
            })
        else { return }

        state.core.stop()
        Socket.poke(state.wake.write)
        state.acceptLoopDone.wait()
        Socket.close(state.descriptor)
        Socket.close(state.wake.read)
        Socket.close(state.wake.write)
        _ = state.core.threads.wait(timeout: .now() + 2)
    }

    deinit {
        stop()
    }
}
