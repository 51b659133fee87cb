"""The still button under an observation with a time stamp: like /pause, it is for the
group's members (an onlooker in a large supergroup spent the group's media allowance with
it), and an old one in a forum topic, whose message Telegram no longer shows the bot, still
finds its group through the cycle it names (it looked for a group outside the topics)."""
from __future__ import annotations

import json
from typing import Any

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.engine.dispatch import timer_fired
from bot.engine.flood import MediaAllowance
from bot.engine.jobs import queue_key
from bot.engine.services import services_of
from storage import timers
from storage.timers import StoredTimer
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, clip_watched, to_the_talk
from tests.handlers.updates import (
    ANNA,
    BRAM,
    CATO,
    GROUP,
    Person,
    button,
    command,
    message,
    video,
)

ELSEWHERE = -1009900000002


async def _cycle_id(bot: InProcessBot) -> int:
    row = await bot.db_one("SELECT id FROM cycles")
    assert row is not None
    return int(row[0])


async def _press_old(bot: InProcessBot, person: Person, data: str) -> dict[str, Any] | None:
    """A press on a message too old for Telegram to show the bot (an inaccessible message:
    only its chat and id, and date 0)."""
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("🖼 0:02", callback_data=data)]])
    sent = await bot.app.bot.send_message(GROUP, "Knop", reply_markup=markup)
    query_id = await bot.tg.click(person.user_id, sent.to_dict(), data)
    old = {"chat": {"id": GROUP, "type": "supergroup", "title": "Intervisie 3B"},
           "message_id": sent.message_id, "date": 0}
    await bot.handle(button(bot.app.bot, person, old, data, query_id))
    return await bot.tg.callback_answer(query_id)


async def test_only_a_member_gets_a_still_with_the_button(bot: InProcessBot) -> None:
    await to_the_talk(bot)  # Bram and Cato joined; Anna is the chat's admin only
    data = f"still:{await _cycle_id(bot)}:2"
    refused = await bot.press(ANNA, data)
    assert refused is not None and "nog geen lid" in (refused.get("text") or ""), refused
    taken = await bot.press(BRAM, data)
    assert taken is not None and not taken.get("text"), taken


async def test_an_old_still_button_in_a_forum_topic_finds_its_group(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE groups SET thread_id = 7")  # the group lives in a topic
    answer = await _press_old(bot, BRAM, f"still:{await _cycle_id(bot)}:2")
    assert answer is not None and not answer.get("text"), answer


async def test_nothing_of_the_clip_is_shown_before_the_inbrenger_confirmed_consent(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.handle(video(bot.app.bot, BRAM, QUESTION))  # no consent pressed yet
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/pause 0:01"))
    [answer] = await bot.said(since=since)
    assert "nog niet bevestigd" in answer, answer
    assert not any(m["message"].get("photo") for m in await bot.tg.bot_messages(GROUP))


async def test_a_still_button_of_the_groups_earlier_cycle_is_stale(bot: InProcessBot) -> None:
    """It would show a moment of the new clip at the old clip's time stamp."""
    await announced(bot, earlier_commitment="Ik wacht drie tellen na een vraag.")
    await clip_watched(bot)
    row = await bot.db_one("SELECT MIN(id) FROM cycles")
    assert row is not None
    answer = await bot.press(BRAM, f"still:{row[0]}:2")
    assert answer is not None and "eerdere stap" in (answer.get("text") or ""), answer


async def test_pause_is_for_the_groups_members(bot: InProcessBot) -> None:
    await to_the_talk(bot)  # Anna is the chat's admin only
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, ANNA, "/pause 0:02"))
    [said] = await bot.said(since=since)
    assert "nog geen lid" in said, said


