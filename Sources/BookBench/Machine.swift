// What a result was measured on: a time means little without the machine and how busy it was.
import Engine
import Foundation

struct Machine: Codable, Equatable {
    /// The CPU's model name (/proc/cpuinfo).
    var cpu: String
    var cores: Int
    /// The widest vector instructions the CPU has: "AVX-512", "AVX2 + FMA" or "none of AVX2/AVX-512".
    var cpuVectors: String
    /// The engine's vector width as compiled (FloatVector), in bits.
    var engineVectorBits: Int
    var engineThreads: Int
    /// PyTorch's version, its thread count and the vector instructions it dispatches to (nil without PyTorch).
    var torch: String?
    var torchThreads: Int?
    var torchVectors: String?

    var summary: String {
        var line = "\(cpu), \(cores) cores, \(cpuVectors) (the engine's vectors: \(engineVectorBits) bits), "
            + "engine on \(engineThreads) threads"
        if let torch, let torchThreads {
            line += "; PyTorch \(torch) on \(torchThreads) threads" + (torchVectors.map { " (\($0))" } ?? "")
        }
        return line
    }
}

/// The 1-, 5- and 15-minute load averages: how many processes were running or waiting for a core.
func loadAverage() -> [Double] {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    let values = text.split(separator: " ").prefix(3).compactMap { Double($0) }
    return values.count == 3 ? values : []
}

func describe(load: [Double]) -> String {
    load.isEmpty ? "unknown" : load.map { String(format: "%.2f", $0) }.joined(separator: " ")
}

func thisMachine(threads: Int) -> Machine {
    let info = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let lines = info.split(separator: "\n")
    func field(_ name: String) -> String? {
        lines.first { $0.hasPrefix(name) }.flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let flags = Set((field("flags") ?? "").split(separator: " ").map(String.init))
    let vectors = flags.contains("avx512f") ? "AVX-512" : flags.isSuperset(of: ["avx2", "fma"]) ? "AVX2 + FMA"
        : "none of AVX2/AVX-512"
    return Machine(cpu: field("model name") ?? "unknown CPU", cores: ProcessInfo.processInfo.activeProcessorCount,
                   cpuVectors: vectors, engineVectorBits: FloatVector.scalarCount * 32, engineThreads: threads)
}

/// Today's date and time in UTC, to the minute.
func utcNow() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
    return formatter.string(from: Date())
}
