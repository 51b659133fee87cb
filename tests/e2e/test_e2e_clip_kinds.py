"""Clip intake through the bot for every kind the SPEC names: a round video note (which has no
caption, so its learning question follows as a message), and clips Telegram's own metadata
already rules out (too short, too long, too large): each gets a clear, friendly answer and
nothing of the cycle changes. A GIF of a few seconds is no clip (its caption counts as a
message); a longer animation, a video without sound, is.
A peer's video note in the talk is a spoken contribution."""
from __future__ import annotations

from pathlib import Path

from fake_telegram import FakeTelegramControl
from tests.clips import make_clip
from tests.e2e.harness import BotProcess, DemoGroup, FakeTelegram
from tests.e2e.scenes import (
    QUESTION,
    Cycle,
    button_data,
    click_and_wait,
    db_rows,
    grown,
    has_button,
    into_reality,
    set_up_group,
    settled,
)


async def _accepted(tg: FakeTelegramControl, group: DemoGroup, folder: Path) -> None:
    """Bram is the inbrenger and has accepted; the cycle waits for his clip."""
    await set_up_group(tg, group)
    bram = group.members[0]
    announcement = await Cycle(tg, group, folder / "unused.mp4").start(bram.first_name)
    await click_and_wait(tg, bram.user_id, announcement, button_data(announcement, "accept"))


