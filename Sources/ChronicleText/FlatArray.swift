/// A read-only array of plain values that either owns its storage or lies in memory another
/// object keeps alive: a mapped index file, whose sections are read where they lie instead of
/// being copied into the heap (ARCHITECTURE.md, "The index file"). Indexing is bounds-checked, so a
/// damaged offset stops the process rather than reading outside the section.
package struct FlatArray<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// Keeps `base` valid: the owned buffer, or the mapping.
    @usableFromInline let owner: AnyObject?
    @usableFromInline let base: UnsafePointer<Element>?
    // Inlinable, so the modules that scan these arrays (millions of postings when a file opens)
    // get code specialized for the element type rather than generic calls per element.
    package let count: Int

    package init() {
        owner = nil
        base = nil
        count = 0
    }

    /// A copy of `values` in storage of its own, exactly their size.
    package init(_ values: some Collection<Element>) {
        let storage = OwnedBuffer<Element>(values)
        owner = storage
        base = UnsafePointer(storage.buffer.baseAddress)
        count = storage.buffer.count
    }

    /// `count` values at `address`, which `owner` keeps valid, immutable and aligned for `Element`.
    package init(unowned address: UnsafeRawPointer, count: Int, owner: AnyObject) {
        precondition(Int(bitPattern: address) % MemoryLayout<Element>.alignment == 0, "a flat array must be aligned")
        self.owner = owner
        base = count == 0 ? nil : address.assumingMemoryBound(to: Element.self)
        self.count = count
    }

    @inlinable package var startIndex: Int { 0 }
    @inlinable package var endIndex: Int { count }

    @inlinable @inline(__always)
    package subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return base.unsafelyUnwrapped[position]
    }

    /// The values in place, for loops over many of them.
    @inlinable
    package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Element>) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// The values' bytes, for writing them out; valid while this array lives.
    package func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try withExtendedLifetime(owner) { try body(UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride)) }
    }

    /// The values at `range` as an array of their own.
    package func copy(_ range: Range<Int>) -> [Element] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        guard !range.isEmpty else { return [] }
        return withExtendedLifetime(owner) { Array(UnsafeBufferPointer(start: base! + range.lowerBound, count: range.count)) }
    }

    /// Bytes of memory this array owns (nothing when it lies in a mapping).
    package var ownedBytes: Int { owner is OwnedBuffer<Element> ? count * MemoryLayout<Element>.stride : 0 }
}

/// Heap storage for a `FlatArray` that owns its values.
private final class OwnedBuffer<Element: BitwiseCopyable> {
    let buffer: UnsafeMutableBufferPointer<Element>

    init(_ values: some Collection<Element>) {
        buffer = .allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
    }

    deinit { buffer.deallocate() }
}

extension FlatArray: Equatable where Element: Equatable {
    package static func == (a: Self, b: Self) -> Bool { a.elementsEqual(b) }
}
