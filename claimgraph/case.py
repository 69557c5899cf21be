"""Reading and writing cases: hand-written annotation files and native JSON.

A *case folder* holds the article and source documents as text files plus
one annotation file, ``case.json`` (or ``case.yaml`` with the ``yaml``
extra).  In the annotation, claims and evidence are anchored by quoting their
text, never by typing offsets; claimgraph resolves the offsets and says
clearly when a quote is not found or is ambiguous.  See ``docs/case-format.md``.

The *native JSON* format (``format_version``) stores everything resolved,
texts included, and round-trips exactly::

    graph = claimgraph.load("examples/uac-oig-2024")
    claimgraph.save(graph, "uac.claimgraph.json")
    assert claimgraph.load("uac.claimgraph.json").to_case() == graph.to_case()

Every error is a :class:`~claimgraph.errors.CaseError` (or a subclass of
:class:`~claimgraph.errors.ClaimgraphError`) naming the file, line and field,
with a hint.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import AnchorError, CaseError, ClaimgraphError, DocumentError, QuantityError
from .graph import ClaimGraph
from .model import (
    Article,
    Attribution,
    Case,
    Claim,
    ClaimKind,
    Derivation,
    Document,
    DocumentKind,
    Evidence,
    EvidenceRelation,
    QuantityMention,
    QuoteSpan,
    Source,
    claim_id_for,
)
from .spans import Span, TextQuote

__all__ = ["load", "save", "load_annotation", "dumps", "loads", "ANNOTATION_NAMES"]

#: File names looked for in a case folder, in order.
ANNOTATION_NAMES = ("case.json", "case.yaml", "case.yml")
#: Largest file claimgraph reads (article, document or annotation), in bytes.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Largest native JSON file claimgraph reads (it holds a whole case, texts included).
MAX_NATIVE_BYTES = 4 * 1024 * 1024 * 1024


# --------------------------------------------------------------------------- annotation schema
class _Ann(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Anchor(_Ann):
    """A passage quoted from a text: exact words, optional neighbours, optional occurrence."""

    exact: str = Field(min_length=1)
    prefix: str = ""
    suffix: str = ""
    occurrence: int | None = Field(None, ge=1)


AnchorLike = Union[str, Anchor]


class ArticleAnn(_Ann):
    file: str
    id: str = "article"
    title: str | None = None
    outlet: str | None = None
    credit: str | None = None
    url: str | None = None
    date: str | None = None
    encoding: str = "utf-8"


class DocumentAnn(_Ann):
    id: str
    file: str
    title: str
    source: str | None = None
    kind: DocumentKind = "other"
    primary: bool
    completeness: Literal["full", "excerpt", "summary", "unknown"] = "unknown"
    coverage_note: str | None = None
    date: str | None = None
    url: str | None = None
    number: str | None = None
    cites: tuple[str, ...] = ()
    encoding: str = "utf-8"


class EvidenceAnn(_Ann):
    document: str
    passage: AnchorLike
    id: str | None = None
    quantity: str | None = Field(None, description="the claim's quantity this supports: its text or id")
    relation: EvidenceRelation
    page: int | None = Field(None, ge=1)
    section: str | None = None
    note: str | None = None


class DerivationAnn(_Ann):
    quantity: str
    op: Literal["ratio", "share_percent", "percent_of", "sum", "difference", "product"]
    operands: tuple[str, ...] = Field(min_length=1)
    id: str | None = None
    formula: str | None = None
    note: str | None = None


class ClaimAnn(_Ann):
    quote: AnchorLike
    kind: ClaimKind
    id: str | None = None
    attribution: Attribution | None = None
    quantities: Union[Literal["auto"], tuple[AnchorLike, ...]] = "auto"
    quotes: Union[Literal["auto"], tuple[AnchorLike, ...]] = "auto"
    evidence: tuple[EvidenceAnn, ...] = ()
    derivations: tuple[DerivationAnn, ...] = ()
    note: str | None = None


class AnnotationFile(_Ann):
    """The hand-written annotation file of a case folder."""

    format: Literal["claimgraph-annotation"] = "claimgraph-annotation"
    article: ArticleAnn
    sources: tuple[Source, ...] = ()
    documents: tuple[DocumentAnn, ...] = ()
    claims: tuple[ClaimAnn, ...] = ()


# --------------------------------------------------------------------------- public API
def load(path: str | os.PathLike[str]) -> ClaimGraph:
    """Load a case folder, an annotation file (JSON/YAML) or a native JSON file."""
    p = Path(path)
    if p.is_dir():
        for name in ANNOTATION_NAMES:
            if (p / name).is_file():
                return load_annotation(p / name)
        native = sorted(p.glob("*.claimgraph.json"))
        if len(native) == 1:
            return _load_native(native[0])
        raise CaseError(
            f"no annotation file in folder (looked for {', '.join(ANNOTATION_NAMES)})",
            where=str(p),
            hint="write a case.json next to the article, or pass the annotation or native JSON file itself",
        )
    if not p.exists():
        raise CaseError("no such file or folder", where=str(p), hint="check the path")
    if p.suffix.lower() in (".yaml", ".yml"):
        return load_annotation(p)
    text = _read_text(p, limit=MAX_NATIVE_BYTES if p.name.endswith(".claimgraph.json") else MAX_FILE_BYTES)
    data = _parse_json(text, p)
    if isinstance(data, dict) and "format_version" in data:
        return _from_native(data, text, p)
    return load_annotation(p, _parsed=(text, data))


def save(graph: ClaimGraph | Case, path: str | os.PathLike[str]) -> None:
    """Write native JSON atomically: either the whole file is written or nothing is."""
    _atomic_write(Path(path), dumps(graph))


def dumps(graph: ClaimGraph | Case) -> str:
    """Native JSON text of a graph or case (deterministic: same input, same bytes)."""
    case = graph.to_case() if isinstance(graph, ClaimGraph) else graph
    data = case.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def loads(text: str, *, where: str = "<string>") -> ClaimGraph:
    """Read native JSON text."""
    return _from_native(_parse_json(text, Path(where)), text, Path(where))


# --------------------------------------------------------------------------- native
def _load_native(path: Path) -> ClaimGraph:
    text = _read_text(path, limit=MAX_NATIVE_BYTES)
    return _from_native(_parse_json(text, path), text, path)


def _from_native(data: Any, text: str, path: Path) -> ClaimGraph:
    if not isinstance(data, dict) or "format_version" not in data:
        raise CaseError("not a claimgraph native JSON file (no format_version)", where=str(path),
                        hint="native files are written by `claimgraph save`/claimgraph.save()")
    try:
        case = Case.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, text, path, _json_line) from None
    try:
        return ClaimGraph.from_case(case)
    except ClaimgraphError as exc:
        raise CaseError(exc.message, where=f"{path}: {exc.where}" if exc.where else str(path), hint=exc.hint) from None


# --------------------------------------------------------------------------- annotation
def load_annotation(path: str | os.PathLike[str], *, _parsed: tuple[str, Any] | None = None) -> ClaimGraph:
    """Read a hand-written annotation file and resolve every anchor to offsets."""
    p = Path(path)
    if _parsed is not None:
        text, data = _parsed
        locate = _json_line
    elif p.suffix.lower() in (".yaml", ".yml"):
        text = _read_text(p)
        data, locate = _parse_yaml(text, p)
    else:
        text = _read_text(p)
        data, locate = _parse_json(text, p), _json_line
    try:
        ann = AnnotationFile.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc, text, p, locate) from None
    return _Resolver(ann, p, text, locate).graph()


class _Resolver:
    """Turns an :class:`AnnotationFile` into a :class:`ClaimGraph`, one located error at a time."""

    def __init__(self, ann: AnnotationFile, path: Path, text: str, locate: Any):
        self.ann, self.path, self.text, self.locate = ann, path, text, locate
        self.base = path.parent

    def fail(self, loc: tuple[Any, ...], message: str, hint: str | None) -> CaseError:
        return CaseError(message, where=self.where(loc), hint=hint)

    def where(self, loc: tuple[Any, ...]) -> str:
        line = self.locate(self.text, loc)
        field = ".".join(str(x) for x in loc)
        return f"{self.path}:{line}" + (f" ({field})" if field else "") if line else f"{self.path} ({field})"

    def graph(self) -> ClaimGraph:
        a = self.ann.article
        article = self.guard(("article",), lambda: Article(
            id=a.id, title=a.title, outlet=a.outlet, credit=a.credit, url=a.url, date=a.date, path=a.file,
            text=self.read(a.file, a.encoding, ("article", "file")),
        ))
        graph = ClaimGraph(article)
        for i, source in enumerate(self.ann.sources):
            self.guard(("sources", i), lambda s=source: graph.add_source(s))
        # documents may cite documents listed after them: add them in citation order
        pending = list(enumerate(self.ann.documents))
        known = {d.id for d in self.ann.documents}
        while pending:
            ready = [(i, d) for i, d in pending
                     if all(c in graph._documents or c not in known for c in d.cites)] or pending[:1]
            for i, d in ready:
                fields = d.model_dump(exclude={"file", "encoding"})
                text = self.read(d.file, d.encoding, ("documents", i, "file"), document=True)
                self.guard(("documents", i), lambda f=fields, t=text, d=d: graph.add_document(
                    Document(**f, path=d.file, text=t)))
            pending = [p for p in pending if p not in ready]
        claims: list[tuple[int, ClaimAnn, Claim]] = []
        taken: set[str] = set()
        quotes = _article_quotes(article.text)
        for i, c in enumerate(self.ann.claims):
            claim = self.claim(i, c, article.text, taken, quotes)
            taken.add(claim.id)
            self.guard(("claims", i), lambda cl=claim: graph.add_claim(cl))
            claims.append((i, c, claim))
        counter = 0
        for i, c, claim in claims:
            for j, e in enumerate(c.evidence):
                counter += 1
                loc = ("claims", i, "evidence", j)
                doc = self.guard(loc + ("document",), lambda e=e: graph.document(e.document))
                span = self.anchor(e.passage, doc.text, loc + ("passage",), f"document {doc.id}")
                quantity = self.quantity_ref(e.quantity, claim, graph, loc + ("quantity",)) if e.quantity else None
                ev = Evidence(
                    id=e.id or f"{claim.id}/e{j + 1}", claim=claim.id, document=doc.id, quantity=quantity,
                    start=span.start, end=span.end, text=span.of(doc.text), relation=e.relation,
                    page=e.page if e.page is not None else (doc.page_of(span.start) if "\f" in doc.text else None),
                    section=e.section, note=e.note,
                )
                self.guard(loc, lambda ev=ev: graph.add_evidence(ev))
        for i, c, claim in claims:
            for j, d in enumerate(c.derivations):
                loc = ("claims", i, "derivations", j)
                target = self.quantity_ref(d.quantity, claim, graph, loc + ("quantity",))
                operands = tuple(
                    self.operand_ref(op, claim, graph, loc + ("operands", k)) for k, op in enumerate(d.operands)
                )
                formula = d.formula or _formula(d.op, [self.operand_text(o, graph) for o in operands])
                der = Derivation(id=d.id or f"{claim.id}/d{j + 1}", quantity=target, op=d.op,
                                 operands=operands, formula=formula, note=d.note)
                self.guard(loc, lambda der=der: graph.add_derivation(der))
        return graph

    def guard(self, loc: tuple[Any, ...], make: Any) -> Any:
        try:
            return make()
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(x) for x in err["loc"])
            raise self.fail(loc, f"{field + ': ' if field else ''}{err['msg']}", "fix the value named") from None
        except ClaimgraphError as exc:
            message = f"{exc.where}: {exc.message}" if exc.where and exc.where != "graph" else exc.message
            raise self.fail(loc, message, exc.hint) from None

    def read(self, name: str, encoding: str, loc: tuple[Any, ...], *, document: bool = False) -> str:
        """A file's text; a document may also be PDF or HTML (read as :func:`claimgraph.link.read_document`
        does: PDF pages joined by form feeds, HTML's main text)."""
        p = (self.base / name)
        if not p.is_file():
            raise self.fail(loc, f"file {name!r} not found next to the annotation",
                            "paths are relative to the annotation file's folder")
        try:
            if document and p.suffix.lower() in _RICH_DOCUMENTS:
                size = p.stat().st_size
                if size > MAX_FILE_BYTES:
                    raise CaseError(f"file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit",
                                    where=str(p), hint="split the document or pass an excerpt")
                from .link import read_document

                return read_document(p).text
            return _read_text(p, encoding)
        except (CaseError, DocumentError) as exc:
            raise self.fail(loc, exc.message, exc.hint) from None

    def anchor(self, anchor: AnchorLike, text: str, loc: tuple[Any, ...], what: str,
               within: Span | None = None) -> Span:
        a = Anchor(exact=anchor) if isinstance(anchor, str) else anchor
        region = text if within is None else within.of(text)
        try:
            span = TextQuote(a.exact, a.prefix, a.suffix).locate(region, nth=a.occurrence)
        except AnchorError as exc:
            raise self.fail(loc, f"in {what}: {exc.message}", exc.hint) from None
        return span if within is None else span.shift(within.start)

    def claim(self, i: int, c: ClaimAnn, text: str, taken: set[str], quotes: list[Span]) -> Claim:
        loc = ("claims", i)
        span = self.anchor(c.quote, text, loc + ("quote",), "the article")
        words = span.of(text)
        ident = c.id or claim_id_for(words, taken)
        if c.quantities == "auto":
            from .quantities import find_quantities

            found = [(q, q.span) for q in find_quantities(words)]
        else:
            found = []
            for k, anchor in enumerate(c.quantities):
                qloc = loc + ("quantities", k)
                sub = self.anchor(anchor, text, qloc, f"claim {ident}", within=span).shift(-span.start)
                found.append((self.parse_quantity(sub.of(words), qloc), sub))
        mentions = tuple(
            QuantityMention.from_quantity(q, f"{ident}/q{n}", offset=span.start)
            if q.span == sub else QuantityMention.from_quantity(_with_span(q, sub), f"{ident}/q{n}", offset=span.start)
            for n, (q, sub) in enumerate(found, 1)
        )
        if c.quotes == "auto":
            quote_spans = [s for s in quotes if span.contains(s)]
        else:
            quote_spans = [self.anchor(a, text, loc + ("quotes", k), f"claim {ident}", within=span)
                           for k, a in enumerate(c.quotes)]
        attribution = c.attribution if c.attribution is not None else {"kind": "unattributed"}
        return self.guard(loc, lambda: Claim(
            id=ident, start=span.start, end=span.end, text=words, kind=c.kind, attribution=attribution,
            quantities=mentions, quotes=tuple(QuoteSpan(start=s.start, end=s.end, text=s.of(text)) for s in quote_spans),
            note=c.note,
        ))

    def parse_quantity(self, words: str, loc: tuple[Any, ...]) -> Any:
        from .quantities import Quantity

        try:
            return Quantity.parse(words)
        except QuantityError as exc:
            raise self.fail(loc, exc.message, exc.hint) from None

    def quantity_ref(self, ref: str, claim: Claim, graph: ClaimGraph, loc: tuple[Any, ...]) -> str:
        """A quantity id from an id or a quantity's text (in this claim first, then anywhere)."""
        known = {q.id for _, q in graph.quantities()}
        if ref in known:
            return ref
        own = [q.id for q in claim.quantities if q.text == ref]
        if len(own) == 1:
            return own[0]
        anywhere = [q.id for _, q in graph.quantities() if q.text == ref]
        if len(anywhere) == 1:
            return anywhere[0]
        if len(anywhere) > 1:
            raise self.fail(loc, f"quantity {ref!r} occurs in {len(anywhere)} claims ({', '.join(anywhere)})",
                            "refer to it by its id, e.g. " + anywhere[0])
        texts = [q.text for q in claim.quantities]
        from .model import _did_you_mean

        raise self.fail(loc, f"no quantity {ref!r} in claim {claim.id} or elsewhere{_did_you_mean(ref, texts)}",
                        f"the claim's quantities are: {', '.join(map(repr, texts)) or 'none'}")

    def operand_ref(self, ref: str, claim: Claim, graph: ClaimGraph, loc: tuple[Any, ...]) -> str:
        if ref in {e.id for e in graph.evidence}:
            return ref
        return self.quantity_ref(ref, claim, graph, loc)

    @staticmethod
    def operand_text(ref: str, graph: ClaimGraph) -> str:
        known = {e.id: e for e in graph.evidence}
        if ref in known:
            from .quantities import find_quantities

            found = find_quantities(known[ref].text)
            return found[0].text if found else known[ref].text
        return graph.quantity(ref).text


