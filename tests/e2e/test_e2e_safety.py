"""Issue 18's safety gaps, end to end: nobody takes part anonymously or as a channel (an
anonymous admin may still configure), nothing of a clip is shown before consent, a group
the bot is removed from stops, and odd arguments are answered kindly."""
from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup
from tests.e2e.scenes import (
    Cycle,
    button_data,
    click_and_wait,
    db_rows,
    into_reality,
    make_clip,
    set_up_group,
    settled,
)


async def test_nobody_takes_part_anonymously_or_as_a_channel(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await into_reality(tg, demo_group, tmp_path)
    chat, anna, cato = demo_group.chat_id, demo_group.admin, demo_group.members[1]
    db = tmp_path / "intervision.db"
    before = db_rows(db, "SELECT COUNT(*) FROM contributions")
    since = await tg.mark()
    await tg.send_text(cato.user_id, chat, "Je zou meer wachttijd kunnen geven.", as_chat="channel")
    await tg.send_text(anna.user_id, chat, "Wat zag je op 0:02?", as_chat="group")
    await tg.send_text(cato.user_id, chat, "/join", as_chat="channel")
    await tg.send_text(cato.user_id, chat, "/next", as_chat="channel")
    told = await tg.wait_for_text(chat, "eigen naam", since=since)
    assert told
    await tg.wait_until_updates_taken()
    await asyncio.sleep(1)
    assert db_rows(db, "SELECT COUNT(*) FROM contributions") == before
    assert db_rows(db, "SELECT user_id FROM members WHERE user_id > 100000000") == []
    assert len([m for m in await tg.bot_messages(chat, since=since)
                if "eigen naam" in (m["text"] or "")]) == 1  # one explanation, not four
    since = await tg.mark()
    await tg.send_text(anna.user_id, chat, "/settings nudges streng", as_chat="group")
    await tg.wait_for_text(chat, "Opgeslagen", since=since)  # an anonymous admin configures


async def test_nothing_of_the_clip_is_shown_before_consent(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    await set_up_group(tg, demo_group)
    bram, daan, chat = demo_group.members[0], demo_group.members[2], demo_group.chat_id
    cycle = Cycle(tg, demo_group, make_clip(tmp_path))
    announcement = await cycle.start("Bram")
    since = await tg.mark()
    consent = await cycle.clip_in(announcement, bram.user_id)
    await tg.send_text(daan.user_id, chat, "/pause 0:02")
    await tg.send_text(daan.user_id, chat, "/replay 0:01-0:03")
    await tg.wait_for_text(chat, "nog niet bevestigd", since=since)
    await tg.wait_until_updates_taken()
    await asyncio.sleep(1)
    shown = [m for m in await tg.bot_messages(chat, since=since) if m["media"]]
    assert shown == []
    await click_and_wait(tg, bram.user_id, consent, button_data(consent, "consent"))
    await tg.wait_for(lambda m: m["media"] == "photo", chat_id=chat, since=since)
    # Whoever scrolls back reads that the consent was given, and by whom.
    await tg.wait_for(lambda m: m["message_id"] == consent["message_id"]
                      and "✅ Bram: Ja, de opname voldoet" in (m["text"] or ""), chat_id=chat,
                      since=since)


async def test_a_group_the_bot_is_removed_from_stops(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        tmp_path: Path) -> None:
    bram, cato = demo_group.members[0], demo_group.members[1]
    await tg.set_admin(demo_group.chat_id, bram.user_id)  # a second admin, seen at /setup
    await into_reality(tg, demo_group, tmp_path)
    db, anna = tmp_path / "intervision.db", demo_group.admin
    since = await tg.mark()
    await tg.set_bot_status(demo_group.chat_id, "left", by=anna.user_id)
    # A few minutes' grace first: added back in time, the talk would go on (review ux21).
    await tg.wait_for_text(anna.user_id, "Per ongeluk?", since=since)
    await settled(tg, db)
    assert db_rows(db, "SELECT phase FROM cycles") == [("reality",)]
    # Not added back: the grace runs out, here while the bot is down (its stored timer
    # fires at the next start).
    await running_bot.stop()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE timers SET due_at = '2000-01-01T00:00:00.000000+00:00' "
                     "WHERE name = 'bot_removed'")
    await running_bot.start()
    await tg.wait_for_text(anna.user_id, "uit de groep", since=since)  # who removed it
    await tg.wait_for_text(bram.user_id, "uit de groep", since=since)  # the other admin
    assert db_rows(db, "SELECT phase FROM cycles") == [("cancelled",)]
    assert db_rows(db, "SELECT COUNT(*) FROM timers WHERE fired_at IS NULL") == [(0,)]
    await settled(tg, db)
    told_cato = [m for m in await tg.bot_messages(cato.user_id, since=since)
                 if "uit de groep" in (m["text"] or "")]
    assert told_cato == []  # a member who is no admin hears it from the admins, not the bot


async def test_a_300_character_time_zone_is_answered_kindly(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    await set_up_group(tg, demo_group)
    since = await tg.mark()
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id,
                       "/settings tijdzone Europe/" + "a" * 300)
    await tg.wait_for_text(demo_group.chat_id, "tijdzone", since=since)
    since = await tg.mark()
    await tg.send_text(demo_group.admin.user_id, demo_group.chat_id, "/roster")
    await tg.wait_for_text(demo_group.chat_id, "Leden", since=since)  # the bot is fine
