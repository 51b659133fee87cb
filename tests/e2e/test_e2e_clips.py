"""Pausing and re-watching: an observation with a time stamp offers the still at that
moment; /pause and /replay work for any member; bad clips and bad times get clear answers."""
from __future__ import annotations

from pathlib import Path

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    Cycle,
    buttons,
    click_and_wait,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
)
from tests.waiting import eventually


async def test_an_observation_with_a_time_stamp_offers_the_still(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path, clip_seconds=6)
    cato, chat = demo_group.members[1], demo_group.chat_id
    since = await tg.mark()
    await tg.send_text(cato.user_id, chat, "Op 0:03 loopt er iemand door het beeld.")
    offer = await tg.wait_for(lambda m: any(d.startswith("still:") for d in buttons(m)),
                              chat_id=chat, since=since)
    assert buttons(offer) == ["still:1:3"]
    since = await tg.mark()
    await click_and_wait(tg, cato.user_id, offer, "still:1:3")
    still = await tg.wait_for(lambda m: m["media"] == "photo", chat_id=chat, since=since)
    assert "0:03" in still["text"]
    assert (await tg.download(still["file_id"]))[:2] == b"\xff\xd8"  # a JPEG


async def test_pause_and_replay_for_any_member(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path, clip_seconds=6)
    daan, chat = demo_group.members[2], demo_group.chat_id
    since = await tg.mark()
    await tg.send_text(daan.user_id, chat, "/pause 0:02")
    await tg.wait_for(lambda m: m["media"] == "photo" and "0:02" in (m["text"] or ""),
                      chat_id=chat, since=since)
    await tg.send_text(daan.user_id, chat, "/replay 0:01-0:04")
    fragment = await tg.wait_for(lambda m: m["media"] == "video", chat_id=chat, since=since,
                                 timeout=30)
    assert "0:01" in fragment["text"] and "0:04" in fragment["text"]
    # What was made for those two messages shows pupils: gone once sent. Only the copy of
    # the clip stays while the cycle runs (tests/integration/test_housekeeping.py).
    clips = tmp_path / "data" / "clips"
    await eventually(lambda: sorted(p.suffix for p in clips.iterdir()) == [".mp4"],
                     what=f"only the clip's copy in {clips}")
    await tg.send_text(daan.user_id, chat, "/replay 0:04-0:01")
    await tg.wait_for_text(chat, "Het begin (0:04) ligt na het eind (0:01). Bedoel je "
                                 "/replay 0:01-0:04?", since=since)
    await tg.send_text(daan.user_id, chat, "/replay 0:04")
    await tg.wait_for_text(chat, "Geef een begin en eind", since=since)
    await tg.send_text(daan.user_id, chat, "/pause straks")
    await tg.wait_for_text(chat, "Geef een tijdstip", since=since)


async def test_a_broken_clip_gets_a_friendly_answer_and_nothing_changes(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    bram, chat = demo_group.members[0], demo_group.chat_id
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    announcement = await cycle.start("Bram")
    since = await tg.mark()
    await tg.send_video(bram.user_id, chat, b"\x00\x00\x00\x18ftypmp42" + b"garbage" * 500,
                        kind="document", mime_type="video/mp4", file_name="les.mp4",
                        caption="Hoe kan ik rustiger beginnen na de pauze?")
    await tg.wait_for_text(chat, "beschadigd", since=since, timeout=20)
    await tg.send_video(bram.user_id, chat, b"Dit is geen video", kind="document",
                        mime_type="text/plain", file_name="notities.txt")
    await tg.wait_for_text(chat, "geen video", since=since)
    assert not any(has_button("consent")(m) for m in await tg.bot_messages(chat, since=since))
    await click_and_wait(tg, bram.user_id, announcement, "cy:1:accept")
    since = await tg.mark()
    await tg.send_video(bram.user_id, chat, make_clip(tmp_path),
                        caption="Hoe kan ik rustiger beginnen na de pauze?")
    await tg.wait_for(has_button("consent"), chat_id=chat, since=since)  # the good clip is taken
