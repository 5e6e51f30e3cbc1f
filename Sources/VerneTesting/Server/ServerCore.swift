import Foundation
import Synchronization

/// What every connection thread of one server shares.
final class ServerCore: Sendable {
    let emulator: NautilusEmulator
    let configuration: EmulatorServer.Configuration
    let control: EmulatorControlAPI
    let fixedAnswer: FixedAnswer?
    let threads = DispatchGroup()
    private let connections = StateLock<Set<Int32>>([])
    private let running = Atomic<Bool>(true)
    private let accepted = Atomic<Int>(0)

    init(emulator: NautilusEmulator, configuration: EmulatorServer.Configuration) {
        self.emulator = emulator
        self.configuration = configuration
        control = EmulatorControlAPI(emulator: emulator)
        fixedAnswer = configuration.fixedAnswer ? FixedAnswer() : nil
    }

    /// Whether the server still serves.
    var isRunning: Bool { running.load(ordering: .relaxed) }

    /// Starts serving an accepted connection on a thread of its own.
    func serve(_ descriptor: Int32) {
        let admitted = connections.withLock { open -> Bool in
            guard isRunning else { return false }
            open.insert(descriptor)
            return true
        }
        guard admitted else {
            Socket.close(descriptor)
            return
        }
        accepted.add(1, ordering: .relaxed)

        Socket.configureConnection(
            descriptor, idleSeconds: Int(configuration.idleTimeout.components.seconds))
        threads.enter()
        let thread = Thread { [self] in
            HTTPConnection(descriptor: descriptor, core: self).run()
            threads.leave()
        }
        thread.stackSize = 512 * 1024
        thread.start()
    }

    /// Forgets and closes a connection's socket.
    func closeConnection(_ descriptor: Int32) {
        connections.withLock { _ = $0.remove(descriptor) }
        Socket.close(descriptor)
    }

    /// Stops serving: every open connection is shut down, which wakes its thread.
    func stop() {
        running.store(false, ordering: .relaxed)
        connections.withLock { open in
            for descriptor in open { Socket.shutdownBoth(descriptor) }
        }
    }

    /// The number of connections accepted since the server started.
    var acceptedConnections: Int { accepted.load(ordering: .relaxed) }

    /// The number of connections open now.
    var openConnections: Int { connections.withLock { $0.count } }

    /// Blocks the connection thread for a delay.
    func sleep(_ duration: Duration) {
        guard duration > .zero else { return }
        Thread.sleep(forTimeInterval: duration.seconds)
    }
}
