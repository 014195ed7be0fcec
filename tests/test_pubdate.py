"""Publication dates inferred from an article's own time expressions and their tense."""

from __future__ import annotations

from datetime import date

from checker.ingest.pubdate import guess_published
from checker.models.article import Article
from checker.models.facts import ArticleFacts
from checker.models.report import Claim, Finding, Severity, Verdict
from checker.models.time import Timex
from checker.rules.inferred import mark_inferred_dates


def test_latest_past_date_is_the_lower_bound() -> None:
    g = guess_published("Talks began on March 2, 2021 and ended on March 9, 2021, officials said.")
    assert g is not None
    assert g.day == g.earliest == date(2021, 3, 9)
    assert g.latest is None
    assert "'March 9, 2021'" in g.note


def test_future_date_bounds_from_above() -> None:
    g = guess_published(
        "The bridge opened in May 2018. A second span will be finished in March 2019, "
        "the council said."
    )
    assert g is not None
    assert (g.earliest, g.latest) == (date(2018, 5, 1), date(2019, 3, 31))
    assert "'March 2019' (told as future)" in g.note


def test_a_future_date_before_the_past_one_is_ignored() -> None:
    # a misread tense must not leave an empty range
    g = guess_published("The plant closed in June 2020. Work will start in May 2019.")
    assert g is not None and g.latest is None and g.earliest == date(2020, 6, 1)


def test_weekday_and_month_day_pin_the_year() -> None:
    body = (
        "Police trained the unit in late November 2019.\n\n"
        "On July 4, the army unveiled new drones. At an airbase on Saturday, the president "
        "said more would come."
    )
    g = guess_published(body)
    assert g is not None
    # July 4 was a Saturday in 2020 (not in 2019): the earliest such day after November 2019
    assert g.day == date(2020, 7, 4)
    assert g.earliest == date(2019, 11, 1)
    assert "'Saturday' = 2020-07-04" in g.note


def test_weekday_names_above_a_bare_year_pin_no_sure_day() -> None:
    # "since 2004" only says the news is later; "Tuesday" and "May 24" then recur every few
    # years, so the day found is only as sure as the year floor (siblings may override it)
    body = (
        "The storm was the worst since 2004, officials said on Tuesday. A vote was "
        "postponed to May 24."
    )
    g = guess_published(body)
    assert g is not None and g.precision is not None
    assert g.precision.value == "year"


def test_today_and_a_weekday_do_not_confirm_each_other() -> None:
    # "today" lands on whatever day is tried, so it cannot confirm "Sunday"
    body = "He won in December 2022. Today, on Sunday, he ran again, as he did last year."
    g = guess_published(body)
    assert g is not None
    assert "'today'" not in g.note and "'Sunday'" not in g.note
    assert g.precision is not None and g.precision.value != "day"


def test_relative_year_that_lands_on_a_named_date_supports_it() -> None:
    body = (
        "The squad was trained late last year. The training, in late November 2019, was "
        "the first abroad."
    )
    g = guess_published(body)
    assert g is not None
    assert g.day.year == 2020  # "late last year" is 2019 only when written in 2020
    assert "'late last year' = 2019" in g.note


def test_a_baseline_year_only_bounds_from_below() -> None:
    g = guess_published("It was the deadliest fire since 1918, firefighters said on Tuesday.")
    assert g is not None and g.day is None
    assert (g.earliest, g.latest) == (date(1918, 1, 1), None)
    assert g.note.startswith("no date: the text only bounds it (1918-01-01 – …)")
    # a later date told as past does give a day
    g = guess_published("The fire of May 3, 2023 was the deadliest since 1918, officials said.")
    assert g is not None and g.day == date(2023, 5, 3)


def test_no_dated_expression_gives_no_guess() -> None:
    assert guess_published("A quake struck on Sunday, officials said.") is None


def _finding(severity: Severity, start: int, end: int) -> Finding:
    claim = Claim(
        article="a",
        quote="The repairs began last fall.",
        start=0,
        end=28,
        line=1,
        value="2020-FA",
        detail={"highlight_start": start, "highlight_end": end},
    )
    other = claim.model_copy(update={"article": "b", "value": "2019-SP"})
    return Finding(
        id="F001",
        rule="T101",
        rule_name="event-date-differs",
        kind="time",
        verdict=Verdict.CONFLICT,
        severity=severity,
        subject="repairs: start",
        explanation="fall 2020 vs spring 2019",
        confidence=0.9,
        claims=[claim, other],
    )


