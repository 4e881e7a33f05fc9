// The records in a store snapshot, field by field in declaration order. Event types, dates and
// date notes are written as indices into tables the snapshot holds once (`SnapshotSharedValues`),
// so a snapshot's records share them as the loader's records do (see `Interner`).

extension LocalizedText: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        self.init(en: try r.read(), ar: try r.read(), fr: try r.read())
    }

    package func write(to w: inout SnapshotWriter) { w.write(en); w.write(ar); w.write(fr) }
}

extension Span: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        self.init(document: try r.read(), start: try r.read(), end: try r.read())
    }

    package func write(to w: inout SnapshotWriter) { w.write(document); w.write(start); w.write(end) }
}

extension CitedSpan: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        document = try r.read(); start = try r.read(); end = try r.read()
        text = try r.read(); role = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(document); w.write(start); w.write(end); w.write(text); w.write(role); w.write(note)
    }
}

extension EDTFDate.Precision: SnapshotCodable {}

extension EDTFDate: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        let description: String = try r.read(), precision: Precision = try r.read()
        let firstDay: Int = try r.read(), lastDay: Int = try r.read()
        // Within what a four-digit year gives, in order: date filters subtract these as 32-bit days.
        guard -1_000_000 <= firstDay, firstDay <= lastDay, lastDay <= 4_000_000 else { throw .damaged("date \(description) out of range") }
        self.init(description: description, precision: precision, firstDay: firstDay, lastDay: lastDay)
    }

    package func write(to w: inout SnapshotWriter) { w.write(description); w.write(precision); w.write(firstDay); w.write(lastDay) }
}

extension EventType.Cameo: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        code = try r.read(); label = try r.read(); root = try r.read(); rootLabel = try r.read()
        base = try r.read(); baseLabel = try r.read(); codebook = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(code); w.write(label); w.write(root); w.write(rootLabel); w.write(base); w.write(baseLabel); w.write(codebook)
    }
}

extension EventType.Plover: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        code = try r.read(); label = try r.read(); mode = try r.read(); context = try r.read(); contextExtra = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(code); w.write(label); w.write(mode); w.write(context); w.write(contextExtra) }
}

extension EventType: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        cameo = try r.read(); plover = try r.read(); ploverNote = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(cameo); w.write(plover); w.write(ploverNote) }
}

extension Event.Certainty: SnapshotCodable {}
extension Event.Role: SnapshotCodable {}
extension Event.Basis: SnapshotCodable {}

extension Event.Participant: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        actor = try r.read(); role = try r.read(); actingFor = try r.read(); basis = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(actor); w.write(role); w.write(actingFor); w.write(basis); w.write(note) }
}

extension Assertion.Source: SnapshotCodable {}

extension Assertion: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        by = try r.read(); actor = try r.read(); cue = try r.read(); flags = try r.read(); evidence = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(by); w.write(actor); w.write(cue); w.write(flags); w.write(evidence); w.write(note)
    }
}

extension Location.Coordinates: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { lat = try r.read(); lon = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(lat); w.write(lon) }
}

extension Location: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        country = try r.read(); place = try r.read(); geonamesID = try r.read(); coordinates = try r.read()
        precision = try r.read(); basis = try r.read(); span = try r.read()
        coordinatesSource = try r.read(); countrySource = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(country); w.write(place); w.write(geonamesID); w.write(coordinates)
        w.write(precision); w.write(basis); w.write(span); w.write(coordinatesSource); w.write(countrySource)
    }
}

extension Event {
    package init(snapshot r: inout SnapshotReader, shared: SnapshotSharedValues) throws(SnapshotError) {
        id = try r.read(); formerIDs = try r.read()
        date = try shared.date(&r)
        certainty = try r.read()
        dateNote = try shared.note(&r)
        type = try shared.type(&r)
        actors = try r.read(); title = try r.read(); summary = try r.read(); sources = try r.read()
        justification = try r.read(); quotes = try r.read(); statement = try r.read(); inResponseTo = try r.read()
        assertion = try r.read(); location = try r.read(); codingNote = try r.read()
    }

    package func write(to w: inout SnapshotWriter, shared: SnapshotSharedValues.Builder) {
        w.write(id); w.write(formerIDs)
        shared.writeDate(date, to: &w)
        w.write(certainty)
        shared.writeNote(dateNote, to: &w)
        shared.writeType(type, to: &w)
        w.write(actors); w.write(title); w.write(summary); w.write(sources)
        w.write(justification); w.write(quotes); w.write(statement); w.write(inResponseTo)
        w.write(assertion); w.write(location); w.write(codingNote)
    }
}

extension Quote.Kind: SnapshotCodable {}
extension Quote.Stance: SnapshotCodable {}

