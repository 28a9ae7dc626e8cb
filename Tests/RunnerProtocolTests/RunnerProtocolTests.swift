import Testing
import RunnerProtocol

@Suite struct MarkerTests {
    @Test func everyMarkerReadsBackAsItself() {
        for marker in [Marker.example(1), .example(12), .skipped(7), .end] {
            #expect(Marker.parse(marker.line) == .marker(marker))
        }
    }

    @Test func markerLinesStartWithTheRecordSeparator() {
        #expect(Marker.example(3).line == "\u{1E}example 3")
        #expect(Marker.end.line == "\u{1E}end")
    }

    @Test func outputIsNotAMarker() {
        #expect(Marker.parse("example 1") == .output)
        #expect(Marker.parse("") == .output)
        #expect(Marker.parse(" \u{1E}end") == .output)
    }

    @Test func aMalformedMarkerIsRecognizedAsOne() {
        #expect(Marker.parse("\u{1E}example") == .unknownMarker)
        #expect(Marker.parse("\u{1E}example x") == .unknownMarker)
        #expect(Marker.parse("\u{1E}begin 2") == .unknownMarker)
        #expect(Marker.parse("\u{1E}end 2") == .unknownMarker)
    }
}

@Suite struct FigureFileTests {
    @Test func namesReadBackAsTheirExample() {
        #expect(FigureFile.name(example: 3, index: 1) == "ex03-1.svg")
        #expect(FigureFile.name(example: 12, index: 2) == "ex12-2.svg")
        for ordinal in [1, 9, 10, 123] {
            #expect(FigureFile.example(ofFigure: FigureFile.name(example: ordinal, index: 4)) == ordinal)
        }
    }

    @Test func otherNamesHaveNoExample() {
        for name in ["figure-1.svg", "ex03.svg", "ex03-1.png", "exab-1.svg", "ex3-1.svg", "ex03-x.svg"] {
            #expect(FigureFile.example(ofFigure: name) == nil, "\(name)")
        }
    }
}

@Suite struct RunnerInvocationTests {
    @Test func theVerifierAsksForMarkersAndSlowExamplesByFlag() {
        #expect(RunnerInvocation.arguments(chapter: "02-activations", slow: false) == ["02-activations", "--markers"])
        #expect(RunnerInvocation.arguments(chapter: "11-x", slow: true) == ["11-x", "--markers", "--slow"])
    }
}
