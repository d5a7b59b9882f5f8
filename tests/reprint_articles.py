"""Articles with reprints, generated in code (never copied from the web): one wire story
under three outlets and addresses with small edits (another headline, a word changed,
the outlet's own last line), the same article at a second address with tracking
parameters and one word changed, and four distinct stories. Written as the collector
writes them: JSON Lines records with url, source, title, text, published."""

from __future__ import annotations

import json
from pathlib import Path

WIRE = (
    "Moscow, 13 February 2024. Russian Foreign Minister Sergey Lavrov said on Tuesday that "
    "Russia is ready to help Syria rebuild its economy and to support the dialogue between "
    'Damascus and Ankara. "We will continue to work with our Syrian friends on the '
    'humanitarian situation and on the return of refugees," Lavrov told reporters after '
    "talks with his Syrian counterpart in Moscow. He said the two ministers had discussed "
    "the situation in the north of the country, the supply of grain and fuel, and the "
    "work of the Astana format together with Iran and Turkey. Lavrov added that sanctions "
    "imposed by Western countries were hurting ordinary Syrians and called for them to "
    "be lifted. The Syrian minister thanked Russia for its support and invited Lavrov to "
    "visit Damascus later this year."
)
STORIES = {
    "gaza": (
        "Moscow, 2 March 2024. Sergey Lavrov said that a ceasefire in Gaza must come first "
        'and that humanitarian aid has to reach civilians without delay. "There is no '
        'military solution to the Palestinian question," the Russian foreign minister '
        "said at a press conference with the Arab League secretary general. He called for "
        "an international conference on the Middle East settlement and said Moscow was in "
        "contact with all the Palestinian factions."
    ),
    "iran": (
        "Tehran, 20 March 2024. Lavrov said Russia opposes any attempt to revise the nuclear "
        "deal with Iran unilaterally. Speaking after talks with the Iranian foreign minister, "
        "he said that the agreement remained the only basis for a solution and that Moscow "
        "and Tehran would coordinate their positions at the IAEA board. The ministers also "
        "discussed the North-South transport corridor and trade in national currencies."
    ),
    "libya": (
        "Cairo, 5 April 2024. The Russian foreign minister Sergey Lavrov stated that Libya "
        "needs national elections agreed by all of its political forces. He said foreign "
        "interference had prolonged the crisis and that Russia supported the mediation of "
        "the United Nations. Lavrov met Egyptian officials to discuss the situation in "
        "Libya and in Sudan, as well as grain supplies to Egypt."
    ),
    "yemen": (
        "Riyadh, 9 May 2024. Lavrov said that the war in Yemen can only end through talks "
        "between the Yemeni parties and that shipping in the Red Sea must be protected by "
        "diplomacy rather than by air strikes. He spoke after meeting the Saudi foreign "
        "minister, with whom he also discussed oil prices and the BRICS summit in Kazan."
    ),
}


def wire_records() -> list[dict]:
    """The wire story under three outlets, and its first version at a second address."""
    rt = WIRE.replace("on Tuesday", "on February 13").replace("ordinary Syrians", "Syrians")
    sputnik = WIRE.replace("Russia is ready", "Moscow is ready") + " Follow Sputnik for more."
    updated = WIRE.replace("later this year", "this year")
    return [
        _record("https://tass.com/politics/1001", "TASS", "Lavrov: Russia ready to help Syria", WIRE),
        _record("https://www.rt.com/news/syria-lavrov/", "RT", "Lavrov pledges help to Syria", rt),
        _record("https://sputnikglobe.com/20240213/lavrov.html", "Sputnik", "Lavrov on Syria", sputnik),
        _record(
            "https://TASS.com/politics/1001/?utm_source=rss&utm_medium=feed#top",
            "TASS",
            "Lavrov: Russia ready to help Syria",
            updated,
        ),
    ]  # fmt: skip


def story_records() -> list[dict]:
    """Four distinct stories, each from one outlet."""
    return [
        _record(f"https://www.example-news.org/{key}", outlet, f"Lavrov on {key}", text)
        for (key, text), outlet in zip(STORIES.items(), ("Al Mayadeen", "IRNA", "Ahram", "Asharq Al-Awsat"), strict=True)
    ]  # fmt: skip


def _record(url: str, source: str, title: str, text: str) -> dict:
    published = text.split(". ", 1)[0].split(", ", 1)[1]
    return {"url": url, "source": source, "title": title, "text": text, "published": published}


def write_collection(folder: Path, one_file_each: bool = False) -> Path:
    """The records as JSON Lines in `folder`: one file, or one file per record (so that
    the build streams them). The folder."""
    folder.mkdir(parents=True, exist_ok=True)
    records = wire_records() + story_records()
    if one_file_each:
        for i, record in enumerate(records):
            (folder / f"{i:02d}.jsonl").write_text(json.dumps(record) + "\n", "utf-8")
    else:
        lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        (folder / "collection.jsonl").write_text(lines, "utf-8")
    return folder
