import Testing
import Layers
import Regularization

@Suite struct SoftThresholdTests {
    @Test func shrinksTowardZeroAndStopsThere() {
        let p = Parameter("w", Tensor([[0.5, -0.05], [0.02, -2]]))
        let zeros = softThreshold([p], by: 0.1)
        #expect(zeros == 2)
        #expect(abs(p.value[0, 0] - 0.4) < 1e-6)
        #expect(p.value[0, 1] == 0 && p.value[1, 0] == 0)
        #expect(abs(p.value[1, 1] + 1.9) < 1e-6)
    }

    @Test func aZeroThresholdChangesNothing() {
        let p = Parameter("w", Tensor([[1, -3, 0.25]]))
        let before = p.value
        #expect(softThreshold([p], by: 0) == 0)
        #expect(p.value == before)
    }
}
