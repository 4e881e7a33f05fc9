#!/usr/bin/env python3
"""Writes Data/lexicon/ar-stems.txt: the Arabic stems of the Ayaspell dictionary (Debian package
hunspell-ar, /usr/share/hunspell/ar.dic), one per line, sorted and unique.

Search uses them to decide whether a leading و ف ب ل ك is a particle: it is stripped only when the
token itself is not a stem and what remains is a word (ChronicleText/ArabicStemmer.swift).
Usage: apt-get install hunspell-ar && python3 scripts/make_lexicon.py
"""
import re
import sys

source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell/ar.dic"
words = set()
with open(source, encoding="utf-8") as dic:
    next(dic)  # the first line is the entry count
    for line in dic:
        word = line.split("/")[0].split("\t")[0].strip()
        if word and re.fullmatch(r"[\u0621-\u064A\u0671]+", word):
            words.add(word)
with open("Data/lexicon/ar-stems.txt", "w", encoding="utf-8") as out:
    out.write("\n".join(sorted(words)) + "\n")
print(f"{len(words)} stems")
