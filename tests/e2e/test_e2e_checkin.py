"""The inbrenger's check-in, with the sandbox's clock moved on (bot/startup/sandbox_clock.py):
a silent inbrenger while the others talk is asked privately whether the talk still helps;
"I want to steer" from that private chat reaches the group once, and the question's buttons go
(a second answer to a kept button is refused: tests/unit/test_practice.py)."""
from __future__ import annotations

from pathlib import Path

from fake_telegram import FakeTelegramControl
from fake_telegram.clock import SandboxClock
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    TALK,
    button_data,
    click_and_wait,
    db_rows,
    has_button,
    into_reality,
    settled,
)
from tests.waiting import eventually


async def test_a_quiet_inbrenger_steers_from_the_private_chat_and_the_group_hears_it(
        tg: FakeTelegramControl, demo_group: DemoGroup,
        clocked_bot: tuple[BotProcess, SandboxClock], tmp_path: Path) -> None:
    _, clock = clocked_bot
    await into_reality(tg, demo_group, tmp_path)
    chat, bram = demo_group.chat_id, demo_group.members[0]
    peers = [p for p in demo_group.people if p.user_id != bram.user_id]
    db = tmp_path / "intervision.db"

    async def quiet_bram() -> None:
        """The others talk while Bram is quiet for nine minutes (at seven the step's "time is
        up" is near, and a check-in waits a tick rather than come beside it)."""
        await clock.advance(4 * 60)
        for i, words in enumerate(TALK["reality"]):
            await tg.send_text(peers[i % len(peers)].user_id, chat, words)
        await settled(tg, db)
        await clock.advance(5 * 60)
        await settled(tg, db)

    # In the first step (what everyone sees) Bram listens, as the step asks: no check-in.
    since = await tg.mark()
    await quiet_bram()
    assert not [m for m in await tg.bot_messages(bram.user_id, since=since)
                if has_button("checkin")(m)]
    for _ in range(2):  # on to the analysis of his learning question
        await tg.send_text(bram.user_id, chat, "/next")
        await settled(tg, db)
    assert db_rows(db, "SELECT json_extract(data, '$.step') FROM cycles") == [("analysis",)]
    since = await tg.mark()
    await quiet_bram()

    checkin = await tg.wait_for(has_button("checkin"), chat_id=bram.user_id, since=since)
    assert demo_group.title in checkin["text"]  # a private message names its group
    asked_in_group = [m for m in await tg.bot_messages(chat, since=since)
                      if has_button("checkin")(m)]
    assert asked_in_group == []  # the question itself stays private

    pressed = await tg.mark()
    await click_and_wait(tg, bram.user_id, checkin,
                         button_data(checkin, "checkin", "steer"))
    steer = await tg.wait_for_text(chat, "andere kant op", since=pressed)
    assert bram.first_name in steer["text"]

    async def buttons_gone() -> bool:
        now = [m for m in await tg.bot_messages(bram.user_id, since=since)
               if m["message_id"] == checkin["message_id"]]
        return bool(now) and not has_button("checkin")(now[0])

    await eventually(buttons_gone, what="the check-in's buttons gone once answered")
    await settled(tg, tmp_path / "intervision.db")
    told = [m for m in await tg.bot_messages(chat, since=pressed)
            if "andere kant op" in (m["text"] or "")]
    assert len(told) == 1  # answered once, told once
