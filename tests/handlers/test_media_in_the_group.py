"""Videos, GIFs, photos and files in the group while a cycle runs: only the inbrenger's clip
before the meeting is taken (a better take as a video replaces it); anyone else's video or GIF
is just shared, and words in a caption count like a message."""
from __future__ import annotations

from typing import Any

from bot.engine.services import services_of
from fake_telegram.scenes import has_button
from tests.handlers.in_process import InProcessBot
from tests.handlers.talk import QUESTION, announced, to_the_talk
from tests.handlers.updates import ANNA, BRAM, CATO, GROUP, command, media, message

OBSERVATION = "Op 1:23 zie ik dat de leerlingen al opstaan voordat je klaar bent."


async def stored_clip(bot: InProcessBot) -> Any:
    row = await bot.db_one("SELECT json_extract(data, '$.clip.file_id'), "
                           "json_extract(data, '$.consent') FROM cycles")
    assert row is not None
    return row


async def test_a_peers_gif_or_video_in_the_talk_is_just_shared(bot: InProcessBot) -> None:
    """Cato's GIF from the picker used to be answered "Deze cyclus heeft zijn clip al", at
    every GIF."""
    await to_the_talk(bot)
    clip = await stored_clip(bot)
    for kind in ("animation", "video", "animation"):
        assert await bot.answers(media(bot.app.bot, CATO, kind)) == []
    # The inbrenger's second video is no share: it hears once that the clip stays
    # (tests/handlers/test_clips_not_taken.py).
    said = await bot.answers(media(bot.app.bot, BRAM, "video", seconds=40))
    assert len(said) == 1 and "Je clip en je leervraag blijven" in said[0], said
    assert await stored_clip(bot) == clip


async def test_a_peers_gif_or_video_before_the_meeting_is_just_shared(
        bot: InProcessBot) -> None:
    """It used to get "Dat is aan de inbrenger (Bram)"."""
    await announced(bot)
    for kind in ("animation", "video", "video_note", "document"):  # a PDF: no video either
        assert await bot.answers(media(bot.app.bot, CATO, kind, seconds=30)) == [], kind
    row = await bot.db_one("SELECT json_extract(data, '$.clip') FROM cycles")
    assert row == (None,)


async def test_the_inbrenger_s_gif_selfie_note_or_second_album_item_keep_the_clip(
        bot: InProcessBot) -> None:
    """Bram's 3-second GIF, his round "hoi allemaal" video note and the second video of the
    album his clip came in used to replace the classroom clip and ask consent again."""
    await announced(bot)
    taken = await bot.answers(media(bot.app.bot, BRAM, "video", QUESTION, seconds=60,
                                  album="album-1"))
    assert any("De clip is binnen" in words for words in taken), taken
    clip = await stored_clip(bot)
    since = await bot.tg.mark()
    for update in (media(bot.app.bot, BRAM, "animation"),
                   media(bot.app.bot, BRAM, "video_note", seconds=20),
                   media(bot.app.bot, BRAM, "video", seconds=50, album="album-1")):
        assert await bot.answers(update) == []
    assert await stored_clip(bot) == clip
    assert not [m for m in await bot.tg.bot_messages(GROUP, since=since) if has_button("consent")(m)]


async def test_a_better_take_as_a_video_or_video_file_still_replaces_the_clip(
        bot: InProcessBot) -> None:
    await announced(bot)
    await bot.answers(media(bot.app.bot, BRAM, "video", QUESTION, seconds=60, album="album-1"))
    better = await bot.answers(media(bot.app.bot, BRAM, "video", seconds=80, album="album-2"))
    assert any("komt in de plaats van de vorige" in words for words in better), better
    assert await bot.db_one("SELECT json_extract(data, '$.clip.duration') FROM cycles") == (80,)