extension Quote.Attribution: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { actor = try r.read(); basis = try r.read(); note = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(actor); w.write(basis); w.write(note) }
}

extension Quote.OriginalWording: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        text = try r.read(); verbatim = try r.read(); source = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(text); w.write(verbatim); w.write(source); w.write(note) }
}

extension Quote {
    package init(snapshot r: inout SnapshotReader, shared: SnapshotSharedValues) throws(SnapshotError) {
        id = try r.read(); text = try r.read(); language = try r.read(); speaker = try r.read()
        event = try r.read(); events = try r.read()
        date = try shared.date(&r)
        kind = try r.read(); stance = try r.read(); refusedLabel = try r.read(); labelAttributedTo = try r.read()
        translation = try r.read(); translationNotes = try r.read(); original = try r.read(); translations = try r.read()
        translationOf = try r.read(); originalFrench = try r.read(); departures = try r.read(); source = try r.read()
        note = try r.read()
    }

    package func write(to w: inout SnapshotWriter, shared: SnapshotSharedValues.Builder) {
        w.write(id); w.write(text); w.write(language); w.write(speaker); w.write(event); w.write(events)
        shared.writeDate(date, to: &w)
        w.write(kind); w.write(stance); w.write(refusedLabel); w.write(labelAttributedTo)
        w.write(translation); w.write(translationNotes); w.write(original); w.write(translations)
        w.write(translationOf); w.write(originalFrench); w.write(departures); w.write(source); w.write(note)
    }
}

extension Actor.Kind: SnapshotCodable {}

extension Actor.AmbiguousName: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        name = try r.read(); alsoDenotes = try r.read(); source = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(name); w.write(alsoDenotes); w.write(source) }
}

extension Actor.Office: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        title = try r.read(); of = try r.read(); start = try r.read(); end = try r.read()
        inOfficeAtDocumentDate = try r.read(); sources = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(title); w.write(of); w.write(start); w.write(end); w.write(inOfficeAtDocumentDate); w.write(sources); w.write(note)
    }
}

extension Actor.Codes.Code: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        code = try r.read(); basis = try r.read(); source = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(code); w.write(basis); w.write(source) }
}

extension Actor.Codes.PloverActor: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { code = try r.read(); sector = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(code); w.write(sector) }
}

extension Actor.Codes: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        iso3166Alpha3 = try r.read(); cameo = try r.read(); plover = try r.read()
    }

    package func write(to w: inout SnapshotWriter) { w.write(iso3166Alpha3); w.write(cameo); w.write(plover) }
}

extension Actor: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        id = try r.read(); kind = try r.read(); names = try r.read(); aliases = try r.read(); shortForms = try r.read()
        ambiguousNames = try r.read(); description = try r.read(); affiliations = try r.read(); codes = try r.read()
        roles = try r.read(); rolesAsOf = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(kind); w.write(names); w.write(aliases); w.write(shortForms)
        w.write(ambiguousNames); w.write(description); w.write(affiliations); w.write(codes)
        w.write(roles); w.write(rolesAsOf); w.write(note)
    }
}

extension Document.Provenance: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        outlet = try r.read(); url = try r.read(); published = try r.read(); publishedCertainty = try r.read(); note = try r.read()
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(outlet); w.write(url); w.write(published); w.write(publishedCertainty); w.write(note)
    }
}

extension Document: SnapshotCodable {
    /// The text is set as the loader sets it (its byte offsets rebuilt), and its length checked again.
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) {
        id = try r.read(); file = try r.read(); title = try r.read(); languages = try r.read(); length = try r.read()
        sha256 = try r.read(); kind = try r.read(); published = try r.read(); provenance = try r.read(); note = try r.read()
        setText(try r.read())
        guard scalarCount == length else { throw .damaged("document \(id) has \(scalarCount) code points, not \(length)") }
    }

    package func write(to w: inout SnapshotWriter) {
        w.write(id); w.write(file); w.write(title); w.write(languages); w.write(length)
        w.write(sha256); w.write(kind); w.write(published); w.write(provenance); w.write(note)
        w.write(text)
    }
}

extension DatasetInfo.Codebooks: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { cameo = try r.read(); plover = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(cameo); w.write(plover) }
}

extension DatasetInfo.Coding: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { date = try r.read(); by = try r.read(); note = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(date); w.write(by); w.write(note) }
}

extension DatasetInfo: SnapshotCodable {
    package init(snapshot r: inout SnapshotReader) throws(SnapshotError) { codebooks = try r.read(); coding = try r.read() }

    package func write(to w: inout SnapshotWriter) { w.write(codebooks); w.write(coding) }
}
