// Starting the measured programs: each in a fresh process, its output in a file, its wall time and
// its peak memory (the kernel's maximum resident set size, from wait4) measured from outside.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

struct SpawnError: Error, CustomStringConvertible {
    let description: String
}

/// How one child process went.
struct ChildRun {
    var wallSeconds: Double
    /// Peak resident memory in bytes (ru_maxrss).
    var peakBytes: Double
    var output: String
}

/// Runs `arguments` (the program found on PATH), standard output to `log`, standard error to `log.err`,
/// and waits for it. A non-zero exit is an error that quotes the end of its standard error.
func spawn(_ arguments: [String], log: String) throws -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let flags = O_WRONLY | O_CREAT | O_TRUNC
    posix_spawn_file_actions_addopen(&actions, 1, log, flags, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, log + ".err", flags, 0o644)

    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid = pid_t()
    let start = DispatchTime.now().uptimeNanoseconds
    let started = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    guard started == 0 else {
        throw SpawnError(description: "cannot start \(arguments[0]): \(String(cString: strerror(started)))")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 {
        guard errno == EINTR else { throw SpawnError(description: "waiting for \(arguments[0]): \(String(cString: strerror(errno)))") }
    }
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    let exited = status & 0x7f == 0, code = (status >> 8) & 0xff
    guard exited && code == 0 else {
        let errors = ((try? String(contentsOfFile: log + ".err", encoding: .utf8)) ?? "")
            .split(separator: "\n").suffix(5).joined(separator: "\n")
        let how = exited ? "exit status \(code)" : "signal \(status & 0x7f)"
        throw SpawnError(description: "\(arguments.joined(separator: " ")) failed (\(how)); its log: \(log)\n\(errors)")
    }
    return ChildRun(wallSeconds: wall, peakBytes: Double(usage.ru_maxrss) * 1024, output: output)
}
