"""Write CoNLL-2003 documents as raw article files, with their gold entity spans as character offsets.

Usage (corpus paths are arguments; nothing is copied into the repository):

    python benchmarks/conll_to_raw.py ../shared/corpora/conll2003/eng.train \\
        ../shared/corpora/conll2003/eng.testa --raw /tmp/conll/raw --gold /tmp/conll/types_gold.csv
    newsfold run /tmp/conll/raw --out /tmp/conll/out
    newsfold evaluate types /tmp/conll/types_gold.csv /tmp/conll/out --split test

Each document becomes ``<file>-<nnnn>.txt`` (``train-0001.txt``): its sentences one a line,
the tokens joined by spaces except before closing punctuation (``,`` ``.`` ``'s`` ``)``...)
and after an opening bracket, so the text reads as a wire story and not as a token list.
The gold CSV has one row per gold PER, ORG or LOC entity (MISC is not a type newsfold
resolves): ``file,start,end,surface,label,part``. ``part`` is ``dev`` for ``eng.train``
(tune on it) and ``test`` for every other file (``eng.testa``: only measure it).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

from bench_ner import RESOLVED_LABELS, ConllDocument, read_conll

#: Tokens written without a space before them.
NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "?", "!", ")", "]", "%", "'s", "'S", "n't", "'"})
#: Tokens written without a space after them.
NO_SPACE_AFTER = frozenset({"(", "[", "$"})


def document_text(document: ConllDocument) -> tuple[str, list[tuple[int, int]]]:
    """The document's text and each gold token's character span in it.

    Example:
        >>> doc = ConllDocument((("Mr.", "Smith", "'s", "car", "(", "red", ")", "."), ("Fine", ".")), frozenset())
        >>> document_text(doc)[0]
        "Mr. Smith's car (red).\\nFine.\\n"
    """
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    for number, sentence in enumerate(document.sentences):
        if number:
            pieces.append("\n")
            length += 1
        previous = None
        for token in sentence:
            if previous is not None and token not in NO_SPACE_BEFORE and previous not in NO_SPACE_AFTER:
                pieces.append(" ")
                length += 1
            spans.append((length, length + len(token)))
            pieces.append(token)
            length += len(token)
            previous = token
    return "".join(pieces) + "\n", spans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conll", type=Path, nargs="+", help="CoNLL-2003 files (eng.train is the dev part)")
    parser.add_argument("--raw", type=Path, required=True, help="folder to write the article files into")
    parser.add_argument("--gold", type=Path, required=True, help="gold CSV to write")
    args = parser.parse_args()
    args.raw.mkdir(parents=True, exist_ok=True)
    rows = []
    for path in args.conll:
        stem = path.name.removeprefix("eng.")
        part = "dev" if stem == "train" else "test"
        for number, document in enumerate(read_conll(path), start=1):
            name = f"{stem}-{number:04d}.txt"
            text, spans = document_text(document)
            (args.raw / name).write_text(text, encoding="utf-8")
            for start, end, label in sorted(document.entities):
                if label in RESOLVED_LABELS:
                    first, last = spans[start][0], spans[end - 1][1]
                    rows.append((name, first, last, text[first:last], label, part))
    args.gold.parent.mkdir(parents=True, exist_ok=True)
    with args.gold.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "start", "end", "surface", "label", "part"])
        writer.writerows(rows)
    print(f"{len({row[0] for row in rows})} documents with gold entities, {len(rows)} gold spans -> {args.gold}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
