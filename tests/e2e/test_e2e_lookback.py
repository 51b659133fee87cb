"""The closing look back never holds the cycle open (SPEC 3): with the sandbox's clock moved
past its timebox it closes without everyone, tells who missed it how to add their line, and a
reply to the bot adds it to the summaries; plain chat after the meeting is not taken as one."""
from __future__ import annotations

from pathlib import Path

from fake_telegram import FakeTelegramControl
from fake_telegram.clock import SandboxClock
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    button_data,
    click_and_wait,
    db_rows,
    has_button,
    into_reality,
    settled,
)


async def test_who_missed_the_look_back_adds_a_line_by_replying(
        tg: FakeTelegramControl, demo_group: DemoGroup,
        clocked_bot: tuple[BotProcess, SandboxClock], tmp_path: Path) -> None:
    _, clock = clocked_bot
    db, chat = tmp_path / "intervision.db", demo_group.chat_id
    bram, cato, daan = demo_group.members
    cycle = await into_reality(tg, demo_group, tmp_path)
    await cycle.talk("reality", bram.user_id)
    for heading in ("Opties", "Voornemen"):  # "Opties" goes through reality's steps
        await cycle.next_phase(bram.user_id, heading)
    since = await tg.mark()
    await tg.send_text(bram.user_id, chat, "Ik ga bij de deur staan, zodat ze rustig binnenkomen.")
    proposal = await tg.wait_for(has_button("commit"), chat_id=chat, since=since)
    await click_and_wait(tg, bram.user_id, proposal, button_data(proposal, "commit"))
    await tg.wait_for_text(chat, "Je voornemen", since=since)
    await tg.send_text(bram.user_id, chat, "/next")
    await tg.wait_for(has_button("look"), chat_id=chat, since=since)
    await settled(tg, db)
    await clock.advance(6 * 60)  # nobody answers within the look back's 5 minutes

    await tg.wait_for_text(chat, "Samenvatting", since=since)
    invitation = await tg.wait_for_text(chat, "De terugblik gemist?", since=since)
    late = await tg.mark()
    await tg.send_text(daan.user_id, chat, "Fijne avond allemaal!")  # chat, not a line
    await tg.send_text(cato.user_id, chat, "Vragen naar wat hij zelf zag.",
                       reply_to=invitation["message_id"])
    added = await tg.wait_for_text(chat, "Aanvulling op de terugblik", since=late)
    assert "Cato" in added["text"] and "Vragen naar wat hij zelf zag." in added["text"]
    await settled(tg, db)
    lines = db_rows(db, "SELECT user_id, text FROM contributions WHERE phase = 'lookback'")
    assert lines == [(cato.user_id, "Vragen naar wat hij zelf zag.")]
