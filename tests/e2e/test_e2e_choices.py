"""Buttons where a choice is made (issue 18): /settings shows its values as buttons in the
group's language for admins, a press changes the setting and the message shows the new state;
/schedule asks before it saves a rhythm; only admins change anything, others are answered
kindly; a button that has done its work is gone from its message."""
from __future__ import annotations

from typing import Any

import httpx

from fake_telegram import FakeTelegramControl
from tests.e2e.harness import BotProcess, DemoGroup, FakeTelegram
from tests.e2e.scenes import buttons, click_and_wait, set_up_group

LONG_CRON = "0 9 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29,31 * *"


def _labels(view: dict[str, Any]) -> list[str]:
    markup = view.get("reply_markup") or {}
    return [b["text"] for row in markup.get("inline_keyboard", []) for b in row]


def _data(view: dict[str, Any], label: str) -> str:
    markup = view.get("reply_markup") or {}
    return next(b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row
                if b["text"].endswith(label))


async def _now(tg: FakeTelegramControl, view: dict[str, Any]) -> dict[str, Any]:
    return next(v for v in await tg.bot_messages(view["chat_id"])
                if v["message_id"] == view["message_id"])


async def _edited(tg: FakeTelegramControl, view: dict[str, Any], words: str) -> dict[str, Any]:
    return await tg.wait_for(lambda v: v["message_id"] == view["message_id"]
                             and words in (v["text"] or ""), chat_id=view["chat_id"])


async def test_settings_buttons_change_a_setting_and_show_the_new_state(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    chat, anna, bram = demo_group.chat_id, demo_group.admin, demo_group.members[0]
    await set_up_group(tg, demo_group)
    since = await tg.mark()
    await tg.send_text(bram.user_id, chat, "/settings")
    seen = await tg.wait_for_text(chat, "Instellingen", since=since)
    assert not buttons(seen) and "duwtjes: zacht" in seen["text"]  # a member only sees them

    since = await tg.mark()
    await tg.send_text(anna.user_id, chat, "/settings")
    overview = await tg.wait_for(lambda v: bool(buttons(v)), chat_id=chat, since=since)
    assert _labels(overview) == ["uit", "✅ zacht", "streng", "✅ privé", "in de groep",
                                 "✅ Nederlands", "English"]

    answer = await click_and_wait(tg, bram.user_id, overview, _data(overview, "streng"))
    assert answer and "Alleen een beheerder" in answer["text"] and answer["show_alert"]
    assert "duwtjes: zacht" in (await _now(tg, overview))["text"]

    answer = await click_and_wait(tg, anna.user_id, overview, _data(overview, "streng"))
    assert answer and "Opgeslagen" in answer["text"]
    changed = await _edited(tg, overview, "duwtjes: streng")
    assert "✅ streng" in _labels(changed) and "zacht" in _labels(changed)

    await click_and_wait(tg, anna.user_id, changed, _data(changed, "English"))
    english = await _edited(tg, overview, "nudging: strict")
    assert "Settings" in english["text"] and "✅ strict" in _labels(english)


async def test_a_rhythm_is_saved_only_after_an_admin_confirms_it(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess) -> None:
    chat, anna, bram = demo_group.chat_id, demo_group.admin, demo_group.members[0]
    await set_up_group(tg, demo_group)
    since = await tg.mark()
    await tg.send_text(anna.user_id, chat, "/schedule do 9:30 wekelijks")
    question = await tg.wait_for_text(chat, "Opslaan?", since=since)
    assert "donderdag" in question["text"] and "9:30" in question["text"]
    await tg.send_text(anna.user_id, chat, "/schedule")
    await tg.wait_for_text(chat, "geen vast ritme", since=since)  # not saved yet

    answer = await click_and_wait(tg, bram.user_id, question, _data(question, "Opslaan"))
    assert answer and "Alleen een beheerder" in answer["text"]
    await click_and_wait(tg, anna.user_id, question, _data(question, "Opslaan"))
    saved = await _edited(tg, question, "Het ritme is ingesteld")
    assert not buttons(saved)  # done: the question cannot be answered twice

    since = await tg.mark()
    await tg.send_text(anna.user_id, chat, "/schedule di 15:00 om de 2 weken")
    other = await tg.wait_for_text(chat, "Opslaan?", since=since)
    await click_and_wait(tg, anna.user_id, other, _data(other, "Niet opslaan"))
    dropped = await _edited(tg, other, "niet opgeslagen")
    assert not buttons(dropped)
    since = await tg.mark()
    await tg.send_text(bram.user_id, chat, "/schedule")
    shown = await tg.wait_for_text(chat, "De volgende bijeenkomsten", since=since)
    assert "donderdag" in shown["text"] and "dinsdag" not in shown["text"]

    # A rhythm too long for its button waits in a short-lived row until it is confirmed.
    since = await tg.mark()
    await tg.send_text(anna.user_id, chat, f"/schedule {LONG_CRON}")
    long = await tg.wait_for_text(chat, "Opslaan?", since=since)
    assert _data(long, "Opslaan").startswith("sched:1:yes:#")
    await click_and_wait(tg, anna.user_id, long, _data(long, "Opslaan"))
    saved = await _edited(tg, long, "Het ritme is ingesteld")
    assert LONG_CRON in saved["text"]


async def test_the_setup_choice_sets_language_and_time_zone(
        tg: FakeTelegramControl, demo_group: DemoGroup, running_bot: BotProcess,
        fake_telegram: FakeTelegram) -> None:
    """The buttons /setup shows in a new group (its message as the bot makes it)."""
    chat, anna = demo_group.chat_id, demo_group.admin
    await set_up_group(tg, demo_group)
    markup = {"inline_keyboard": [[{"text": "English", "callback_data": "set:1:u:language:en"}],
                                  [{"text": "Europe/Brussels",
                                    "callback_data": "set:1:u:timezone:Europe/Brussels"}]]}
    async with httpx.AsyncClient() as client:
        sent = await client.post(f"{fake_telegram.url}/bot{fake_telegram.token}/sendMessage",
                                 json={"chat_id": chat, "text": "Taal en tijdzone?",
                                       "reply_markup": markup})
    result = sent.json()["result"]
    choice = {"chat_id": chat, "message_id": result["message_id"]}
    await click_and_wait(tg, anna.user_id, choice, "set:1:u:timezone:Europe/Brussels")
    zoned = await _edited(tg, choice, "Europe/Brussels")
    assert "✅ Europe/Brussels" in _labels(zoned) and "/setup nl Europe/Berlin" in zoned["text"]
    await click_and_wait(tg, anna.user_id, zoned, _data(zoned, "English"))
    english = await _edited(tg, choice, "The group's language")
    assert "✅ English" in _labels(english) and "Europe/Brussels" in english["text"]
