"""Clip intake as the inbrenger notices it in the group, in process: the filming tip in the
announcement, chat after the intake left alone, and a reply to the clip that changes the
learning question."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.engine.services import services_of
from fake_telegram.scenes import has_button
from tests.clips import make_clip
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced
from tests.handlers.updates import BRAM, GROUP, arrived, message, video

NEW_QUESTION = "Hoe kan ik de start van de les rustiger maken?"
FILMING_TIP = "Tip voor het filmen"


async def stored_question(bot: InProcessBot) -> Any:
    row = await bot.db_one("SELECT learning_question FROM cycles")
    return row[0] if row else None


async def test_the_filming_tip_comes_with_the_announcement_and_once(bot: InProcessBot) -> None:
    announcement = await announced(bot)
    assert FILMING_TIP in announcement["text"]
    assert sum(FILMING_TIP in words for words in await bot.said()) == 1
    straight = await bot.answers(video(bot.app.bot, BRAM, QUESTION))  # no "accept" first
    assert not any(FILMING_TIP in words for words in straight)
    assert await stored_question(bot) == QUESTION


async def test_chat_after_intake_is_chat_and_a_reply_to_the_clip_changes_the_question(
        bot: InProcessBot) -> None:
    await announced(bot)
    clip = video(bot.app.bot, BRAM, QUESTION)
    confirmed = await bot.answers(clip)
    assert any("of antwoord op je clip" in words for words in confirmed)
    assert await bot.answers(message(bot.app.bot, BRAM, "Ik heb er zin in, tot dinsdag!")) == []
    # A question about his own doing is offered once as a possible new learning question
    # (tests/handlers/test_new_question_offered.py), and changes nothing unless he presses.
    offered = await bot.answers(message(bot.app.bot, BRAM,
                                        "Hoe weet ik of ik het goed gefilmd heb?"))
    assert len(offered) == 1 and offered[0].startswith("Is dit je nieuwe leervraag?")
    assert await bot.answers(message(bot.app.bot, BRAM, "Hoe laat beginnen we dinsdag?")) == []
    assert await stored_question(bot) == QUESTION
    assert clip.message is not None
    changed = await bot.answers(message(bot.app.bot, BRAM, NEW_QUESTION,
                                      reply_to=clip.message.to_dict()))
    assert await stored_question(bot) == NEW_QUESTION
    assert any(NEW_QUESTION in words for words in changed)


async def test_chat_before_the_clip_is_answered_once(bot: InProcessBot) -> None:
    await announced(bot)
    answers = [await bot.answers(message(bot.app.bot, BRAM, words))
               for words in ("Ik film morgen.", "Haha ja", "Tot dinsdag!")]
    assert len(answers[0]) == 1 and "breng jij deze keer in?" in answers[0][0]  # not accepted
    assert answers[1:] == [[], []]


async def test_a_question_changed_before_the_consent_is_said_so_under_one_consent_question(
        bot: InProcessBot) -> None:
    """A clip captioned "Zie filmpje", a reply with a question, a second reply with a better
    one: the second is confirmed as changed, and one consent question stays live."""
    await announced(bot)
    clip = video(bot.app.bot, BRAM, "Zie filmpje")
    await bot.answers(clip)
    assert clip.message is not None
    for words in (QUESTION, NEW_QUESTION):
        said = await bot.answers(message(bot.app.bot, BRAM, words,
                                       reply_to=clip.message.to_dict()))
    assert said == [(f"Je leervraag is aangepast: {NEW_QUESTION}\n\nBevestig nog wel de "
                     "toestemming voor de clip, met de knop onder mijn vraag daarover.")]
    assert await stored_question(bot) == NEW_QUESTION
    asking = [v for v in await bot.tg.bot_messages(GROUP) if has_button("consent")(v)]
    assert len(asking) == 1


async def test_a_better_clip_before_the_watching_takes_the_first_ones_place(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.answers(video(bot.app.bot, BRAM, QUESTION))
    better = await bot.answers(video(bot.app.bot, BRAM, None, seconds=90))
    assert any("komt in de plaats van de vorige" in words for words in better)
    row = await bot.db_one("SELECT json_extract(data, '$.clip.duration'), learning_question "
                           "FROM cycles")
    assert row == (90, QUESTION)


async def test_a_better_take_is_checked_like_the_first_and_a_broken_one_changes_nothing(
        bot: InProcessBot) -> None:
    """A take without a length is downloaded and read first, as the first clip would be; this
    one cannot be read, so Bram hears why and the first clip stays (it used to be taken
    unchecked and fail only at the meeting)."""
    await announced(bot)
    await bot.answers(video(bot.app.bot, BRAM, QUESTION))
    broken = await bot.answers(video(bot.app.bot, BRAM, None, seconds=0))
    assert not any("komt in de plaats van de vorige" in words for words in broken)
    assert any("Ik kan deze video niet lezen" in words for words in broken), broken
    assert await bot.db_one("SELECT json_extract(data, '$.clip.duration') FROM cycles") == (60,)


async def test_a_passing_telegram_failure_while_checking_a_clip_is_not_blamed_on_the_file(
        bot: InProcessBot) -> None:
    """502s from Telegram for as long as the clip is fetched for its check say to send it
    again in a minute; it used to say the file seemed damaged, and Bram would re-export a
    good clip."""
    await announced(bot)
    await bot.tg.arm_error("getFile", times=3, error_code=502, description="Bad Gateway")
    answer = await bot.answers(video(bot.app.bot, BRAM, QUESTION, seconds=0))
    assert any("niet ophalen bij Telegram" in words for words in answer), answer
    assert not any("beschadigd" in words for words in answer)


async def test_a_clip_is_fetched_again_after_one_passing_telegram_failure(
        bot: InProcessBot, tmp_path: Path) -> None:
    """One 502 while the clip is fetched for its check is tried again while Bram waits: the
    clip is taken, and he is not asked to send the same clip again."""
    await announced(bot)
    clip = make_clip(tmp_path / "les.mp4", seconds=3)
    sent = await bot.tg.send_video(BRAM.user_id, GROUP, clip, caption=QUESTION,
                                   kind="document", mime_type="video/mp4")
    await bot.tg.arm_error("getFile", error_code=502, description="Bad Gateway")
    taken = await bot.answers(arrived(bot.app.bot, sent))
    assert any("De clip is binnen" in words for words in taken), taken
    assert not any("niet ophalen bij Telegram" in words for words in taken)


async def test_a_refused_fetch_is_asked_once_and_read_as_an_unreadable_file(
        bot: InProcessBot) -> None:
    """A 400 is Telegram's final word on the file: it is not asked again."""
    await announced(bot)
    before = await bot.tg.call_count("getFile")
    await bot.tg.arm_error("getFile", times=3, error_code=400, description="Bad Request: "
                           "invalid file_id")
    answer = await bot.answers(video(bot.app.bot, BRAM, QUESTION, seconds=0))
    assert any("Ik kan deze video niet lezen" in words for words in answer), answer
    assert await bot.tg.call_count("getFile") == before + 1


async def test_a_clip_is_taken_when_durations_are_timedeltas(
        bot: InProcessBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """PTB_TIMEDELTA=1 (python-telegram-bot's coming default) made every clip raise."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    await announced(bot)
    taken = await bot.answers(video(bot.app.bot, BRAM, QUESTION, seconds=75))
    assert any("De clip is binnen" in words for words in taken), taken
    assert await bot.db_one("SELECT json_extract(data, '$.clip.duration') FROM cycles") == (75,)


async def test_a_clip_sent_as_a_file_is_read_and_its_download_deleted(
        bot: InProcessBot, tmp_path: Path) -> None:
    """A video file has no length from Telegram, so it is downloaded and read; the bot keeps
    its file_id, and the download (pupils on video) goes at once (SPEC section 6)."""
    await announced(bot)
    clip = make_clip(tmp_path / "les.mp4", seconds=3)
    sent = await bot.tg.send_video(BRAM.user_id, GROUP, clip, caption=QUESTION,
                                   kind="document", mime_type="video/mp4")
    taken = await bot.answers(arrived(bot.app.bot, sent))
    assert any("De clip is binnen" in words for words in taken), taken
    assert list((services_of(bot.app).config.data_dir / "tmp").iterdir()) == []
