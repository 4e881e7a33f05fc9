// How many event loops the machine really gives us: the CPUs in the affinity mask (taskset,
// --cpuset-cpus) and the cgroup CPU quota (a container's CPU limit: cgroup v2 cpu.max, v1
// cpu.cfs_quota_us / cpu.cfs_period_us), rounded up, at least 1. Counting every core of the host
// would start 64 loops on a 64-core node for a pod limited to 2 CPUs, all of them throttled.
import CSystem
import Foundation

public enum ProcessorCount {
    /// The count and how it was derived, for the start-up log.
    public struct Derivation: Sendable, Equatable {
        public let count: Int
        public let reason: String

        public init(count: Int, reason: String) {
            self.count = count
            self.reason = reason
        }
    }

    public static func available(cgroupRoot: String = "/sys/fs/cgroup") -> Derivation {
        let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let affinity = Int(chronicle_affinity_count())
        var count = affinity > 0 ? min(online, affinity) : online
        var reasons = ["\(online) online CPUs", affinity > 0 ? "\(affinity) in the affinity mask" : "affinity unknown"]
        if let quota = quota(cgroupRoot: cgroupRoot) {
            count = min(count, quota.cpus)
            reasons.append("cgroup quota \(quota.source) = \(quota.cpus) CPUs")
        }
        return Derivation(count: max(1, count), reason: reasons.joined(separator: ", "))
    }

    /// The CPU quota of this process's cgroup, rounded up, when one is set.
    static func quota(cgroupRoot: String) -> (cpus: Int, source: String)? {
        if let text = try? String(contentsOfFile: cgroupRoot + "/cpu.max", encoding: .utf8), let cpus = cpus(cpuMax: text) {
            return (cpus, "cpu.max \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        if let quota = try? String(contentsOfFile: cgroupRoot + "/cpu/cpu.cfs_quota_us", encoding: .utf8),
           let period = try? String(contentsOfFile: cgroupRoot + "/cpu/cpu.cfs_period_us", encoding: .utf8),
           let cpus = cpus(quota: quota, period: period) {
            return (
                cpus,
                "cfs \(quota.trimmingCharacters(in: .whitespacesAndNewlines))/\(period.trimmingCharacters(in: .whitespacesAndNewlines))"
            )
        }
        return nil
    }

    /// cgroup v2 `cpu.max`: "QUOTA PERIOD" in microseconds, or "max PERIOD" for no limit.
    static func cpus(cpuMax text: String) -> Int? {
        let fields = text.split(whereSeparator: \.isWhitespace)
        guard fields.count == 2 else { return nil }
        return cpus(quota: String(fields[0]), period: String(fields[1]))
    }

    /// A quota over a period, rounded up; nil for "max" or -1 (no limit) or nonsense.
    static func cpus(quota: String, period: String) -> Int? {
        guard let quota = Int(quota.trimmingCharacters(in: .whitespacesAndNewlines)), quota > 0,
              let period = Int(period.trimmingCharacters(in: .whitespacesAndNewlines)), period > 0 else { return nil }
        return max(1, (quota + period - 1) / period)
    }
}
