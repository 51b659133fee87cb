"""A member who leaves while a cycle is open (flows/cycle/leaving.py), in the real process:
leaving the Telegram chat takes them out of the group, an inbrenger's turn passes on before
the meeting, the watch gate stops waiting for them, and an inbrenger's /leave during the talk
about their own clip is refused with the way to stop it."""
from __future__ import annotations

from pathlib import Path

import pytest

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    Cycle,
    button_data,
    buttons,
    click_and_wait,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
)


async def test_an_inbrenger_who_leaves_the_chat_before_the_meeting_passes_the_turn_on(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    chat = demo_group.chat_id
    bram = demo_group.members[0]
    await set_up_group(tg, demo_group)
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    await cycle.start(bram.first_name)
    since = await tg.mark()
    await tg.remove_member(chat, bram.user_id)
    passed = await tg.wait_for_text(chat, "Bram doet niet meer mee met deze groep, dus de beurt "
                                          "gaat naar", since=since)
    successor = passed["text"].rsplit(" ", 1)[-1].rstrip(".")
    announcement = await tg.wait_for(has_button("accept"), chat_id=chat, since=since)
    assert f"{successor}</b> is aan de beurt" in announcement["html"]
    since = await tg.mark()
    await tg.send_text(demo_group.admin.user_id, chat, "/roster")
    roster = await tg.wait_for_text(chat, "Leden (3)", since=since)
    assert "Bram" not in roster["text"]


@pytest.mark.parametrize("how", ["leaves the chat", "erases her data with /forget"])
async def test_the_watch_gate_stops_waiting_for_a_peer_who_left(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path, how: str) -> None:
    chat = demo_group.chat_id
    anna, bram, cato, daan = demo_group.people
    await set_up_group(tg, demo_group)
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    consent = await cycle.clip_in(await cycle.start(bram.first_name), bram.user_id)
    since = await tg.mark()
    await click_and_wait(tg, bram.user_id, consent, button_data(consent, "consent"))
    watch = await tg.wait_for(has_button("watched"), chat_id=chat, since=since)
    for peer in (cato, daan):
        await click_and_wait(tg, peer.user_id, watch, button_data(watch, "watched"))
    since = await tg.mark()
    if how == "leaves the chat":  # the group was waiting for Anna only
        await tg.remove_member(chat, anna.user_id)
    else:
        await tg.send_text(anna.user_id, anna.user_id, "/forget")
        confirm = await tg.wait_for(lambda v: bool(buttons(v)), chat_id=anna.user_id,
                                    since=since)
        await click_and_wait(tg, anna.user_id, confirm, buttons(confirm)[0])
    await tg.wait_for_text(chat, "Doel", since=since)


async def test_the_inbrenger_stays_in_the_talk_about_their_own_clip(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    chat = demo_group.chat_id
    bram = demo_group.members[0]
    await into_reality(tg, demo_group, tmp_path)
    since = await tg.mark()
    await tg.send_text(bram.user_id, chat, "/leave")
    refused = await tg.wait_for_text(chat, "jij bent de inbrenger van het gesprek dat nu loopt",
                                     since=since)
    assert "/cancel" in refused["text"]
    await tg.send_text(bram.user_id, chat, "/status")
    status = await tg.wait_for_text(chat, "Fase: realiteit", since=since)
    assert "inbrenger: Bram" in status["text"]


async def test_the_inbrenger_who_leaves_the_chat_mid_talk_is_waited_for(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    """A mis-tap on a phone (review ux21): Bram leaves the chat in the middle of the talk and
    Anna adds him back; the talk goes on where it was, without /join or a new clip."""
    chat = demo_group.chat_id
    anna, bram, cato, _ = demo_group.people
    await into_reality(tg, demo_group, tmp_path)
    since = await tg.mark()
    await tg.remove_member(chat, bram.user_id)
    waiting = await tg.wait_for_text(chat, "Bram heeft de chat verlaten, misschien per ongeluk",
                                     since=since)
    assert "gestopt" not in waiting["text"]
    since = await tg.mark()
    await tg.add_member(chat, bram.user_id, added_by=anna.user_id)
    await tg.wait_for_text(chat, "Welkom terug, Bram! Het gesprek gaat verder", since=since)
    await tg.send_text(cato.user_id, chat, "/status")
    status = await tg.wait_for_text(chat, "Fase: realiteit", since=since)
    assert "inbrenger: Bram" in status["text"]
    said = [m["text"] for m in await tg.bot_messages(chat, since=since)]
    assert not any("Hoi Bram" in text or "Stuur /join" in text for text in said), said
