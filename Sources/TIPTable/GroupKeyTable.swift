#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A hash table from byte strings to dense group numbers 0, 1, 2, … in order of first sight:
/// open addressing with linear probing, keys copied once into one growing arena. Looking up
/// a key that is already there allocates nothing, which is what keeps a group-by over
/// millions of rows as fast as the C programs it is measured against.
///
/// Manual memory: the owner calls `release()` once.
///
/// ```swift
/// var table = GroupKeyTable()
/// defer { table.release() }
/// let (group, isNew) = table.find(UnsafeRawBufferPointer(start: p, count: n))
/// ```
package struct GroupKeyTable {
    private var slots: UnsafeMutablePointer<Int32>
    private var slotHashes: UnsafeMutablePointer<UInt64>
    private var mask: Int
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaUsed = 0
    private var arenaCapacity: Int
    private var keyEnds: UnsafeMutablePointer<Int>
    private var groupCapacity: Int
    /// Number of distinct keys.
    package private(set) var count = 0

    package init() {
        mask = 255
        slots = .allocate(capacity: mask + 1)
        slots.initialize(repeating: 0, count: mask + 1)
        slotHashes = .allocate(capacity: mask + 1)
        arenaCapacity = 4096
        arena = .allocate(capacity: arenaCapacity)
        groupCapacity = 128
        keyEnds = .allocate(capacity: groupCapacity)
    }

    package func release() {
        slots.deallocate()
        slotHashes.deallocate()
        arena.deallocate()
        keyEnds.deallocate()
    }

    /// The bytes of group `g`'s key.
    package func key(_ g: Int) -> UnsafeRawBufferPointer {
        let start = g == 0 ? 0 : keyEnds[g - 1]
        return UnsafeRawBufferPointer(start: arena + start, count: keyEnds[g] - start)
    }

    /// The group of `key`, added when new.
    @inline(__always) package mutating func find(_ key: UnsafeRawBufferPointer) -> (group: Int, isNew: Bool) {
        let h = GroupKeyTable.hash(key)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { break }
            if slotHashes[i] == h {
                let g = s - 1
                let stored = self.key(g)
                if stored.count == key.count && (key.count == 0 || memcmp(stored.baseAddress!, key.baseAddress!, key.count) == 0) {
                    return (g, false)
                }
            }
            i = (i + 1) & mask
        }
        return (insert(key, hash: h, slot: i), true)
    }

    private mutating func insert(_ key: UnsafeRawBufferPointer, hash h: UInt64, slot: Int) -> Int {
        if arenaUsed + key.count > arenaCapacity {
            var capacity = arenaCapacity * 2
            while capacity < arenaUsed + key.count { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaUsed)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if key.count > 0 { UnsafeMutableRawPointer(arena + arenaUsed).copyMemory(from: key.baseAddress!, byteCount: key.count) }
        arenaUsed += key.count
        if count == groupCapacity {
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: groupCapacity * 2)
            grown.update(from: keyEnds, count: count)
            keyEnds.deallocate()
            keyEnds = grown
            groupCapacity *= 2
        }
        keyEnds[count] = arenaUsed
        count += 1
        slots[slot] = Int32(count)
        slotHashes[slot] = h
        // Keep the table at most half full, so probes stay short.
        if count * 2 > mask + 1 { rehash() }
        return count - 1
    }

    private mutating func rehash() {
        let size = (mask + 1) * 2
        let newSlots = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        newSlots.initialize(repeating: 0, count: size)
        let newHashes = UnsafeMutablePointer<UInt64>.allocate(capacity: size)
        for i in 0...mask where slots[i] != 0 {
            var j = Int(truncatingIfNeeded: slotHashes[i]) & (size - 1)
            while newSlots[j] != 0 { j = (j + 1) & (size - 1) }
            newSlots[j] = slots[i]
            newHashes[j] = slotHashes[i]
        }
        slots.deallocate()
        slotHashes.deallocate()
        slots = newSlots
        slotHashes = newHashes
        mask = size - 1
    }

    /// A fast 64-bit hash of short byte strings: 8 bytes at a time, multiply-xorshift mixing
    /// (the finaliser of SplitMix64).
    @inline(__always) static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        let n = key.count
        var i = 0
        if let p = key.baseAddress {
            while i + 8 <= n {
                h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            if i < n {
                var tail: UInt64 = 0
                var shift: UInt64 = 0
                while i < n {
                    tail |= UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << shift
                    shift += 8
                    i += 1
                }
                h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
            }
        }
        h ^= h >> 30
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 27
        return h
    }
}