def _article(aid: str, inferred: bool) -> Article:
    return Article(
        id=aid,
        path=f"{aid}.txt",
        text="The repairs began last fall.",
        title=aid,
        published=date(2021, 3, 3),
        published_inferred=inferred,
        published_earliest=date(2021, 3, 3) if inferred else None,
    )


def _facts(aid: str) -> ArticleFacts:
    t = Timex(start=18, end=27, text="last fall", type="DATE", value="2020-FA", anchor="dct")
    return ArticleFacts(article=aid, timexes=[t])


def test_conflict_resting_on_an_inferred_date_says_so_and_weighs_less() -> None:
    arts = {"a": _article("a", True), "b": _article("b", False)}
    facts = {"a": _facts("a"), "b": ArticleFacts(article="b")}
    (f,) = mark_inferred_dates([_finding(Severity.HIGH, 18, 27)], arts, facts)
    assert f.severity == Severity.MEDIUM
    assert "depends on an inferred publication date" in f.explanation
    assert "a dated 2021-03-03 by inference (could be 2021-03-03 – …)" in f.explanation


def test_conflict_on_explicit_words_or_a_given_date_is_left_alone() -> None:
    arts = {"a": _article("a", True), "b": _article("b", False)}
    facts = {"a": _facts("a"), "b": ArticleFacts(article="b")}
    # the compared words (0-11) are not the expression resolved from the date
    (f,) = mark_inferred_dates([_finding(Severity.HIGH, 0, 11)], arts, facts)
    assert f.severity == Severity.HIGH and "inferred" not in f.explanation
    arts["a"] = _article("a", False)
    (g,) = mark_inferred_dates([_finding(Severity.HIGH, 18, 27)], arts, facts)
    assert g.severity == Severity.HIGH


def _art(tmp_path, name: str, body: str, published: str | None = None) -> Article:
    from checker.ingest.reader import load_article

    front = f"---\ntitle: {name}\npublished: {published}\n---\n" if published else ""
    path = tmp_path / f"{name}.txt"
    path.write_text(front + body, encoding="utf-8")
    return load_article(path)


def test_an_undated_article_takes_the_earliest_date_its_folder_states(tmp_path) -> None:
    from checker.ingest.siblings import date_from_siblings

    arts = [
        _art(tmp_path, "a", "Floods\n\nThe river burst its banks on Sunday.", "2023-05-18"),
        _art(tmp_path, "b", "Floods\n\nThe river flooded the town on Sunday.", "2023-05-16"),
        _art(tmp_path, "c", "Floods\n\nThe town was flooded on Sunday, the mayor said."),
        # its text says it was written after the folder's dates: no sibling date fits
        _art(tmp_path, "d", "Floods\n\nThe clean-up began on June 2, 2023, officials said."),
    ]
    dated = {a.id: a for a in date_from_siblings(arts)}
    assert dated["c"].published == date(2023, 5, 16) and dated["c"].published_inferred
    assert "inferred from the folder" in dated["c"].published_note
    assert "(b; they span 2023-05-16 – 2023-05-18)" in dated["c"].published_note
    assert dated["d"].published == date(2023, 6, 2)  # its own guess stands
    assert dated["a"] == arts[0] and dated["b"] == arts[1]


def test_guesses_are_not_passed_on_and_other_folders_do_not_count(tmp_path) -> None:
    from checker.ingest.siblings import date_from_siblings

    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    arts = [
        _art(tmp_path / "x", "a", "Vote\n\nPolls closed on March 3, 2024, officials said."),
        _art(tmp_path / "x", "b", "Vote\n\nPolls closed on Sunday."),
        _art(tmp_path / "y", "c", "Vote\n\nResults came on Monday.", "2024-03-04"),
    ]
    dated = {a.id: a for a in date_from_siblings(arts)}
    assert dated["a"].published_inferred  # a guess from its own text ...
    assert dated["b"].published is None  # ... is not passed on, and y/ is another story


def test_a_month_floor_gives_way_to_the_folder_a_pinned_day_does_not(tmp_path) -> None:
    from checker.ingest.siblings import date_from_siblings

    arts = [
        _art(tmp_path, "a", "Strike\n\nThe strike began on Monday.", "2021-03-17"),
        _art(tmp_path, "b", "Strike\n\nTalks failed in March 2021, and the strike began."),
        _art(tmp_path, "c", "Strike\n\nThe strike began on March 15, 2021, the union said."),
    ]
    assert arts[1].published == date(2021, 3, 1) and arts[1].published_precision == "month"
    dated = {a.id: a for a in date_from_siblings(arts)}
    assert dated["b"].published == date(2021, 3, 17)
    assert "the text alone: inferred from the text" in dated["b"].published_note
    assert dated["c"].published == date(2021, 3, 15)  # its own day stands
