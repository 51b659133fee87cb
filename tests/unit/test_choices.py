"""Buttons where a choice is made and buttons that show their state (issue 18): settings and
rhythms inside 64 bytes, the values in the group's language with the current one marked, and a
pressed message's keyboard removed (or only the pressed button) in the press's transaction."""
from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from telegram import CallbackQuery, Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, User

from bot.engine.effects import buttons
from bot.engine.outgoing import Edit
from bot.handlers.pressed import buttons_done, cycle_button_done, pressed_outcome
from flows.callbacks import ScheduleButton, SettingButton, parse
from flows.model import NudgeMode, Settings
from flows.schedule.compact import compact, from_compact
from flows.schedule.plan import Schedule
from flows.settings_choice import settings_keyboard, setup_keyboard


@pytest.mark.parametrize("button", [
    SettingButton(12, "s", "nudging", "strict"), SettingButton(3, "u", "timezone",
                                                               "America/Argentina/Buenos_Aires"),
    ScheduleButton(4, "yes", "0_15_*_*_2~2~20261208"), ScheduleButton(4, "no", "#17"),
])
def test_new_buttons_come_back_as_they_were_packed(button: Any) -> None:
    packed = button.pack()
    assert len(packed.encode()) <= 64 and parse(packed) == button


@pytest.mark.parametrize("data", [
    "set:1:x:nudging:off", "set:a:s:nudging:off", "set:1:s:nud ging:off", "set:1:s:n:o ff",
    "set:1:s:nudging", "sched:1:maybe:x", "sched:1:yes:a b", "sched:x:yes:1~1~",
])
def test_forged_choice_data_is_nothing(data: str) -> None:
    assert parse(data) is None


def test_a_rhythm_fits_in_its_button_and_comes_back() -> None:
    every_other = Schedule("0 15 * * 2", 2, date(2026, 12, 8))
    assert from_compact(compact(every_other)) == every_other
    assert from_compact(compact(Schedule("30 9 * * 4"))) == Schedule("30 9 * * 4")
    assert from_compact("not~a~rhythm") is None and from_compact("0_15_*_*_2~x~") is None


def test_settings_values_are_in_the_groups_language_with_the_current_one_marked() -> None:
    strict = Settings(nudging=NudgeMode.STRICT)
    assert [label for row in buttons("nl", settings_keyboard(strict, 7)) for label, _ in row] \
        == ["uit", "zacht", "✅ streng", "✅ privé", "in de groep", "✅ Nederlands", "English"]
    assert [label for label, _ in buttons("en", settings_keyboard(strict, 7))[0]] == \
        ["off", "gentle", "✅ strict"]
    assert parse(buttons("nl", settings_keyboard(strict, 7))[0][0][1]) == \
        SettingButton(7, "s", "nudging", "off")


def test_setup_offers_common_zones_and_keeps_a_typed_one() -> None:
    zones = [label for row in buttons("nl", setup_keyboard(Settings(), 1))[1:] for label, _ in row]
    assert zones[0] == "✅ Europe/Amsterdam" and "Europe/Brussels" in zones
    typed = setup_keyboard(Settings(timezone="Asia/Tokyo"), 1)
    assert "✅ Asia/Tokyo" in [label for row in buttons("en", typed) for label, _ in row]


class _Unit:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    async def send(self, item: Any) -> None:
        self.sent.append(item)


def _press(data: str) -> CallbackQuery:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Verder", callback_data="cy:1:next"),
                                      InlineKeyboardButton("Tips", callback_data="cy:1:tips")]])
    message = Message(41, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                      reply_markup=keyboard)
    return CallbackQuery("q", User(2, "Bo", False), "c", message=message, data=data)


async def test_a_choice_made_takes_the_keyboard_and_tips_only_its_own_button() -> None:
    unit = _Unit()
    await cycle_button_done(unit, _press("cy:1:next"), "next", "nl")  # type: ignore[arg-type]
    await cycle_button_done(unit, _press("cy:1:tips"), "tips", "nl")  # type: ignore[arg-type]
    await cycle_button_done(unit, _press("cy:1:watched"), "watched",  # type: ignore[arg-type]
                            "nl")
    assert unit.sent == [Edit(-5, 41, None, ()),
                         Edit(-5, 41, None, ((("Verder", "cy:1:next"),),))]
    await buttons_done(unit, _press("agree:3"))  # type: ignore[arg-type]
    assert unit.sent[-1] == Edit(-5, 41, None, ())