async def test_a_better_take_without_sound_replaces_a_round_video_note(
        bot: InProcessBot) -> None:
    """Review ux13: a round video note as the clip, then a better take without sound (which
    Telegram sends as an animation) before consent: no answer, and consent confirmed the old
    clip. It replaces the clip as a video would, and consent is asked for the new one."""
    await announced(bot)
    await bot.answers(media(bot.app.bot, BRAM, "video_note", seconds=30))
    await bot.answers(message(bot.app.bot, BRAM, QUESTION))
    since = await bot.tg.mark()
    better = await bot.answers(media(bot.app.bot, BRAM, "animation", seconds=12))
    assert any("komt in de plaats van de vorige" in words for words in better), better
    assert await bot.db_one("SELECT json_extract(data, '$.clip.kind'), "
                            "json_extract(data, '$.clip.duration') FROM cycles") == (
        "animation", 12)
    assert [m for m in await bot.tg.bot_messages(GROUP, since=since) if has_button("consent")(m)]


async def test_the_first_clip_may_be_a_round_video_note(bot: InProcessBot) -> None:
    await announced(bot)
    taken = await bot.answers(media(bot.app.bot, BRAM, "video_note", seconds=45))
    assert any("De clip is binnen" in words for words in taken), taken
    assert await bot.db_one("SELECT json_extract(data, '$.clip.kind') FROM cycles") == (
        "video_note",)


async def test_a_short_gif_is_never_the_clip(bot: InProcessBot) -> None:
    """A GIF with the learning question as its caption: the question is kept as a message
    would be, and the bot still waits for the clip."""
    await announced(bot)
    answer = await bot.answers(media(bot.app.bot, BRAM, "animation", QUESTION))
    assert not any("De clip is binnen" in words for words in answer), answer
    assert any("Stuur nu je clip" in words for words in answer), answer
    assert await bot.db_one("SELECT json_extract(data, '$.clip'), learning_question "
                            "FROM cycles") == (None, QUESTION)



async def test_words_under_a_file_that_is_no_video_are_kept_as_a_messages_would_be(
        bot: InProcessBot) -> None:
    """Bram owes his clip and sends his lesson plan (a PDF) with his learning question under
    it: he hears that the file is no video, and the question is kept for the clip as the same
    words in a message would be (they used to be lost with the file), in one answer (the UX
    review got "no video" and "thank you!" as two)."""
    await announced(bot)
    answer = await bot.answers(media(bot.app.bot, BRAM, "document", QUESTION))
    assert answer == [(f"Dat bestand is geen video. Je leervraag heb ik wel bewaard: {QUESTION}\n"
                      "Stuur je clip hier in de groep als video of videobestand (mp4).")]
    assert await bot.db_one("SELECT json_extract(data, '$.clip'), learning_question "
                            "FROM cycles") == (None, QUESTION)


async def test_a_longer_animation_is_a_muted_clip(bot: InProcessBot) -> None:
    """Telegram sends a video without sound as an animation: 40 seconds of it is the clip."""
    await announced(bot)
    taken = await bot.answers(media(bot.app.bot, BRAM, "animation", QUESTION, seconds=40))
    assert any("De clip is binnen" in words for words in taken), taken
    assert await bot.db_one("SELECT json_extract(data, '$.clip.kind') FROM cycles") == (
        "animation",)

async def contributions(bot: InProcessBot) -> list[tuple[Any, ...]]:
    return await bot.db_all("SELECT user_id, text FROM contributions ORDER BY id")


async def test_a_caption_in_the_talk_is_a_contribution(bot: InProcessBot) -> None:
    """Cato's screenshot of the storyboard with her observation, and her video, photo and file
    with words: each counts as her contribution, and none of them is taken as a clip."""
    await to_the_talk(bot)
    clip = await stored_clip(bot)
    for kind in ("photo", "video", "document", "animation"):
        answer = await bot.answers(media(bot.app.bot, CATO, kind, f"{OBSERVATION} ({kind})"))
        assert not any("heeft zijn clip al" in words for words in answer), answer
    assert await contributions(bot) == [
        (CATO.user_id, f"{OBSERVATION} ({kind})")
        for kind in ("photo", "video", "document", "animation")]
    assert await stored_clip(bot) == clip


