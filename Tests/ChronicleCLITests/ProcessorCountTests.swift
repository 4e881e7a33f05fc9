import ChronicleServer
import Foundation
import Testing
@testable import chronicle

/// One event loop per CPU the process may really use: the affinity mask and the cgroup quota, not
/// every core of the host.
@Suite struct ProcessorCountTests {
    func cgroup(_ files: [String: String]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cgroup-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return root.path
    }

    @Test func aCgroupQuotaBoundsTheCountRoundedUp() throws {
        // cgroup v2: 1.5 CPUs is 2 loops; no limit leaves the affinity count.
        #expect(
            ProcessorCount.available(cgroupRoot: try cgroup(["cpu.max": "150000 100000\n"])).count
                == min(2, ProcessorCount.available(cgroupRoot: "/nonexistent").count))
        #expect(ProcessorCount.available(cgroupRoot: try cgroup(["cpu.max": "50000 100000\n"])).count == 1)
        let unlimited = ProcessorCount.available(cgroupRoot: try cgroup(["cpu.max": "max 100000\n"]))
        #expect(unlimited == ProcessorCount.available(cgroupRoot: "/nonexistent"))
        // cgroup v1 CFS quota.
        let v1 = ProcessorCount.available(cgroupRoot: try cgroup(["cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "100000\n"]))
        #expect(v1.count == 1)
        #expect(v1.reason.contains("cgroup quota"))
    }

    @Test func theServerRunsOneLoopUnderTasksetOnOneCPU() throws {
        // The real binary with the default thread count, pinned to CPU 0.
        let server = try ServerProcess([], launcher: ["/usr/bin/taskset", "-c", "0"], threads: nil)
        let line = try server.waitFor("listening on http://")
        #expect(line.contains("threads=1"), "\(line)")
        #expect(line.contains("1 in the affinity mask"), "\(line)")
        server.signal(SIGTERM)
        #expect(try server.waitForExit() == 0)
    }
}