def _question(chat: Chat) -> Message:
    keyboard = InlineKeyboardMarkup([[
        InlineKeyboardButton("✅ Ja, de opname voldoet", callback_data="cy:1:consent"),
        InlineKeyboardButton("🔊 Spraak en stilte", callback_data="cy:1:audio")]])
    return Message(42, datetime(2026, 12, 6, tzinfo=UTC), chat, reply_markup=keyboard,
                   text="Voldoet de opname aan de regels <van school>?")


async def test_an_answered_question_in_the_group_says_who_chose_what() -> None:
    """The consent is given once per clip: whoever scrolls back reads who gave it, in words
    escaped as they were shown; the other button stays."""
    unit = _Unit()
    query = CallbackQuery("q", User(2, "Bo", False), "c", data="cy:1:consent",
                          message=_question(Chat(-5, "supergroup")))
    await cycle_button_done(unit, query, "consent", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 42, "Voldoet de opname aan de regels &lt;van school&gt;?\n\n"
                                      "✅ Bo: Ja, de opname voldoet",
                              ((("🔊 Spraak en stilte", "cy:1:audio"),),))]


async def test_in_a_private_chat_or_for_a_phase_button_only_the_keyboard_changes() -> None:
    unit = _Unit()
    private = CallbackQuery("q", User(2, "Bo", False), "c", data="cy:1:consent",
                            message=_question(Chat(2, "private")))
    assert pressed_outcome(private, "nl") is None
    await cycle_button_done(unit, _press("cy:1:next"), "next", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 41, None, ())]


async def test_answering_whether_the_clip_shows_what_was_tried_keeps_bring_in_and_pass_on() -> None:
    """The 2nd cycle's announcement carries both questions: answering one leaves the other."""
    keyboard = InlineKeyboardMarkup([
        [InlineKeyboardButton("Ik breng in", callback_data="cy:7:accept"),
         InlineKeyboardButton("Beurt doorgeven", callback_data="cy:7:swap")],
        [InlineKeyboardButton("Ja", callback_data="cy:7:tried:yes"),
         InlineKeyboardButton("Deels", callback_data="cy:7:tried:partly")]])
    message = Message(43, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                      reply_markup=keyboard, text="Bram is aan de beurt.")
    query = CallbackQuery("q", User(2, "Bram", False), "c", data="cy:7:tried:partly",
                          message=message)
    unit = _Unit()
    await cycle_button_done(unit, query, "tried", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 43, "Bram is aan de beurt.\n\n✅ Bram: Deels",
                              ((("Ik breng in", "cy:7:accept"),
                                ("Beurt doorgeven", "cy:7:swap")),))]


def test_a_caption_or_a_question_at_the_length_limit_keeps_its_words() -> None:
    """A photo's caption cannot take the line, and a message already at Telegram's limit
    would have to lose its formatting: only the keyboard changes then."""
    photo = Message(44, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                    caption="Overzicht", reply_markup=_question(Chat(-5, "supergroup")).
                    reply_markup)
    long = Message(45, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                   text="x" * 4090, reply_markup=photo.reply_markup)
    for message in (photo, long):
        query = CallbackQuery("q", User(2, "Bo", False), "c", data="cy:1:consent",
                              message=message)
        assert pressed_outcome(query, "nl") is None
    fits = Message(46, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                   text="x" * 4000, reply_markup=photo.reply_markup)
    query = CallbackQuery("q", User(2, "Bo", False), "c", data="cy:1:consent", message=fits)
    assert (pressed_outcome(query, "nl") or "").endswith("✅ Bo: Ja, de opname voldoet")


async def test_the_look_back_choice_is_not_shown_before_the_summary() -> None:
    """The inbrenger's pick is said once, in the summary: the peers give their own lines
    without it in front of them."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Wat zag je?",
                                                           callback_data="cy:1:look:11")]])
    question = Message(47, datetime(2026, 12, 6, tzinfo=UTC), Chat(-5, "supergroup"),
                       reply_markup=keyboard, text="Welke bijdrage hielp je het meest?")
    query = CallbackQuery("q", User(2, "Bo", False), "c", data="cy:1:look:11",
                          message=question)
    unit = _Unit()
    await cycle_button_done(unit, query, "look", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 47, None, ())]