def _with_span(q: Any, span: Span) -> Any:
    import attrs

    return attrs.evolve(q, span=span)


_OPS = {"ratio": "{0} / {1}", "share_percent": "{0} / {1} × 100", "percent_of": "{0} × {1}",
        "difference": "{0} − {1}"}


def _formula(op: str, texts: list[str]) -> str:
    if op in _OPS and len(texts) == 2:
        return _OPS[op].format(*texts)
    joiner = {"sum": " + ", "product": " × "}.get(op, ", ")
    return joiner.join(texts)


def _article_quotes(text: str) -> list[Span]:
    """Direct-quote spans (content without marks) found by the extractor."""
    from .extract import find_quotes

    return [q.span for q in find_quotes(text)]


# --------------------------------------------------------------------------- file reading
_RICH_DOCUMENTS = frozenset({".pdf", ".html", ".htm", ".xhtml"})


def _read_text(path: Path, encoding: str = "utf-8", *, limit: int = MAX_FILE_BYTES) -> str:
    try:
        size = path.stat().st_size
        if size > limit:
            raise CaseError(f"file is {size:,} bytes, over the {limit:,}-byte limit", where=str(path),
                            hint="split the document or pass an excerpt")
        data = path.read_bytes()
    except OSError as exc:
        raise CaseError(f"cannot read file: {exc.strerror}", where=str(path), hint="check the path and permissions") from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CaseError(
            f"not valid {encoding} at byte {exc.start} (line {line})", where=f"{path}:{line}",
            hint='save the file as UTF-8, or give its "encoding" in the annotation',
        ) from None
    except LookupError:
        raise CaseError(f"unknown encoding {encoding!r}", where=str(path), hint="use a Python codec name such as utf-8 or cp1252") from None
    return text.removeprefix("\ufeff")


