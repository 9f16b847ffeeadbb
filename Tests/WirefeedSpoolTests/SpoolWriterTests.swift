// SPDX-License-Identifier: Apache-2.0
// Copyright (c) 2026 the wirefeed authors

import Foundation
import Testing
import WirefeedModel
import WirefeedSpool

/// The spool on real temporary directories, with real files and rename(2).
struct SpoolWriterTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wirefeed-spool-\(UUID().uuidString)")
        .path

    func files(_ names: [String]) -> [SpoolFile] {
        names.map {
            SpoolFile(name: $0, json: Array("{\"uri\":\"urn:x:\($0)\"}\n".utf8), text: Array("H\n\n\($0)\n".utf8))
        }
    }

    /// The files in a folder of the spool; in `tmp/`, those of its draft folders too (as
    /// `drafts-<n>/<name>`), the folders themselves left out.
    func list(_ folder: String) throws -> [String] {
        let path = directory + "/" + folder
        var files: [String] = []
        for entry in try FileManager.default.contentsOfDirectory(atPath: path) {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path + "/" + entry, isDirectory: &isFolder), isFolder.boolValue {
                files += try FileManager.default.contentsOfDirectory(atPath: path + "/" + entry).map {
                    entry + "/" + $0
                }
            } else {
                files.append(entry)
            }
        }
        return files.sorted()
    }

    @Test func namesSortInIngestionOrderAndSayWhatTheyHold() {
        #expect(SpoolName.make(sequence: 42, slug: "port-strike", version: 3) == "000000000042-port-strike-v3")
        #expect(
            SpoolName.make(sequence: 9, slug: "b", version: 1) < SpoolName.make(sequence: 10, slug: "a", version: 1)
        )
    }

    @Test func stagedFilesAreInTmpUntilPublished() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        try spool.stage(files(["000000000001-a-v1", "000000000002-b-v1"]))
        #expect(
            try list("tmp") == [
                "000000000001-a-v1.json", "000000000001-a-v1.txt", "000000000002-b-v1.json", "000000000002-b-v1.txt",
            ]
        )
        #expect(try list("new").isEmpty)
        try spool.publish(["000000000001-a-v1", "000000000002-b-v1"])
        #expect(try list("tmp").isEmpty)
        #expect(try list("new").count == 4)
        #expect(try SpoolReader(directory: directory).names() == ["000000000001-a-v1", "000000000002-b-v1"])
        #expect(try SpoolReader(directory: directory).names(after: "000000000001-a-v1") == ["000000000002-b-v1"])
        #expect(
            try String(contentsOfFile: directory + "/new/000000000002-b-v1.json", encoding: .utf8)
                == "{\"uri\":\"urn:x:000000000002-b-v1\"}\n"
        )
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func publishingIsIdempotent() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        try spool.stage(files(["000000000001-a-v1"]))
        try spool.publish(["000000000001-a-v1"])
        try spool.publish(["000000000001-a-v1"])
        #expect(try list("new").count == 2)
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func reconcilePublishesRecordedFilesAndRemovesTheRest() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        try spool.stage(files(["000000000001-a-v1", "000000000002-b-v1"]))
        let published = try spool.reconcile(recorded: ["000000000001-a-v1"])
        #expect(published == ["000000000001-a-v1"])
        #expect(try list("tmp").isEmpty)
        #expect(try list("new") == ["000000000001-a-v1.json", "000000000001-a-v1.txt"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aDraftIsPublishedUnderItsFinalName() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        let draft = try spool.writeDraft(json: Array("{}\n".utf8), text: Array("T\n".utf8))
        #expect(draft.hasPrefix("drafts-") && draft.contains("/draft-"), "in a draft folder of tmp/")
        #expect(try list("tmp") == [draft + ".json", draft + ".txt"])
        try spool.stage([], drafts: [draft])
        try spool.publish([SpoolMove(name: "000000000001-a-v1", source: draft)])
        #expect(try list("tmp").isEmpty)
        #expect(try list("new") == ["000000000001-a-v1.json", "000000000001-a-v1.txt"])
        #expect(try String(contentsOfFile: directory + "/new/000000000001-a-v1.json", encoding: .utf8) == "{}\n")
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func reconcileFinishesRecordedDraftsAndRemovesUnusedOnes() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        let recorded = try spool.writeDraft(json: Array("{}\n".utf8), text: nil)
        let unused = try spool.writeDraft(json: Array("{}\n".utf8), text: Array("T\n".utf8))
        #expect(recorded != unused)
        let published = try spool.reconcile(recorded: [SpoolMove(name: "000000000007-a-v1", source: recorded)])
        #expect(published == ["000000000007-a-v1"])
        #expect(try list("tmp").isEmpty, "the draft no batch recorded is gone")
        #expect(try list("new") == ["000000000007-a-v1.json"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aDiscardedDraftIsOverwrittenByTheNextOneAndRemovedWhenTheWorkIsDone() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        let discarded = try spool.writeDraft(json: Array("{\"long\":\"discarded\"}\n".utf8), text: Array("T\n".utf8))
        spool.discardDrafts([discarded])
        #expect(spool.spareDraftCount == 1)
        #expect(try list("tmp") == [discarded + ".json", discarded + ".txt"], "kept, not unlinked")

        let next = try spool.writeDraft(json: Array("{}\n".utf8), text: nil)
        #expect(next == discarded, "the spare's files are re-used")
        #expect(spool.spareDraftCount == 0)
        #expect(try list("tmp") == [next + ".json"], "a draft without text keeps no stale .txt")
        #expect(
            try String(contentsOfFile: directory + "/tmp/" + next + ".json", encoding: .utf8) == "{}\n",
            "nothing of the longer old contents"
        )

        spool.discardDrafts([next])
        spool.removeSpareDrafts()
        #expect(try list("tmp").isEmpty)
        #expect(spool.spareDraftCount == 0)
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func discardedDraftsBeyondThePoolsCapacityAreRemovedAtOnce() throws {
        let spool = SpoolWriter(directory: directory, spareDraftCapacity: 1)
        try spool.prepare()
        let first = try spool.writeDraft(json: Array("{}\n".utf8), text: Array("T\n".utf8))
        let second = try spool.writeDraft(json: Array("{}\n".utf8), text: Array("T\n".utf8))
        spool.discardDrafts([first, second])
        #expect(spool.spareDraftCount == 1)
        #expect(try list("tmp") == [first + ".json", first + ".txt"])
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aSpareDraftIsNotRecordedSoReconcileRemovesIt() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        spool.discardDrafts([try spool.writeDraft(json: Array("{}\n".utf8), text: Array("T\n".utf8))])
        let restarted = SpoolWriter(directory: directory)
        #expect(try restarted.reconcile(recorded: [SpoolMove]()).isEmpty)
        #expect(try list("tmp").isEmpty)
        #expect(try list("new").isEmpty)
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aWatchNamesTheStoriesThatArriveWithoutListingTheFolder() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        let watch = try SpoolReader(directory: directory).watch()
        #expect(watch.arrivals(milliseconds: 20) == [], "nothing yet: the time runs out")
        try spool.stage(files(["000000000001-a-v1", "000000000002-b-v1"]))
        try spool.publish(["000000000001-a-v1", "000000000002-b-v1"])
        #expect(
            watch.arrivals(milliseconds: 1000) == ["000000000001-a-v1", "000000000002-b-v1"],
            "the .json files, in arrival order"
        )
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aStagingFailureLeavesNothingBehind() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        try spool.stage(files(["000000000001-a-v1"]))
        // The same name again: open(O_EXCL) fails on the second batch's first file.
        let error = #expect(throws: SpoolError.self) {
            try spool.stage(files(["000000000005-c-v1", "000000000001-a-v1"]))
        }
        #expect(error?.systemCall == "open")
        #expect(
            try list("tmp") == ["000000000001-a-v1.json", "000000000001-a-v1.txt"],
            "the failed batch's files are gone"
        )
        try? FileManager.default.removeItem(atPath: directory)
    }

    @Test func aWatchWakesWhenAStoryArrives() throws {
        let spool = SpoolWriter(directory: directory)
        try spool.prepare()
        let watch = try SpoolReader(directory: directory).watch()
        #expect(watch.arrivals(milliseconds: 50) == [])
        try spool.stage(files(["000000000001-a-v1"]))
        try spool.publish(["000000000001-a-v1"])
        #expect(watch.arrivals(milliseconds: 1000) != [])
        try? FileManager.default.removeItem(atPath: directory)
    }
}