async def test_a_still_button_copied_into_another_chat_is_not_the_groups(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    await bot.tg.add_group(ELSEWHERE, "Andere groep", supergroup=True, admins=[ANNA.user_id])
    await bot.tg.add_member(ELSEWHERE, BRAM.user_id)
    answer = await bot.press(BRAM, f"still:{await _cycle_id(bot)}:2", chat_id=ELSEWHERE)
    assert answer is not None and "eerdere stap" in (answer.get("text") or ""), answer


@pytest.mark.bot_env(INTERVISION_GROUP_MESSAGES_PER_MINUTE="1000")  # the group's 20 a minute
async def test_a_member_gets_a_few_stills_in_a_row_and_the_next_one_waits_its_turn(
        bot: InProcessBot) -> None:
    """Stills cost ffmpeg time: a few at once (comparing moments), then one every ten seconds
    or so (bot/engine/flood.py). The one too many waits its turn and comes then, said so at
    once (review ux13: it was refused, and the member had to ask again); a third while one
    waits is refused, with when to ask again."""
    await to_the_talk(bot)
    for moment in ("0:01", "0:02", "0:03"):
        since = await bot.tg.mark()
        await bot.handle(command(bot.app.bot, CATO, f"/pause {moment}"))
        [answer] = await bot.said(since=since)  # the test's clip is no video: "could not ..."
        assert "Even geduld" not in answer, (moment, answer)
    since = await bot.tg.mark()
    paused = command(bot.app.bot, CATO, "/pause 0:04")
    await bot.handle(paused)
    [answer] = await bot.said(since=since)
    assert answer == "⏳ Even geduld: dit beeld of fragment stuur ik over 10 seconden.", answer
    [timer] = [t for t in await _pending(bot) if t.name == f"media:{CATO.user_id}"]
    assert timer.payload["seconds"] == 4.0
    _unscheduled(bot, timer)  # fired below, not ten seconds from now by the JobQueue
    since = await bot.tg.mark()
    await bot.handle(command(bot.app.bot, CATO, "/replay 0:01-0:03"))
    [answer] = await bot.said(since=since)
    assert "Even geduld: over 10 seconden kun je" in answer, answer
    # Nor does a newer one overtake the waiting one once the allowance has room again
    # (review ux23: a still asked after a waiting fragment came first).
    services_of(bot.app).media_allowance = MediaAllowance()
    pressed = await bot.press(CATO, f"still:{await _cycle_id(bot)}:5")
    assert pressed is not None and "over 10 seconden kun je" in (pressed.get("text") or ""), \
        pressed

    await timer_fired(bot.app, timer, late=False)
    # The still of 0:04 is made now, in reply to the /pause 0:04 that waited (the test's
    # clip is no video, so what the member then sees is "could not", as for the first three).
    stills = [json.loads(payload) for (payload,) in await bot.db_all(
        "SELECT payload FROM outbox WHERE payload LIKE '%ClipMedia%' ORDER BY id")]
    assert [(m["what"], m["start"]) for m in stills][-1] == ("still", 4.0), stills
    assert paused.message is not None and stills[-1]["reply_to"] == paused.message.message_id
    assert not [t for t in await _pending(bot) if t.name.startswith("media:")]


async def test_a_waiting_still_of_a_cycle_stopped_since_is_not_sent(bot: InProcessBot) -> None:
    await to_the_talk(bot)
    for moment in ("0:01", "0:02", "0:03", "0:04"):
        await bot.handle(command(bot.app.bot, CATO, f"/pause {moment}"))
    [timer] = [t for t in await _pending(bot) if t.name.startswith("media:")]
    _unscheduled(bot, timer)
    async with services_of(bot.app).db.transaction() as tx:
        await tx.execute("UPDATE cycles SET phase = 'cancelled'")
    since = await bot.tg.mark()
    await timer_fired(bot.app, timer, late=False)
    assert await bot.tg.bot_messages(GROUP, since=since) == []


def _unscheduled(bot: InProcessBot, timer: StoredTimer) -> None:
    assert bot.app.job_queue is not None
    for job in bot.app.job_queue.get_jobs_by_name(queue_key(timer.group_id, timer.name)):
        job.schedule_removal()


async def _pending(bot: InProcessBot) -> list[StoredTimer]:
    async with services_of(bot.app).db.reading() as tx:
        return await timers.pending(tx)


async def test_a_moment_is_offered_as_a_still_once_in_a_phase(bot: InProcessBot) -> None:
    """UX review 10: "Je noemt 0:09 in de clip. Met de knop ziet iedereen dat moment." twice
    within a minute, for two observations of the same moment."""
    await to_the_talk(bot)
    since = await bot.tg.mark()
    for words in ("Op 0:09 staat de jongen achterin op.", "Op 0:09 kijkt het meisje ook weg.",
                  "Op 0:20 gaan ze zitten."):
        await bot.handle(message(bot.app.bot, CATO, words))
    offers = [s for s in await bot.said(GROUP, since=since) if s.startswith("Je noemt")]
    assert offers == ["Je noemt 0:09 in de clip. Met de knop ziet iedereen dat moment.",
                      "Je noemt 0:20 in de clip. Met de knop ziet iedereen dat moment."], offers


async def test_an_impossible_moment_is_named_not_answered_as_no_moment(bot: InProcessBot) -> None:
    """Review ux13: "/pause 9:99" heard the same as "/pause" without a time ("Geef een
    tijdstip"); /replay with one heard how to write a fragment."""
    await to_the_talk(bot)
    answers = []
    for typed in ("/pause 9:99", "/pause", "/replay 0:10-0:75"):
        since = await bot.tg.mark()
        await bot.handle(command(bot.app.bot, CATO, typed))
        answers += await bot.said(since=since)
    assert answers[0] == "9:99 is geen tijd: seconden gaan tot 59.", answers
    assert answers[1].startswith("Geef een tijdstip"), answers
    assert answers[2] == "0:75 is geen tijd: seconden gaan tot 59.", answers