def _parse_json(text: str, path: Path) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseError(f"invalid JSON: {exc.msg} (column {exc.colno})", where=f"{path}:{exc.lineno}",
                        hint="check for a missing comma, quote or bracket near that line") from None


def _parse_yaml(text: str, path: Path) -> tuple[Any, Any]:
    try:
        import yaml
    except ImportError:
        raise CaseError("reading YAML needs PyYAML", where=str(path),
                        hint="pip install 'claimgraph[yaml]', or write the annotation as case.json") from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CaseError(f"invalid YAML: {problem}", where=f"{path}{line}",
                        hint="check indentation and quoting near that line") from None

    def locate(_: str, loc: tuple[Any, ...]) -> int | None:
        current, line = node, (node.start_mark.line + 1 if node is not None else None)
        for key in loc:
            if isinstance(current, yaml.MappingNode):
                nxt = next((v for k, v in current.value if k.value == key), None)
                if nxt is None:
                    break
                line = next(k for k, v in current.value if k.value == key).start_mark.line + 1
                current = nxt
            elif isinstance(current, yaml.SequenceNode) and isinstance(key, int) and key < len(current.value):
                current = current.value[key]
                line = current.start_mark.line + 1
            else:
                break
        return line

    return data, locate


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')


def _json_line(text: str, loc: tuple[Any, ...]) -> int | None:
    """1-based line of the value at ``loc`` (keys and list indexes) in JSON ``text``.

    >>> _json_line('{"a": [1,\\n {"b": 2}]}', ("a", 1, "b"))
    2
    """
    tokens = _JSON_TOKEN.finditer(text)
    best = 1

    def value(path: tuple[Any, ...]) -> bool:
        """Consume one value; return True once ``path`` has been reached."""
        nonlocal best
        tok = next(tokens, None)
        if tok is None:
            return False
        if not path:
            best = text.count("\n", 0, tok.start()) + 1
            return True
        head, rest = path[0], path[1:]
        t = tok.group()
        if t == "{":
            while True:
                key = next(tokens, None)
                if key is None or key.group() == "}":
                    return False
                if key.group() == ",":
                    continue
                name = json.loads(key.group()) if key.group().startswith('"') else key.group()
                next(tokens, None)  # colon
                if name == head:
                    best = text.count("\n", 0, key.start()) + 1
                    return value(rest) or True
                skip()
        if t == "[":
            index = 0
            while True:
                if index == head:
                    return value(rest)
                if not skip(allow_close=True):
                    return False
                sep = next(tokens, None)
                if sep is None or sep.group() == "]":
                    return False
                index += 1
        return False

    def skip(allow_close: bool = False) -> bool:
        depth = 0
        for tok in tokens:
            t = tok.group()
            if t in "{[":
                depth += 1
            elif t in "}]":
                depth -= 1
                if depth < 0:
                    return False
            if depth == 0 and t not in (",",):
                return True
        return False

    try:
        value(tuple(loc))
    except (ValueError, StopIteration):
        pass
    return best