async def test_a_video_note_with_its_question_after_it_is_taken_as_the_clip(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await _accepted(tg, demo_group, tmp_path)
    bram, chat = demo_group.members[0], demo_group.chat_id
    since = await tg.mark()
    note = make_clip(tmp_path / "note.mp4", seconds=3, size="240x240")
    await tg.send_video(bram.user_id, chat, note, kind="video_note")
    await tg.wait_for_text(chat, "Wat is je leervraag bij deze clip?", since=since)
    await tg.send_text(bram.user_id, chat, QUESTION)
    await tg.wait_for(has_button("consent"), chat_id=chat, since=since)
    assert db_rows(tmp_path / "intervision.db",
                   "SELECT json_extract(data, '$.clip.kind') FROM cycles") == [("video_note",)]


async def test_a_short_gif_is_no_clip_and_a_muted_video_is(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    """A GIF from Telegram's picker (an animation, which Telegram also sends as a document)
    used to become the clip: its caption is kept as the learning question, and the bot still
    waits for the clip. A video without sound, which Telegram also sends as an animation, is
    the clip."""
    await _accepted(tg, demo_group, tmp_path)
    bram, chat = demo_group.members[0], demo_group.chat_id
    since = await tg.mark()
    gif_like = make_clip(tmp_path / "loop.mp4", seconds=3)
    await tg.send_video(bram.user_id, chat, gif_like, kind="animation", caption=QUESTION)
    await tg.wait_for_text(chat, "Stuur nu je clip", since=since)
    await settled(tg, tmp_path / "intervision.db")
    assert db_rows(tmp_path / "intervision.db",
                   "SELECT json_extract(data, '$.clip'), learning_question FROM cycles") == [
        (None, QUESTION)]
    assert not [m for m in await tg.bot_messages(chat, since=since) if has_button("consent")(m)]
    muted = make_clip(tmp_path / "muted.mp4", seconds=12)
    await tg.send_video(bram.user_id, chat, muted, kind="animation")
    await tg.wait_for(has_button("consent"), chat_id=chat, since=since)
    assert db_rows(tmp_path / "intervision.db",
                   "SELECT json_extract(data, '$.clip.kind') FROM cycles") == [("animation",)]


async def test_too_short_and_too_long_clips_are_answered_and_nothing_is_kept(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await _accepted(tg, demo_group, tmp_path)
    bram, chat = demo_group.members[0], demo_group.chat_id
    since = await tg.mark()
    await tg.send_video(bram.user_id, chat, make_clip(tmp_path / "blink.mp4", seconds=1),
                        caption=QUESTION)
    await tg.wait_for_text(chat, "erg kort", since=since)
    eleven_minutes = make_clip(tmp_path / "long.mp4", seconds=11 * 60, size="32x32", rate=1)
    await tg.send_video(bram.user_id, chat, eleven_minutes, caption=QUESTION)
    await tg.wait_for_text(chat, "langer dan 10 minuten", since=since)
    await settled(tg, tmp_path / "intervision.db")
    assert db_rows(tmp_path / "intervision.db",
                   "SELECT phase, json_extract(data, '$.clip') FROM cycles") == [
        ("awaiting_clip", None)]
    assert not [m for m in await tg.bot_messages(chat, since=since) if has_button("consent")(m)]


async def test_a_clip_over_the_size_limit_is_answered_kindly(
        tg: FakeTelegramControl, demo_group: DemoGroup, bot_process: BotProcess,
        tmp_path: Path) -> None:
    bot_process.env["INTERVISION_MAX_CLIP_MB"] = "1"
    await bot_process.start()
    await _accepted(tg, demo_group, tmp_path)
    bram, chat = demo_group.members[0], demo_group.chat_id
    since = await tg.mark()
    big = make_clip(tmp_path / "big.mp4", seconds=3)
    padded = big.read_bytes() + bytes(1024 * 1024)  # over 1 MB, as Telegram would report it
    await tg.send_video(bram.user_id, chat, padded, caption=QUESTION, file_name="big.mp4",
                        mime_type="video/mp4")
    await tg.wait_for_text(chat, "te groot (meer dan 1 MB)", since=since)
    await settled(tg, tmp_path / "intervision.db")
    assert db_rows(tmp_path / "intervision.db",
                   "SELECT json_extract(data, '$.clip') FROM cycles") == [(None,)]


async def test_a_peers_video_note_in_the_talk_counts_as_a_spoken_contribution(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    cato, chat, db = demo_group.members[1], demo_group.chat_id, tmp_path / "intervision.db"
    note = make_clip(tmp_path / "cato.mp4", seconds=3, size="240x240")
    await tg.send_video(cato.user_id, chat, note, kind="video_note")
    await settled(tg, db)
    assert db_rows(db, "SELECT user_id, kind, duration FROM contributions "
                       "WHERE kind = 'voice'") == [(cato.user_id, "voice", 3)]
    assert db_rows(db, "SELECT json_extract(data, '$.clip.kind') FROM cycles") == [("video",)]


async def test_with_a_local_bot_api_server_a_clip_over_20_mb_is_taken_from_its_disk(
        tg: FakeTelegramControl, fake_telegram: FakeTelegram, demo_group: DemoGroup,
        bot_process: BotProcess, tmp_path: Path) -> None:
    """Set-up B of docs/docker.md: the server hands out paths on its disk, with no 20 MB
    limit, and the bot (TELEGRAM_LOCAL_MODE=1) reads the clip from there."""
    fake_telegram.server.world.local_files = tmp_path / "bot-api"
    bot_process.env["TELEGRAM_LOCAL_MODE"] = "1"
    await bot_process.start()
    await _accepted(tg, demo_group, tmp_path)
    bram, chat = demo_group.members[0], demo_group.chat_id
    since = await tg.mark()
    big = grown(make_clip(tmp_path / "long.mp4", seconds=3), megabytes=21).read_bytes()
    await tg.send_video(bram.user_id, chat, big, caption=QUESTION, file_name="les.mp4",
                        mime_type="video/mp4")
    consent = await tg.wait_for(has_button("consent"), chat_id=chat, since=since)
    await click_and_wait(tg, bram.user_id, consent, button_data(consent, "consent"))
    await tg.wait_for(lambda view: view["media"] == "photo", chat_id=chat, since=since)
    assert [p.stat().st_size for p in (tmp_path / "bot-api").rglob("*.mp4")] == [len(big)]
