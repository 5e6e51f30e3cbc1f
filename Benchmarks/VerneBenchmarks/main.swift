// Benchmarks of the Verne SDK, run in a release build:
//
//     swift run -c release VerneBenchmarks verify [--seconds 3]
//     bash scripts/bench.sh        # every HTTP case, the floor and the reference client
//
// The first argument names the benchmark; each prints `name: value` lines or one JSON
// line that scripts can read.

import Verne

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A benchmark the command can run.
struct BenchmarkCommand {
    let name: String
    let summary: String
    let run: ([String]) throws -> Void
}

let commands = [
    BenchmarkCommand(
        name: "verify",
        summary: "P-256 signature and signed-token verifications per second",
        run: VerifyBenchmark.run),
    BenchmarkCommand(
        name: "send",
        summary:
            "messages.send in a closed loop: SDK or bare URLSession (--client, --concurrency)",
        run: SendBenchmark.run),
    BenchmarkCommand(
        name: "pair",
        summary: "two send clients in one process, in alternating slices (--client, --other)",
        run: PairedBenchmark.run),
    BenchmarkCommand(
        name: "page",
        summary: "auto-paging through every stored message (--client sdk|floor, --expect N)",
        run: PagingBenchmark.run),
    BenchmarkCommand(
        name: "startup",
        summary: "the first call of a fresh process (--client sdk-blocking|sdk-async|floor)",
        run: StartupBenchmark.run),
    BenchmarkCommand(
        name: "seed",
        summary: "store --count messages for the paging benchmark",
        run: SeedCommand.run),
    BenchmarkCommand(
        name: "info",
        summary: "the SDK version and transport defaults the figures were taken with",
        run: { _ in
            let pool = URLSessionTransport.Configuration().maxConnectionsPerHost
            print("sdk_version: \(VerneSDK.version)")
            print("max_connections_per_host: \(pool)")
        }),
    BenchmarkCommand(
        name: "check-json",
        summary: "the JSON fast paths against JSONEncoder and JSONDecoder on random values",
        run: JSONFastPathCheck.run),
    BenchmarkCommand(
        name: "coding",
        summary: "the SDK's own CPU per call without network: JSON coding, request building",
        run: CodingBenchmark.run),
]

@MainActor
func printUsage() {
    print("usage: VerneBenchmarks <benchmark> [--seconds N]\n\nbenchmarks:")
    for command in commands {
        print("  \(command.name)    \(command.summary)")
    }
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, name != "help", name != "--help", name != "-h" else {
    printUsage()
    exit(arguments.isEmpty ? 64 : 0)
}
guard let command = commands.first(where: { $0.name == name }) else {
    print("unknown benchmark \"\(name)\"")
    printUsage()
    exit(64)
}

do {
    try command.run(Array(arguments.dropFirst()))
} catch {
    print("benchmark \(name) failed: \(error)")
    exit(1)
}
