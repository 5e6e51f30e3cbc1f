// Benchmarks of the Verne SDK, run in a release build:
//
//     swift run -c release VerneBenchmarks verify [--seconds 3]
//
// The first argument names the benchmark; each prints `name: value` lines that scripts
// can read.

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
        run: VerifyBenchmark.run)
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
