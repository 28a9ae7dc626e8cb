import BookSource
import BookSupport
import Foundation
import RunnerProtocol

/// `book bless`: reruns the examples and writes what they print and draw back into the chapters.
extension Verifier {
    /// Reruns the examples and rewrites the chapters' output blocks and figures to match.
    /// Chapters whose examples fail are left untouched and reported. Returns the files changed.
    public func bless(_ chapters: [Chapter]) throws -> (changed: [String], failures: [ChapterError]) {
        var changed: [String] = [], failures: [ChapterError] = []
        for chapter in chapters {
            let run = try self.run(chapter)
            if run.crash != nil {
                failures += report(chapter, run).failures
                continue
            }
            let text = Self.blessed(chapter, outputs: run.outputs)
            if text != chapter.source {
                try writeAtomically(text, to: root + "/" + chapter.path)
                changed.append(chapter.path)
            }
            changed += try replaceFigures(of: chapter, with: run)
        }
        return (changed, failures)
    }

    /// The chapter's Markdown with each example's output block set to `outputs` (added, replaced or
    /// removed when the example prints nothing). Examples without an entry (skipped) keep theirs.
    static func blessed(_ chapter: Chapter, outputs: [Int: String]) -> String {
        var lines = chapter.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Bottom-up, so that earlier line numbers stay valid.
        for example in chapter.examples.reversed() where !example.hidden {
            guard let actual = outputs[example.ordinal] else { continue }
            let pad = String(repeating: " ", count: example.snippet.indent)
            let fence = String(repeating: "`", count: max(3, longestBacktickRun(actual) + 1))
            let block = [pad + fence + "output"] + actual.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : pad + $0 } + [pad + fence]
            if let output = example.output {
                if normalizeOutput(output.code) == actual { continue }
                var range = (output.fenceLine - 1)..<output.endLine
                if actual.isEmpty {
                    if range.lowerBound > 0, lines[range.lowerBound - 1].trimmingSpaces().isEmpty {
                        range = (range.lowerBound - 1)..<range.upperBound
                    }
                    lines.replaceSubrange(range, with: [])
                } else {
                    lines.replaceSubrange(range, with: block)
                }
            } else if !actual.isEmpty {
                lines.insert(contentsOf: [""] + block, at: example.snippet.endLine)
            }
        }
        return lines.joined(separator: "\n")
    }

    func replaceFigures(of chapter: Chapter, with run: ChapterRun) throws -> [String] {
        let fm = FileManager.default
        let directory = chapter.figureDirectory
        var changed: [String] = []
        let existing = ((try? fm.contentsOfDirectory(atPath: root + "/" + directory)) ?? []).filter { $0.hasSuffix(".svg") }
        for name in existing where run.figures[name] == nil {
            let ordinal = Self.exampleOrdinal(ofFigure: name)
            if run.skipped.contains(ordinal) { continue }
            try fm.removeItem(atPath: root + "/" + directory + "/" + name)
            changed.append(directory + "/" + name)
        }
        for (name, data) in run.figures.sorted(by: { $0.key < $1.key }) {
            let path = directory + "/" + name
            if fm.contents(atPath: root + "/" + path) == data { continue }
            try writeAtomically(data, to: root + "/" + path)
            changed.append(path)
        }
        removeEmptyDirectories(in: root + "/" + Book.figuresDirectory)
        return changed
    }
}
