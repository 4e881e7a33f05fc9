#!/usr/bin/env python3
"""Scores `chronicle extract` on documents held out of the test corpus (Benchmarks/extraction-heldout/:
four documents an independent reader wrote for issue 25, scored once before any rule was tuned on
them). Prints quote recall, first-speaker accuracy, dates found, and years right with and without
--published. Usage: python3 Benchmarks/extraction_heldout.py [BINARY] [DATA]"""
import json
import os
import subprocess
import sys

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "extraction-heldout")
binary = sys.argv[1] if len(sys.argv) > 1 else ".build/release/chronicle"
data = sys.argv[2] if len(sys.argv) > 2 else "Data"
expected = json.load(open(os.path.join(here, "expected.json"), encoding="utf-8"))


def extract(name, published):
    args = [binary, "extract", os.path.join(here, name), "--data", data] + (["--published", published] if published else [])
    return json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


quotes = speakers = total = 0
dates = found = with_published = without = 0
for name, wanted in sorted(expected.items()):
    dated, bare = extract(name, wanted["published"]), extract(name, None)
    for quote in wanted["quotes"]:
        total += 1
        proposal = next((q for q in dated["quotes"] if q["text"] == quote["text"]), None)
        quotes += proposal is not None
        first = proposal["speaker_candidates"][0]["actor"] if proposal and proposal["speaker_candidates"] else None
        speakers += first == quote["speaker"]
        if first != quote["speaker"]:
            print(f"speaker {name}: {quote['text'][:50]} -> {first}, not {quote['speaker']}")
    for date in wanted["dates"]:
        dates += 1
        mention = next((d for d in dated["dates"] if d["text"] == date["text"]), None)
        if not mention:
            print(f"date not found {name}: {date['text']}")
            continue
        found += 1
        with_published += mention["edtf"] == date["edtf"]
        alone = next((d for d in bare["dates"] if d["start"] == mention["start"]), None)
        without += bool(alone) and alone["edtf"] == date["edtf"]
print(f"quotes {quotes}/{total}; first speaker {speakers}/{total}; dates found {found}/{dates}; "
      f"years right with --published {with_published}/{found}, without {without}/{found}")