def _validation_error(exc: ValidationError, text: str, path: Path, locate: Any) -> CaseError:
    err = exc.errors()[0]
    loc = tuple(x for x in err["loc"] if not (isinstance(x, str) and x in _UNION_TAGS))
    field = ".".join(str(x) for x in loc)
    line = locate(text, loc)
    where = f"{path}:{line}" if line else str(path)
    message, hint = err["msg"], "fix the field named"
    if err["type"] == "extra_forbidden":
        from .model import _did_you_mean

        allowed = _allowed_fields(exc.title, loc)
        message = f"unknown field {str(loc[-1])!r}{_did_you_mean(str(loc[-1]), allowed)}"
        hint = "allowed here: " + ", ".join(sorted(allowed)) if allowed else "remove the field"
    elif err["type"] == "missing":
        message = f"required field {str(loc[-1])!r} is missing"
        hint = "add it"
    elif err["type"] in ("literal_error", "union_tag_invalid", "enum"):
        hint = "use one of the values listed"
    more = len(exc.errors()) - 1
    suffix = f" (+{more} more error{'s' if more > 1 else ''} in this file)" if more else ""
    return CaseError(f"{field}: {message}{suffix}" if field else message + suffix, where=where, hint=hint)


_UNION_TAGS = {"str", "Anchor", "direct_quote", "paraphrase", "relayed", "unattributed", "vague",
               "tuple[union[str,Anchor],...]", "literal['auto']",
               "function-after[_ordered(), QuoteSpan]"}


