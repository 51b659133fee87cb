"""How the fake stores a text, as Telegram does: HTML parsed into plain text and entities in
UTF-16 units, surrounding whitespace trimmed, commands, mentions and links detected."""

from __future__ import annotations

from typing import Any

from fake_telegram.markup import detect_entities, format_text


def _spans(entities: list[dict[str, Any]]) -> list[tuple[str, int, int]]:
    return [(e["type"], e["offset"], e["length"]) for e in entities]


def test_offsets_count_utf16_units() -> None:
    text, entities = format_text("👍 <b>ja</b>", "HTML")
    assert text == "👍 ja" and _spans(entities) == [("bold", 3, 2)]


def test_an_empty_tag_makes_no_entity() -> None:
    assert format_text("a<b></b>b", "HTML") == ("ab", [])


def test_trimmed_whitespace_shortens_the_entities_in_it() -> None:
    text, entities = format_text("<b>  ja</b> nee ", "HTML")
    assert text == "ja nee" and _spans(entities) == [("bold", 0, 2)]


def test_entities_come_by_offset_the_longer_first() -> None:
    _, entities = format_text("<i><b>x</b>y</i>", "html")  # the mode's name in any case
    assert _spans(entities) == [("italic", 0, 2), ("bold", 0, 1)]


def test_links_to_users_and_expandable_quotes() -> None:
    _, entities = format_text('<a href="tg://user?id=42">Anna</a>', "HTML")
    assert entities == [{"type": "text_mention", "offset": 0, "length": 4, "user": {"id": 42}}]
    _, quoted = format_text("<blockquote expandable>lang</blockquote>", "HTML")
    assert _spans(quoted) == [("expandable_blockquote", 0, 4)]


def test_character_references() -> None:
    assert format_text("&#x41;&#66;&quot;&amp;", "HTML")[0] == 'AB"&'


def test_commands_and_mentions_are_found_where_telegram_finds_them() -> None:
    assert detect_entities("en/of") == []
    assert detect_entities("zie https://x.nl/pad") == [{"type": "url", "offset": 4, "length": 16}]
    assert _spans(detect_entities("/status@intervision_bot nu")) == [("bot_command", 0, 23)]
    assert detect_entities("@abc") == []
    assert _spans(detect_entities("@abcd")) == [("mention", 0, 5)]
