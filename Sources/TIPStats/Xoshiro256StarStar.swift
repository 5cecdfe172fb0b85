/// The xoshiro256** pseudo-random generator of Blackman and Vigna (2018), seeded by SplitMix64.
///
/// Implemented here, rather than taken from the platform, so that a seed gives the same stream
/// on every machine and Swift version: Monte Carlo results are reproducible from the seed they
/// print. xoshiro256** has a period of 2^256 - 1, passes BigCrush, and needs four words of
/// state; SplitMix64 expands a 64-bit seed into that state, as the authors recommend (it never
/// produces the all-zero state).
///
/// ```swift
/// var g = Xoshiro256StarStar(seed: 42)
/// let u = g.nextUniform() // in the open interval (0, 1)
/// ```
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable, Hashable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    public init(seed: UInt64) {
        var x = seed
        func splitMix64() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix64()
        s1 = splitMix64()
        s2 = splitMix64()
        s3 = splitMix64()
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in the open interval (0, 1): the top 53 bits, offset by half a step,
    /// (k + 1/2) 2^-53. Never 0 or 1, so inverse CDFs with infinite tails (the lognormal's
    /// qnorm) always get a finite argument, and the conversion is exact on every platform.
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
