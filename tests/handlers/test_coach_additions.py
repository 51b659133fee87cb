"""What reaches a coach after the summary: a late look-back line, and the words of a voice
note that closed the look back before anyone had read it. In process, with the group, its
coach and Bram's cycle put in storage as the talk would have left them."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.engine import voice_notes
from bot.engine.sender import Sender
from bot.engine.services import services_of
from bot.media.transcribe import Transcript
from flows.cycle.model import VOICE, Cycle
from flows.effects import TranscribeVoice
from flows.model import Group, Phase, WillStep
from storage import contributions, cycles, groups, late_line_invitations, members
from tests.handlers.in_process import InProcessBot, coach_linked, forget_me, set_up, voice_note_sent
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, Person, message
from tests.waiting import eventually

COACH = Person(4001, "Carla")


@dataclass(frozen=True)
class Seeded:
    group: Group
    cycle: Cycle


async def _bram_in_the_look_back(bot: InProcessBot, phase: Phase = Phase.WILL) -> Seeded:
    """Bram (inbrenger) and Cato (peer) agreed; Carla coaches the group; Bram's first cycle
    is in its look back (Bram chose "none of these", Cato's line awaited), or closed."""
    await set_up(bot, BRAM, CATO)
    await coach_linked(bot, COACH)
    now = datetime.now(UTC)
    async with services_of(bot.app).db.transaction() as tx:
        group = await groups.find(tx, GROUP)
        assert group is not None
        for person in (BRAM, CATO):
            await members.agree(tx, group.id, person.user_id, now)
        cycle = await cycles.create(tx, Cycle(
            0, group.id, BRAM.user_id, 1, phase, now,
            step=WillStep.LOOKBACK.value if phase is Phase.WILL else "",
            learning_question="Hoe kan ik meer open vragen stellen?",
            commitment="Ik ga drie open vragen voorbereiden.", lookback_choice=0),
            actor_id=None, event="start", now=now)
    return Seeded(group, cycle)


async def _to_coach(bot: InProcessBot, since: int) -> list[str]:
    return await bot.said(COACH.user_id, since=since)


async def test_a_late_look_back_line_tells_the_coach_whose_cycle_it_adds_to(
        bot: InProcessBot) -> None:
    seeded = await _bram_in_the_look_back(bot, Phase.CLOSED)
    invitation = await bot.app.bot.send_message(GROUP, "De terugblik gemist?")
    async with services_of(bot.app).db.transaction() as tx:  # as the sender records it
        await late_line_invitations.record(tx, GROUP, invitation.message_id, seeded.cycle.id,
                                           datetime.now(UTC))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Vragen naar wat hij zelf zag.",
                             reply_to=invitation.to_dict()))
    added = await _to_coach(bot, since)
    assert len(added) == 1
    assert "Aanvulling op de samenvatting van cyclus 1 van Bram" in added[0]
    assert "Cato gebruikt deze zet weer" in added[0]
    assert "Intervisie 3B" in added[0]



HEARD = "i will ask more open question"  # as pocketsphinx wrote Chloe's line


async def test_a_spoken_line_that_closed_the_look_back_reaches_the_coach_once_read(
        bot: InProcessBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """The transcriber is a stand-in that hears HEARD in any note: what matters here is that
    the words come after the summaries went out."""
    async def hears(path: object, language: str, time_limit: float) -> Transcript:
        return Transcript(HEARD, "nl", "whisper", 3.0)

    monkeypatch.setenv("INTERVISION_TRANSCRIBER", "whisper")
    monkeypatch.setattr(voice_notes, "transcribe", hears)
    await _bram_in_the_look_back(bot)
    since = await bot.tg.mark()
    await voice_note_sent(bot, CATO, tmp_path)
    summary = next(m for m in await _to_coach(bot, since) if "Cyclus-samenvatting" in m)
    assert "Cato: 🎙 1 spraakbericht" in summary  # closed before anyone read it

    async def added() -> list[str]:
        return [m for m in await _to_coach(bot, since) if "Aanvulling" in m]

    addition = (await eventually(added, what="the coach's addition with Cato's words"))[0]
    assert "cyclus 1 van Bram" in addition
    assert "Cato gebruikt deze zet weer" in addition
    assert "🎙 I will ask more open question" in addition  # shown as spoken, capitalised


async def test_the_line_that_closes_the_look_back_leaves_the_talk_in_the_summary(
        bot: InProcessBot) -> None:
    """Cato's line is the last the look back waits for, so her message closes the cycle, and
    the summaries made then hold what was said in the talk before it."""
    seeded = await _bram_in_the_look_back(bot)
    async with services_of(bot.app).db.transaction() as tx:
        await contributions.add(tx, seeded.cycle.id, CATO.user_id, "options", 900_001,
                                OPTION, "open_question", datetime.now(UTC))
    since = await bot.tg.mark()
    await bot.handle(message(bot.app.bot, CATO, "Ik vraag vaker door."))
    assert await bot.db_one("SELECT phase FROM cycles") == ("closed",)
    said = await bot.said(GROUP, since=since) + await _to_coach(bot, since)
    assert any(OPTION in words for words in said), said


OPTION = "Wat zou er gebeuren als je eerst tien tellen wacht?"


async def _read_late(bot: InProcessBot, seeded: Seeded, speaker: Person, message_id: int,
                     words: str) -> list[str]:
    """The words of `speaker`'s voice note `message_id` come after the cycle closed; what
    the coach is sent because of them."""
    since = await bot.tg.mark()
    await voice_notes.take_words(bot.app, seeded.group.id, TranscribeVoice(
        seeded.cycle.id, message_id, f"voice-{message_id}", "nl", speaker.user_id), words, "nl")
    sender = services_of(bot.app).sender
    assert isinstance(sender, Sender)
    await sender.idle()
    return await _to_coach(bot, since)


async def test_words_of_a_voice_note_its_speaker_erased_never_reach_the_coach(
        bot: InProcessBot) -> None:
    """Cato's note was unread when the cycle closed, and she used /forget before its words
    came: the flow refuses them, and so must the coach's addition. Anna, who left the group
    meanwhile, still has hers added, by name."""
    seeded = await _bram_in_the_look_back(bot, Phase.CLOSED)
    now = datetime.now(UTC)
    async with services_of(bot.app).db.transaction() as tx:
        await members.join(tx, seeded.group.id, ANNA.user_id, ANNA.first_name, now)
        await members.agree(tx, seeded.group.id, ANNA.user_id, now)
        for speaker, message_id in ((CATO, 900_101), (ANNA, 900_102)):
            await contributions.add(tx, seeded.cycle.id, speaker.user_id, "options", message_id,
                                    "", VOICE, now, kind=VOICE, file_id=f"voice-{message_id}",
                                    duration=20)
        await members.leave(tx, seeded.group.id, ANNA.user_id, now)
    await bot.tg.start_private_chat(CATO.user_id)
    await forget_me(bot, CATO)
    assert await _read_late(bot, seeded, CATO, 900_101, "Vraag het Bram zelf") == []
    [added] = await _read_late(bot, seeded, ANNA, 900_102, "Vraag het Bram zelf")
    assert "Aanvulling op de samenvatting van cyclus 1 van Bram" in added
    assert "Anna" in added and "Vraag het Bram zelf" in added
