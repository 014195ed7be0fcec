"""Sentences of two articles that state the same thing (statements, rule V110)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checker.align.statement_pairs import statement_pairs
from checker.extract.pipeline import Extractor
from checker.models.facts import ArticleFacts, Evidence, StatementFact
from checker.models.report import Verdict
from checker.run import check
from tests.articles import article


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def read(extractor: Extractor, body: str) -> ArticleFacts:
    return extractor(article(body, published=date(2024, 3, 12)))


def write(folder: Path, a: str, b: str, day_a: str = "2024-03-12", day_b: str = "2024-03-12"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(f"---\npublished: {day_a}\n---\n{a}\n", encoding="utf-8")
    (folder / "b.txt").write_text(f"---\npublished: {day_b}\n---\n{b}\n", encoding="utf-8")
    return check([folder]).report


def statements(report):
    return [f for f in report.findings if f.rule == "V110"]


def quotes(finding) -> dict[str, str]:
    return {c.article: c.quote for c in finding.claims}


# --- extraction ---------------------------------------------------------------------------


def test_statement_keeps_content_words_names_figures_and_negation(extractor: Extractor) -> None:
    facts = read(
        extractor,
        "Tunnel report\nThe chief executive of Aldport Tunnels said engineers did not find "
        "3 leaks in the eastern shaft.\n",
    )
    s = next(s for s in facts.statements if "eastern shaft" in s.evidence.quote)
    assert s.negated
    assert {"engineer", "find", "leak", "eastern", "shaft"} <= set(s.keys)
    assert "say" not in s.keys  # a reporting verb says nothing about the fact
    assert "aldport" in s.names
    # A role title names who someone is: the people rules compare it, not this matcher.
    assert {"chief", "executive"} <= set(s.names)
    assert s.numbers == ["3"]
    assert not facts.statements[0].negated  # the title line
    assert len(s.spans) == len(s.keys)


def test_statement_spans_quote_the_article(extractor: Extractor) -> None:
    body = "Tunnel opens\nThe tunnel is lined with recycled basalt panels.\n"
    facts = read(extractor, body)
    s = next(s for s in facts.statements if "basalt" in s.evidence.quote)
    words = [body[start:end] for start, end in s.spans]
    assert words[:5] == ["tunnel", "lined", "recycled", "basalt", "panels"]


# --- matching end to end ------------------------------------------------------------------

A = (
    "Harbour tunnel opens in Aldport\n"
    "The new harbour tunnel in Aldport opened to traffic on Monday. The contractor said the "
    "tunnel is lined with recycled basalt panels, a first for the region. Engineers did not "
    "find leaks in the eastern shaft during the final inspection."
)
B = (
    "Aldport harbour tunnel opens to traffic\n"
    "The harbour tunnel of Aldport opened to traffic on Monday after a long wait. Its walls are "
    "lined with recycled basalt panels, the first such lining in the region. Inspectors found "
    "leaks in the eastern shaft during the final inspection, the city said."
)


def test_same_statement_is_one_agreement_and_never_a_conflict(tmp_path: Path) -> None:
    report = write(tmp_path / "s", A, B)
    found = statements(report)
    assert len(found) == 1
    f = found[0]
    assert f.verdict is Verdict.AGREEMENT and f.kind == "statement"
    assert "recycled basalt panels" in quotes(f)["a"]
    assert "recycled basalt panels" in quotes(f)["b"]
    assert "basalt" in f.subject and "basalt" in f.explanation
    assert not [x for x in report.findings if x.kind == "statement" and x.verdict != "agreement"]


def test_negation_on_one_side_only_is_not_the_same(tmp_path: Path) -> None:
    def leaks(report):
        return [f for f in statements(report) if "eastern shaft" in quotes(f)["a"]]

    # The near-miss: 'did not find leaks' / 'found leaks'.
    assert not leaks(write(tmp_path / "neg", A, B))
    # Without the negation the two sentences do state the same thing.
    assert leaks(write(tmp_path / "pos", A.replace("did not find", "found"), B))


def test_story_names_alone_are_not_a_statement(tmp_path: Path) -> None:
    a = (
        "Nordvik Trucks and Halden Motors\n"
        "Nordvik Trucks and Halden Motors met in Stockholm on Friday to discuss the merger. "
        "The talks ended without agreement."
    )
    b = (
        "Halden Motors shares\n"
        "Shares of Nordvik Trucks and Halden Motors were traded heavily in Stockholm on Friday. "
        "Analysts expect more volatility."
    )
    assert not statements(write(tmp_path / "n", a, b))


def test_a_change_told_on_two_days_is_two_changes(tmp_path: Path) -> None:
    a = (
        "Markets\nThe Aldport composite index rose sharply in value after the central bank "
        "lowered interest rates. Traders were relieved."
    )
    b = (
        "Markets again\nThe Aldport composite index rose sharply in value after the central "
        "bank lowered interest rates. Traders were cautious."
    )
    same_day = write(tmp_path / "same", a, b)
    assert statements(same_day)
    other_day = write(tmp_path / "other", a, b, day_b="2024-03-19")
    assert not statements(other_day)


# --- the matcher on its own ---------------------------------------------------------------


def stmt(article: str, index: int, keys: str, names: str = "", **kw) -> StatementFact:
    words = keys.split()
    return StatementFact(
        index=index,
        keys=words,
        spans=[(i, i + 1) for i in range(len(words))],
        names=names.split(),
        evidence=Evidence(article=article, quote=keys, start=0, end=len(keys), line=1),
        **kw,
    )


FILLER_A = [stmt("a", i, f"alpha{i} beta{i} gamma{i} delta{i}") for i in range(1, 12)]
FILLER_B = [stmt("b", i, f"omega{i} sigma{i} kappa{i} theta{i}") for i in range(1, 12)]


def pairs(x: StatementFact, y: StatementFact, covered=lambda *a: False):
    facts = [
        ArticleFacts(article="a", statements=[x, *FILLER_A]),
        ArticleFacts(article="b", statements=[y, *FILLER_B]),
    ]
    return statement_pairs(facts, lambda a, b: True, covered)


def test_shared_specific_words_make_a_pair_and_covered_pairs_are_skipped() -> None:
    x = stmt("a", 0, "engineer line tunnel recycle basalt panel")
    y = stmt("b", 0, "wall line recycle basalt panel region")
    assert len(pairs(x, y)) == 1
    assert not pairs(x, y, covered=lambda *a: True)


def test_different_figures_and_opposite_directions_are_not_the_same() -> None:
    x = stmt("a", 0, "index value rise primary mark", numbers=["2.4"])
    y = stmt("b", 0, "index value rise primary mark", numbers=["8.1"])
    assert not pairs(x, y)
    assert pairs(x, y.model_copy(update={"numbers": ["2.4"]}))
    z = stmt("b", 0, "index value decrease primary mark")
    assert not pairs(x.model_copy(update={"numbers": []}), z)


def test_one_pair_per_sentence_unless_it_says_two_things() -> None:
    x = stmt("a", 0, "fight pancreatic cancer undergo liver transplant reveal")
    facts = [
        ArticleFacts(article="a", statements=[x, *FILLER_A]),
        ArticleFacts(
            article="b",
            statements=[
                stmt("b", 0, "fight pancreatic cancer leave medical"),
                stmt("b", 1, "stand place undergo liver transplant surgery"),
                stmt("b", 2, "fight pancreatic cancer since long"),
                *FILLER_B,
            ],
        ),
    ]
    found = statement_pairs(facts, lambda a, b: True, lambda *a: False)
    assert sorted(p.b.index for p in found) in ([0, 1], [1, 2])


def _match_every_key(x: StatementFact, y: StatementFact) -> dict[str, str]:
    """`_match` as it was first written: every key of y tried for a close spelling."""
    from checker.align.statements import _fuzzy

    ky = set(y.keys)
    names = set(x.names) | set(y.names)
    out: dict[str, str] = {}
    for k in dict.fromkeys(x.keys):
        if k in ky:
            out[k] = k
        elif k not in names:
            close = next(
                (o for o in ky if o not in names and o not in x.keys and _fuzzy(k, o)), None
            )
            if close is not None:
                out[k] = close
    return out


def test_close_spellings_looked_up_by_their_start_match_as_every_key_tried(
    extractor: Extractor,
) -> None:
    from checker.align.statements import _match, _spellings

    a = read(
        extractor,
        "The manufacturer filed for bankruptcy protection on Monday. The fibre network of the "
        "organisation was sold to a rival manufacturing group for 3 million dollars.",
    )
    b = read(
        extractor,
        "The manufacturing company's bankruptcy filing came on Monday. Its fiber network of the "
        "organization went to a rival manufacture group for 3 million dollars.",
    )
    pairs = [(x, y) for x in a.statements for y in b.statements]
    assert pairs
    close = 0
    for x, y in pairs:
        expected = _match_every_key(x, y)
        assert _match(x, y) == _match(x, y, _spellings(y)) == expected
        close += sum(k != v for k, v in expected.items())
    assert close > 0  # the texts do hold close spellings, so the lookup was tried
