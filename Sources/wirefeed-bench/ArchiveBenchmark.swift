// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import WirefeedArchive

/// The raw archive alone: every feed file of a directory (a farm generation) archived as one
/// fetch each, cold; then the same bodies again (stored once: only the index grows); then every
/// entry read back and verified. Prints CPU and wall time per body and the archive's size
/// against the bytes archived.
struct ArchiveBenchmark {
    var source: URL
    var directory: URL

    func run() throws {
        try? FileManager.default.removeItem(at: directory)
        let files = try feedFiles()
        let bodies = try files.map { [UInt8](try Data(contentsOf: $0)) }
        let bytes = bodies.reduce(0) { $0 + $1.count }
        let archive = try RawArchive(directory: directory.path)
        let start = Date(timeIntervalSince1970: 1_714_975_200)
        func pass(_ label: String, offset: TimeInterval) throws {
            let cpu = ResourceUsage.cpuSeconds()
            let wall = try ResourceUsage.time {
                for (index, body) in bodies.enumerated() {
                    _ = try archive.storeNow(
                        ArchiveInput(
                            feedID: files[index].deletingPathExtension().lastPathComponent,
                            url: "http://127.0.0.1/\(files[index].lastPathComponent)",
                            fetchedAt: start.addingTimeInterval(offset + Double(index)),
                            status: 200,
                            headers: [ArchiveHeader(name: "Content-Type", value: "application/xml")],
                            body: body
                        )
                    )
                }
            }
            report(label, cpu: ResourceUsage.cpuSeconds() - cpu, wall: wall, count: bodies.count)
        }
        try pass("store, new bodies", offset: 0)
        try pass("store, known bodies", offset: 900)
        let cpu = ResourceUsage.cpuSeconds()
        var read = 0
        let wall = try ResourceUsage.time {
            var reader = archive.reader()
            while let fetch = try reader.next() { read += fetch.body.count > 0 ? 1 : 0 }
        }
        report("read and verify", cpu: ResourceUsage.cpuSeconds() - cpu, wall: wall, count: read)
        let statistics = try archive.statistics()
        let ratio = Double(statistics.storedBytes) / Double(bytes) * 100
        print(
            "\(bodies.count) bodies, \(bytes) bytes: objects \(statistics.storedBytes) bytes (\(String(format: "%.1f", ratio)) %), \(statistics.entries) entries, \(statistics.objects) objects"
        )
    }

    private func report(_ label: String, cpu: Double, wall: Double, count: Int) {
        let perBody = { (seconds: Double) in String(format: "%.2f ms", seconds * 1000 / Double(max(count, 1))) }
        print("\(label): \(count) bodies, CPU \(perBody(cpu)) and wall \(perBody(wall)) per body")
    }

    private func feedFiles() throws -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: source, includingPropertiesForKeys: nil) else {
            return []
        }
        return enumerator.compactMap { $0 as? URL }.filter { ["xml", "rdf", "atom"].contains($0.pathExtension) }
            .sorted { $0.path < $1.path }
    }
}
