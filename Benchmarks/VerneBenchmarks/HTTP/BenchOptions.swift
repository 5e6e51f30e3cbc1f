import Foundation

/// The command-line options of the HTTP benchmarks.
///
/// `--url U` (the emulator's base URL), `--key K` (an API key; the fixed-answer emulator
/// accepts any), `--client C`, `--concurrency N`, `--seconds S`, `--warm-up S`,
/// `--expect N` (items a paging run must see), `--count N` (messages to seed),
/// `--pool N` (the transport's connections per host), `--label L` (the row name),
/// `--other C`, `--other-url U` and `--slice S` (the second client of `pair`).
struct BenchOptions {
    private let arguments: [String]

    init(_ arguments: [String]) { self.arguments = arguments }

    /// The value after a flag, if given.
    func text(_ flag: String) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else {
            return nil
        }
        return arguments[index + 1]
    }

    /// The value after a flag, or a benchmark error naming the flag.
    func required(_ flag: String) throws -> String {
        guard let value = text(flag) else { throw BenchmarkError("\(flag) is required") }
        return value
    }

    /// A whole number after a flag, or `fallback`.
    func integer(_ flag: String, default fallback: Int) throws -> Int {
        guard let text = text(flag) else { return fallback }
        guard let value = Int(text), value >= 0 else {
            throw BenchmarkError("\(flag) needs a whole number")
        }
        return value
    }

    /// A number of seconds after a flag, or `fallback`.
    func seconds(_ flag: String, default fallback: Double) throws -> Double {
        guard let text = text(flag) else { return fallback }
        guard let value = Double(text), value >= 0 else {
            throw BenchmarkError("\(flag) needs a number of seconds")
        }
        return value
    }

    /// The emulator's base URL, after `--url` or another flag.
    func url(_ flag: String = "--url") throws -> URL {
        guard let url = URL(string: try required(flag)) else {
            throw BenchmarkError("\(flag) is not a URL")
        }
        return url
    }

    /// The API key, `vrn_bench` by default.
    var key: String { text("--key") ?? "vrn_bench" }
}