def _allowed_fields(title: str, loc: tuple[Any, ...]) -> set[str]:
    """Field names allowed at ``loc`` of the annotation or native schema."""
    model: Any = AnnotationFile if title == "AnnotationFile" else Case
    for key in loc[:-1]:
        if isinstance(key, int):
            continue
        field = getattr(model, "model_fields", {}).get(key)
        if field is None:
            return set()
        model = _inner_model(field.annotation)
        if model is None:
            return set()
    return set(getattr(model, "model_fields", {}))


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _atomic_write(path: Path, text: str) -> None:
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CaseError("folder does not exist", where=str(folder), hint="create it first")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_annotation(graph: ClaimGraph, folder: str | os.PathLike[str], *, article_name: str = "article.txt") -> None:
    """Write a case folder a person can correct: the article text and a ``case.json``
    whose claims and quantities are anchored by quoting them (with an occurrence
    number only where the words repeat).  Documents are written next to it."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    text = graph.article.text

    def anchor(words: str, within: str, start: int) -> Any:
        n = within.count(words, 0, start) + 1
        return words if within.count(words) == 1 else {"exact": words, "occurrence": n}

    claims = []
    for c in graph.claims:
        item: dict[str, Any] = {"quote": anchor(c.text, text, c.start), "kind": c.kind, "id": c.id,
                                "attribution": c.attribution.model_dump(mode="json", exclude_none=True)}
        item["quantities"] = [anchor(q.text, c.text, q.start - c.start) for q in c.quantities]
        claims.append(item)
    documents = []
    for d in graph.documents:
        name = f"sources/{d.id}.txt"
        (out / "sources").mkdir(exist_ok=True)
        _atomic_write(out / name, d.text)
        documents.append({"file": name, **d.model_dump(mode="json", exclude_none=True, exclude={"text", "path"})})
    article = {"file": article_name, **graph.article.model_dump(mode="json", exclude_none=True,
                                                                exclude={"text", "path"})}
    data = {"format": "claimgraph-annotation", "article": article,
            "sources": [s.model_dump(mode="json", exclude_none=True) for s in graph.sources],
            "documents": documents, "claims": claims}
    _atomic_write(out / article_name, text)
    _atomic_write(out / "case.json", json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` to ``path`` so that a failure leaves no partial file."""
    _atomic_write(Path(path), text)


__all__ += ["write_atomic", "write_annotation", "AnnotationFile"]

