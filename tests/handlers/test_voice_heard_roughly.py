"""Voice notes read by a back-end whose words may not be quoted (pocketsphinx: the key words
right, the small ones wrong). Review ux13: garbled words were quoted under the member's name
in the look back and the summaries, and a garbled commitment was proposed and kept. Now such
a note is classified and nudged like any transcript, but shown by its length as an unread
note is, and a spoken commitment is asked to be typed."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from bot.engine import voice_notes
from bot.engine.services import services_of
from bot.media.transcribe import Transcript
from storage import cycles, groups
from tests.handlers.in_process import InProcessBot, voice_note_sent
from tests.handlers.talk import into_will, latest, to_the_talk
from tests.handlers.updates import BRAM, CATO, GROUP, Person, command
from tests.waiting import eventually

HEARD_TIP = "you shall give them more time to think"  # "You should give them ..."
HEARD_SEEN = "that's when it's windy the pupils are many clients and look at you"
HEARD_COMMITMENT = "i will count to five after every question so that's more pupils can the"


@pytest.fixture
def heard_roughly(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A stand-in pocketsphinx: hears the next of the words the test lists."""
    words: list[str] = []

    async def hears(path: object, language: str, time_limit: float) -> Transcript:
        return Transcript(words.pop(0), language, "pocketsphinx", 3.0)

    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "pocketsphinx")
    monkeypatch.setattr(voice_notes, "transcribe", hears)
    return words


async def _in_english(bot: InProcessBot) -> None:
    """pocketsphinx reads English only."""
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        await groups.save_settings(tx, group.id, replace(group.settings, language="en"))


async def _read_note(bot: InProcessBot, person: Person, tmp_path: Path) -> dict[str, Any]:
    """`person`'s 3-second voice note, handled and read; the message."""
    sent = await voice_note_sent(bot, person, tmp_path)

    async def read() -> tuple[Any, ...] | None:
        row = await bot.db_one("SELECT label, text FROM contributions WHERE message_id = ?",
                               sent["message_id"])
        return row if row and row[0] != "voice" else None

    await eventually(read, what="the voice note read")
    return sent


async def test_a_roughly_heard_note_is_nudged_and_counted_but_never_quoted(
        bot: InProcessBot, heard_roughly: list[str], tmp_path: Path) -> None:
    await to_the_talk(bot)
    await _in_english(bot)
    heard_roughly += [HEARD_TIP, HEARD_SEEN]
    since = await bot.tg.mark()
    tip = await _read_note(bot, CATO, tmp_path)
    # Classified as the tip it is, and nudged (in the group: Cato has no private chat here).
    nudge = await eventually(lambda: bot.said(since=since), what="the nudge")
    assert "About your voice note" in nudge[0] and "tip" in nudge[0]
    seen = await _read_note(bot, CATO, tmp_path)
    for sent, label in ((tip, "tip"), (seen, "observation")):
        assert await bot.db_one("SELECT label, text FROM contributions WHERE message_id = ?",
                                sent["message_id"]) == (label, "")
    await into_will(bot)
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        cycle = await cycles.open_cycle(tx, group.id)
        assert cycle is not None
        await cycles.save(tx, cycle, replace(cycle, commitment="I will wait five seconds."),
                          event="confirm", actor_id=None, now=services_of(bot.app).now())
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, BRAM, "/next"))
    choice = await latest(bot, "look", since)
    options = [b["text"] for row in choice["reply_markup"]["inline_keyboard"] for b in row]
    assert "Cato: 🎙 voice note (0:03)" in options, options
    assert not any("windy" in option or "clients" in option for option in options), options


async def test_a_roughly_heard_commitment_is_asked_to_be_typed_not_proposed(
        bot: InProcessBot, heard_roughly: list[str], tmp_path: Path) -> None:
    await to_the_talk(bot)
    await _in_english(bot)
    await into_will(bot)
    heard_roughly.append(HEARD_COMMITMENT)
    since = await bot.tg.mark()
    await _read_note(bot, BRAM, tmp_path)
    said = await bot.said(since=since)
    assert any("Would you type what you will try?" in words for words in said), said
    assert not any("Shall I note this" in words or "count to five" in words for words in said)
    assert await bot.db_one("SELECT json_extract(data, '$.proposed_commitment') FROM cycles "
                            "ORDER BY id DESC LIMIT 1") == (None,)
