import ArgumentParser
import ChronicleRecords
import ChronicleStore
import ChronicleServer

/// `chronicle bench-queries --data DIR`: loads a dataset and times filtered queries in-process
/// (load time, and p50/p99 per query over repeated runs). Used by Benchmarks/scale.py.
struct BenchQueriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-queries", abstract: "Time dataset load and filtered queries in-process.")

    @Option(help: "Data directory (e.g. one made by `chronicle generate`).") var data: String
    @Option(help: "Runs per query.") var runs: Int = 200
    @Option(help: "Also write a snapshot of the loaded store to this file, time reading it back, and query the store read.")
    var snapshot: String?
    @Option(help: "Read the store from this snapshot (made by --snapshot from the same data) instead of loading the files.")
    var readSnapshot: String?

    func run() throws {
        let clock = ContinuousClock()
        let heapBefore = FreedMemory.heapInUse()
        var loaded: Store?
        let load = try clock.measure {
            if let readSnapshot {
                loaded = try StoreSnapshot.read(path: readSnapshot, dataDirectory: data)
            } else {
                loaded = try Store.load(directory: data)
            }
        }
        guard var store = loaded else { return }
        loaded = nil
        print("load: \(format(load)) for \(store.countsDescription)")
        printMemory(of: store, heapBefore: heapBefore)
        if let snapshot {
            var bytes = 0
            let write = try clock.measure { bytes = try StoreSnapshot.write(store, to: snapshot) }
            print("snapshot write: \(format(write)), \(bytes / 1_000_000) MB")
            store = Store(Dataset(documents: [], actors: [], events: [], quotes: []))
            FreedMemory.release()
            let heapBefore = FreedMemory.heapInUse()
            var read: Store?
            let decode = try clock.measure { read = try StoreSnapshot.read(path: snapshot, dataDirectory: data) }
            print("snapshot read: \(format(decode)) (the data files hashed meanwhile)")
            store = read!
            read = nil
            printMemory(of: store, heapBefore: heapBefore)
        }
        let actor = store.actors[store.actors.count / 2].id
        let word = store.actors[7].names.ar.map { String($0.prefix(4)) } ?? "a"
        var queries: [(String, () -> Int)] = []
        queries.append(("events actor + date range", {
            var q = EventQuery(); q.actors = [actor]; q.from = EDTFDate("2000"); q.to = EDTFDate("2010"); return store.events(q).total
        }))
        queries.append(("events type + from", {
            var q = EventQuery(); q.type = "11"; q.from = EDTFDate("2020"); return store.events(q).total
        }))
        queries.append(("events q (Arabic prefix \(word))", {
            var q = EventQuery(); q.text = word; return store.events(q).total
        }))
        queries.append(("quotes q (two Arabic words)", {
            var q = QuoteQuery(); q.text = "الوضع خطير"; return store.quotes(q).total
        }))
        queries.append(("events deep page (offset 90%)", {
            var q = EventQuery(); q.offset = store.events.count * 9 / 10; return store.events(q).items.count
        }))
        queries.append(("events date range, newest first", {
                    var q = EventQuery(); q.from = EDTFDate("2015-06"); q.to = EDTFDate("2015-07"); q.order = .descending;
                    return store.events(q).total
        }))
        // The cost of a query stays bounded (issue 24): one- and two-letter words, a query of 50
        // words, and every prefix of a long word, Arabic and Latin.
        func search(_ text: String) -> () -> Int { { var q = EventQuery(); q.text = text; return store.events(q).total } }
        for short in ["ا", "a", "مل", "un"] { queries.append(("events q one or two letters (\(short))", search(short))) }
        let fifty = (0..<50).map { ["الجزائر", "مالي", "Algérie", "sécurité", "الحل", "sovereignty", "دروسًا", "ingérence"][$0 % 8] }
        queries.append(("events q 50 words", search(fifty.joined(separator: " "))))
        for long in ["التجريبي", "synthétique"] {
            let letters = Array(long)
            for length in 1...letters.count {
                queries.append(("events q prefix \(length) of \(long)", search(String(letters[..<length]))))
            }
        }
        queries.append(("events q month name (ديسمبر)", search("ديسمبر")))
        queries.append(("events q tanween unmarked (اتفاقا)", search("اتفاقا")))
        queries.append(("events q tanween marked (اتفاقًا)", search("اتفاقًا")))
        for (name, query) in queries {
            var samples: [Duration] = []
            var result = 0
            for _ in 0..<runs { samples.append(clock.measure { result = query() }) }
            samples.sort()
            print("\(name): p50 \(format(samples[samples.count / 2])) p99 \(format(samples[samples.count * 99 / 100])) (\(result) matches)")
        }
    }

    /// The heap the store holds (what the allocator handed out since `heapBefore`, after the load's
    /// garbage is given back), and its parts: the indexes counted, the records the rest.
    private func printMemory(of store: Store, heapBefore: Int) {
        FreedMemory.release()
        let total = FreedMemory.heapInUse() - heapBefore
        let parts = store.memoryProfile()
        let mib = { (bytes: Int) in String(format: "%.0f MiB", Double(bytes) / 1_048_576) }
        let records = total - parts.reduce(0) { $0 + $1.bytes }
        print("memory: \(mib(total)) of heap for the store; records \(mib(records)) ("
            + "\(records / max(1, store.events.count + store.quotes.count)) bytes per event or quote), "
            + parts.map { "\($0.part) \(mib($0.bytes))" }.joined(separator: ", "))
    }

    private func format(_ duration: Duration) -> String {
        let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
        return ms >= 100 ? String(format: "%.0f ms", ms) : String(format: "%.3f ms", ms)
    }
}

import Foundation
