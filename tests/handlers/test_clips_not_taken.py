"""Videos that are not the cycle's clip, and a learning question changed too late: where the
sender plausibly meant it as the clip (or the question), one friendly line says why it is not
taken (it used to be silence, though the intake said the question could be edited); a peer's
video in the talk stays just shared (tests/handlers/test_media_in_the_group.py)."""
from __future__ import annotations

from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import (
    QUESTION,
    announced,
    clip_shown,
    press_on,
    stage,
    to_the_talk,
)
from tests.handlers.updates import BRAM, CATO, GROUP, message, video

SHARPER = "Hoe geef ik leerlingen meer denktijd nadat ik een vraag stel?"
FIXED = "Je leervraag blijft zoals hij was"


async def _clip_message_id(bot: InProcessBot) -> int:
    row = await bot.db_one("SELECT json_extract(data, '$.clip.message_id') FROM cycles")
    assert row is not None and row[0]
    return int(row[0])


async def _question(bot: InProcessBot) -> str:
    row = await bot.db_one("SELECT learning_question FROM cycles")
    assert row is not None
    return str(row[0])


async def test_an_edited_caption_in_the_talk_is_answered_and_changes_nothing(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    clip = await _clip_message_id(bot)
    said = await bot.answers(message(bot.app.bot, BRAM, SHARPER, edited=True, message_id=clip))
    assert any(FIXED in s and "gesprek" in s for s in said), said
    assert await _question(bot) == QUESTION
    # Edited again (a typo): answered once a while, not at every edit.
    again = await bot.answers(message(bot.app.bot, BRAM, SHARPER + " ", edited=True,
                                      message_id=clip))
    assert again == [] and await _question(bot) == QUESTION


async def test_a_reply_to_the_clip_with_a_new_question_is_answered_and_changes_nothing(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    clip = await _clip_message_id(bot)
    said = await bot.answers(message(bot.app.bot, BRAM, SHARPER, reply_to={
        "message_id": clip, "date": 0, "chat": {"id": GROUP, "type": "supergroup"}}))
    assert any(FIXED in s for s in said), said
    assert await _question(bot) == QUESTION
    # a plain remark in reply to the clip is talk, and gets no such answer
    said = await bot.answers(message(bot.app.bot, BRAM, "Kijk vooral naar het begin.",
                                     reply_to={"message_id": clip, "date": 0,
                                               "chat": {"id": GROUP, "type": "supergroup"}}))
    assert not any(FIXED in s for s in said), said


async def test_a_better_take_while_the_group_watches_is_answered_and_not_taken(
        bot: InProcessBot) -> None:
    await announced(bot)
    await clip_shown(bot)
    assert (await stage(bot))[0] == "watching"
    clip = await _clip_message_id(bot)
    said = await bot.answers(video(bot.app.bot, BRAM, SHARPER))
    assert any("Je clip en je leervraag blijven zoals ze zijn" in s for s in said), said
    assert await _clip_message_id(bot) == clip and await _question(bot) == QUESTION


async def test_a_second_clip_of_the_inbrenger_in_the_talk_is_answered_once_a_peers_not_at_all(
        bot: InProcessBot) -> None:
    await to_the_talk(bot)
    said = await bot.answers(video(bot.app.bot, BRAM, "Hier nog een stukje van later."))
    assert any("Je clip en je leervraag blijven" in s for s in said), said
    assert await bot.answers(video(bot.app.bot, BRAM, "En nog een.")) == []  # once a while
    assert await bot.answers(video(bot.app.bot, CATO, "Bij mij ging het zo.")) == []


async def test_a_members_clip_with_a_learning_question_while_the_clip_is_awaited(
        bot: InProcessBot) -> None:
    await announced(bot)
    said = await bot.answers(video(bot.app.bot, CATO, "Hoe kan ik mijn uitleg korter maken?"))
    assert said == [("Dit is niet de clip van deze cyclus: Bram brengt nu in. Jouw clip komt "
                     "aan bod als jij aan de beurt bent.")], said
    assert await bot.answers(video(bot.app.bot, CATO, "Hoe kan ik mijn uitleg korter maken?")) \
        == []  # not again within a few minutes
    row = await bot.db_one("SELECT json_extract(data, '$.clip') FROM cycles")
    assert row == (None,)


async def test_a_members_video_without_a_question_while_the_clip_is_awaited_is_shared(
        bot: InProcessBot) -> None:
    await announced(bot)
    assert await bot.answers(video(bot.app.bot, CATO, "Haha kijk deze")) == []


async def test_the_clip_of_who_just_passed_the_turn_on_is_answered(bot: InProcessBot) -> None:
    view = await announced(bot)
    await press_on(bot, BRAM, view, "swap")
    said = await bot.answers(video(bot.app.bot, BRAM))
    assert any("Dit is niet de clip van deze cyclus: Cato brengt nu in." in s for s in said), \
        said
