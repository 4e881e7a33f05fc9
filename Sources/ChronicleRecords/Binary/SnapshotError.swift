/// Why a snapshot was not used; the store is then loaded from the data files.
public enum SnapshotError: Error, Sendable, CustomStringConvertible {
    /// No snapshot file, or one that cannot be read or written.
    case unavailable(String)
    /// A snapshot of other data, of another build of Chronicle, or of another format.
    case stale(String)
    /// A snapshot that fails its checksum or does not decode.
    case damaged(String)
    /// A snapshot, or its directory, that another user owns or that group or others may write: a
    /// snapshot is served without the loader's checks, so it must be as trusted as the data.
    case untrusted(String)

    public var description: String {
        switch self {
        case .unavailable(let reason): "unavailable: \(reason)"
        case .stale(let reason): "stale: \(reason)"
        case .damaged(let reason): "damaged: \(reason)"
        case .untrusted(let reason): "untrusted: \(reason)"
        }
    }
}
