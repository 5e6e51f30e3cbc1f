import Dispatch
import Foundation
import VerneTesting

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `verne-emulator`: serves the Nautilus emulator on 127.0.0.1 until SIGINT or SIGTERM.
let usage = """
    Usage: verne-emulator [--port N] [--fixed-answer] [--delay-ms N]

    Serves a local emulator of Nautilus' Relay and Gate APIs on 127.0.0.1 over HTTP/1.1.
    The first line printed is "verne-emulator listening on http://127.0.0.1:<port>".

    Options:
      --port N         Port to listen on; 0 picks a free port (default 8080).
      --fixed-answer   Answer every request with a canned 202 Message, keeping no state
                       (for benchmarks that measure the client).
      --delay-ms N     Wait N milliseconds before answering every request.
      -h, --help       Show this help.

    Control API (no key): POST /_emulator/reset, GET|POST /_emulator/clock,
    GET|POST|DELETE /_emulator/faults, GET /_emulator/state, GET /_emulator/requests,
    POST /_emulator/tenants/share, GET /_emulator/health.
    Tenant set-up (the API key in Authorization picks the tenant):
    POST /_emulator/sessions, POST /_emulator/social-login-codes,
    GET /_emulator/signing-keys, POST /_emulator/signing-keys/rotate, POST /_emulator/plan.
    """

/// Writes a line to standard output at once, unbuffered.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("verne-emulator: \(message)\n\n\(usage)\n".utf8))
    exit(2)
}

func parseOptions(_ arguments: [String]) -> (port: Int, configuration: EmulatorServer.Configuration) {
    var port = 8080
    var configuration = EmulatorServer.Configuration()
    var remaining = arguments[...]

    func value(for option: String) -> Int {
        guard let text = remaining.popFirst(), let number = Int(text), number >= 0 else {
            fail("\(option) needs a whole number")
        }
        return number
    }

    while let argument = remaining.popFirst() {
        switch argument {
        case "-h", "--help":
            say(usage)
            exit(0)
        case "--port":
            port = value(for: argument)
            guard port <= 65_535 else { fail("--port must be at most 65535") }
        case "--fixed-answer":
            configuration.fixedAnswer = true
        case "--delay-ms":
            configuration.delay = .milliseconds(value(for: argument))
        default:
            fail("unknown option \(argument)")
        }
    }
    return (port, configuration)
}

let options = parseOptions(Array(CommandLine.arguments.dropFirst()))
signal(SIGPIPE, SIG_IGN)

let server = EmulatorServer(configuration: options.configuration)
let port: Int
do {
    port = try server.start(port: options.port)
} catch {
    FileHandle.standardError.write(Data("verne-emulator: \(error)\n".utf8))
    exit(1)
}

var mode = ""
if options.configuration.fixedAnswer { mode += " (fixed answer)" }
if options.configuration.delay > .zero { mode += " (delay \(options.configuration.delay))" }
say("verne-emulator listening on http://127.0.0.1:\(port)\(mode)")

var signalSources: [any DispatchSourceSignal] = []
for signalNumber in [SIGINT, SIGTERM] {
    signal(signalNumber, SIG_IGN)
    let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
    source.setEventHandler {
        server.stop()
        say("verne-emulator stopped")
        exit(0)
    }
    source.resume()
    signalSources.append(source)
}

dispatchMain()
