"""Story grouping on invented articles: two similar events are two stories, one event told by
several outlets in their own words is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.align.story import group_stories
from checker.models.facts import ArticleFacts
from checker.report.text import render_text
from checker.run import check

# Two earthquakes, years and countries apart, each told by three outlets.
QUAKES = {
    "van_wire": (
        "2011-10-23",
        "Strong earthquake hits eastern Turkey\n\nA magnitude 7.2 earthquake struck the "
        "province of Van in eastern Turkey on Sunday, October 23, 2011, toppling buildings in "
        "the city of Van and the town of Ercis. Interior Minister Idris Naim Sahin said "
        "rescuers were searching the rubble. Prime Minister Recep Tayyip Erdogan flew to Van.",
    ),
    "van_daily": (
        "2011-10-24",
        "Hundreds dead in Van quake\n\nRescue teams pulled survivors from collapsed "
        "apartment blocks in Ercis after the 2011 Van earthquake, the Turkish Red Crescent "
        "said. Erdogan visited the province of Van, where tents were set up for families. "
        "The Kandilli observatory in Istanbul recorded dozens of aftershocks.",
    ),
    "van_post": (
        "2011-10-25",
        "Turkey mourns after Van earthquake\n\nThe death toll from the earthquake in Van, "
        "Turkey rose again on Tuesday as cranes lifted concrete slabs in Ercis. Sahin said "
        "more than 2,000 buildings were damaged. The Turkish Red Crescent sent blankets to "
        "the survivors of the October 2011 quake.",
    ),
    "amatrice_wire": (
        "2016-08-24",
        "Deadly earthquake strikes central Italy\n\nA magnitude 6.2 earthquake hit central "
        "Italy on August 24, 2016, flattening much of Amatrice and Accumoli. Mayor Sergio "
        "Pirozzi said half of Amatrice was gone. Prime Minister Matteo Renzi promised help "
        "to the region of Lazio.",
    ),
    "amatrice_daily": (
        "2016-08-25",
        "Rescuers dig through rubble in Amatrice\n\nFirefighters and volunteers searched "
        "collapsed houses in Amatrice and Pescara del Tronto after the August 2016 "
        "earthquake, the Italian civil protection agency said. Renzi visited Amatrice, "
        "where the hotel Roma had collapsed.",
    ),
    "amatrice_post": (
        "2016-08-26",
        "Italy counts the dead after Amatrice quake\n\nThe toll of the earthquake in "
        "central Italy rose on Friday. Pirozzi said the old town of Amatrice had to be "
        "rebuilt. The civil protection agency set up tents in Accumoli and Amatrice for "
        "families left homeless by the 2016 quake.",
    ),
}

# One dam failure, five outlets, five wordings.
DAM = {
    "dam_agency": (
        "2024-03-11",
        "Dam bursts above Velmora\n\nThe Kessel dam above the town of Velmora burst on "
        "Monday, flooding the lower town, the regional water authority said. Mayor Ilse "
        "Brandvold ordered the evacuation of 3,000 residents.",
    ),
    "dam_radio": (
        "2024-03-11",
        "Flood wave hits Velmora\n\nWater poured through the breached Kessel dam on "
        "Monday and swept through Velmora's streets. Brandvold told listeners to move to "
        "higher ground while the water authority opened the spillways upstream.",
    ),
    "dam_paper": (
        "2024-03-12",
        "Velmora residents return to flooded homes\n\nA day after the Kessel dam gave way, "
        "families in Velmora waded back to ruined houses. The mayor, Ilse Brandvold, said "
        "the town would need months to recover.",
    ),
    "dam_blog": (
        "2024-03-12",
        "Questions over Kessel dam inspections\n\nEngineers asked why cracks reported in "
        "the Kessel dam last year were not repaired before it failed above Velmora. The "
        "water authority said an inquiry would start this week.",
    ),
    "dam_weekly": (
        "2024-03-15",
        "After the flood\n\nThe failure of the Kessel dam left Velmora without drinking "
        "water for four days. Brandvold thanked the volunteers; the regional water "
        "authority promised compensation to the evacuated residents.",
    ),
}


def _write(folder: Path, articles: dict[str, tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, body) in articles.items():
        (folder / f"{name}.txt").write_text(
            f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8"
        )


@pytest.fixture(scope="module")
def quakes(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("quakes")
    _write(folder, QUAKES)
    return check([folder])


def test_two_quakes_years_and_countries_apart_are_two_stories(quakes) -> None:
    stories = sorted(sorted(s.articles) for s in quakes.report.stories)
    assert stories == [
        ["amatrice_daily", "amatrice_post", "amatrice_wire"],
        ["van_daily", "van_post", "van_wire"],
    ]


def test_a_split_says_which_features_decided(quakes) -> None:
    for story in quakes.report.stories:
        assert story.why.startswith("similarity ")
        assert "under the threshold" in story.why
    why = {s.articles[0].split("_")[0]: s.why for s in quakes.report.stories}
    # What each story's articles state and the other's do not: its place and its year.
    assert "amatrice" in why["amatrice"] and "2016" in why["amatrice"]
    assert "ercis" in why["van"] and "2011" in why["van"]
    assert "kept apart: similarity" in render_text(quakes.report)


def test_one_story_told_by_five_outlets_is_one_story(tmp_path: Path) -> None:
    _write(tmp_path, DAM)
    result = check([tmp_path])
    assert [sorted(s.articles) for s in result.report.stories] == [sorted(DAM)]
    assert result.report.stories[0].why == ""


def _facts(name: str, names: list[str], keywords: list[str]) -> ArticleFacts:
    return ArticleFacts(article=name, names=names, keywords=keywords)


def test_a_pair_joins_the_story_it_shares_names_with() -> None:
    # Two articles of a folder of six lean towards their own official; too few to stand apart
    # while they share the story's names (a story of its own needs MIN_STORY articles).
    core = ["ferry", "harbour", "fire", "passenger", "captain"]
    facts = [
        _facts(f"main{i}", ["morska zora", "split", f"witness{i}"], [*core, f"detail{i}"])
        for i in range(4)
    ] + [
        _facts(f"side{i}", ["morska zora", "coast guard chief", "ana kovac"], ["inquiry", "ferry"])
        for i in range(2)
    ]
    assert len(group_stories(facts, threshold=0.5)) == 1


def test_a_pair_sharing_next_to_nothing_stands_apart() -> None:
    facts = [
        _facts(f"ferry{i}", ["morska zora", "split"], ["ferry", "fire", "passenger"])
        for i in range(3)
    ] + [_facts(f"phone{i}", ["maria lopez"], ["phone", "launch", "camera"]) for i in range(2)]
    stories = group_stories(facts)
    assert [len(s.articles) for s in stories] == [3, 2]
    assert "next to nothing shared" in stories[1].why


def test_same_weeks_keep_two_groups_together() -> None:
    from datetime import date

    # Two groups of three that lean on different names: apart without dates, one story when
    # they were published in the same weeks (they still share the story's names).
    shared = ["storm", "festival", "stage", "wind"]
    facts = [
        _facts(f"a{i}", ["lindenklang", "berlin", "police"], [*shared, "tent"]) for i in range(3)
    ] + [
        _facts(f"b{i}", ["lindenklang", "dwd", "meteorologist"], [*shared, "forecast"])
        for i in range(3)
    ]
    assert len(group_stories(facts, threshold=0.6)) == 2
    days = {f.article: date(2024, 6, 1 + k) for k, f in enumerate(facts)}
    assert len(group_stories(facts, threshold=0.6, published=days)) == 1