async def test_a_caption_outside_a_cycle_or_from_a_peer_before_the_talk_is_just_chat(
        bot: InProcessBot) -> None:
    await announced(bot)
    assert await bot.answers(media(bot.app.bot, CATO, "photo", OBSERVATION)) == []
    await bot.handle(command(bot.app.bot, ANNA, "/cancel"))
    assert await bot.answers(media(bot.app.bot, CATO, "photo", OBSERVATION)) == []
    assert await contributions(bot) == []


FORUM = -1001000000077


async def _group_in_topic(bot: InProcessBot, thread: int, *joined: Any) -> int:
    await bot.handle(command(bot.app.bot, ANNA, "/setup", chat_id=FORUM, thread=thread))
    row = await bot.db_one("SELECT id FROM groups WHERE chat_id = ? AND thread_id = ?",
                           FORUM, thread)
    assert row is not None
    for person in joined:
        await bot.handle(command(bot.app.bot, person, "/join", chat_id=FORUM, thread=thread))
        await bot.press(person, f"agree:{row[0]}", chat_id=FORUM)
    return int(row[0])


async def test_a_clip_sent_in_another_groups_topic_is_pointed_to_the_group_that_waits(
        bot: InProcessBot) -> None:
    """Two groups live in topics of one chat. Bram owes team A his clip and sends it in team
    B's topic, where Cato's cycle runs: he used to hear B's "Dat is aan de inbrenger (Cato)",
    and team A never learned of the clip."""
    await bot.tg.add_group(FORUM, "Lerarenkamer", forum=True, admins=[ANNA.user_id],
                           members=[BRAM.user_id, CATO.user_id])
    team_a = await bot.tg.add_topic(FORUM, "Team A", created_by=ANNA.user_id)
    team_b = await bot.tg.add_topic(FORUM, "Team B", created_by=ANNA.user_id)
    for thread, title in ((team_a, "Team A"), (team_b, "Team B")):
        group_id = await _group_in_topic(bot, thread, BRAM, CATO)
        async with services_of(bot.app).db.transaction() as tx:
            await tx.execute("UPDATE groups SET title = ? WHERE id = ?", (title, group_id))
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Bram", chat_id=FORUM, thread=team_a))
    await bot.handle(command(bot.app.bot, ANNA, "/cycle Cato", chat_id=FORUM, thread=team_b))
    since = await bot.tg.mark()
    await bot.handle(media(bot.app.bot, BRAM, "video", QUESTION, seconds=60, chat_id=FORUM,
                           thread=team_b))
    said = await bot.said(FORUM, since=since)
    assert len(said) == 1 and "wacht in een eigen onderwerp op je clip" in said[0], said
    assert "Team A" in said[0] and "aan de inbrenger" not in said[0]
    assert await bot.db_all("SELECT json_extract(data, '$.clip') FROM cycles") == [
        (None,), (None,)]


async def test_words_under_an_anonymous_photo_are_answered_as_anonymous_words_are(
        bot: InProcessBot) -> None:
    """An admin posting as the group: a caption in the talk gets the same "write as yourself"
    a text gets (it was ignored without a word), and nothing is stored."""
    await to_the_talk(bot)
    answer = await bot.answers(media(bot.app.bot, ANNA, "photo", OBSERVATION, as_group=True))
    assert any("als jezelf" in words for words in answer), answer
    assert await contributions(bot) == []


async def test_chat_under_a_file_that_is_no_clip_is_answered_once(bot: InProcessBot) -> None:
    """Found by a review: Bram, who owes his clip, sent his lesson plan with a remark and
    was asked for his clip twice, once for the file and once for its words."""
    await announced(bot)
    answer = await bot.answers(media(bot.app.bot, BRAM, "document", "Hier is mijn lesplan"))
    assert len(answer) == 1 and "geen video" in answer[0], answer
