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
from flows.settings_choice import settings_keyboard, settings_mark, setup_keyboard


@pytest.mark.parametrize("button", [
    SettingButton(12, "s", "nudging", "strict"), SettingButton(3, "u", "timezone",
                                                               "America/Argentina/Buenos_Aires"),
    ScheduleButton(4, "yes", "0_15_*_*_2~2~20261208"), ScheduleButton(4, "no", "#17"),
    ScheduleButton(4, "later", "0_15_*_*_1,2,3,4,5~12~20261208"),
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
        SettingButton(7, "s", "nudging", "off", settings_mark(strict))
    assert settings_mark(strict) != settings_mark(Settings())


def test_setup_offers_common_zones_and_keeps_a_typed_one() -> None:
    zones = [label for row in buttons("nl", setup_keyboard(Settings(), 1))[1:] for label, _ in row]
    assert zones[0] == "✅ Europe/Amsterdam" and "Europe/Brussels" in zones
    typed = setup_keyboard(Settings(timezone="Asia/Tokyo"), 1)
    assert "✅ Asia/Tokyo" in [label for row in buttons("en", typed) for label, _ in row]


class _Records:
    """The bot's records of messages with buttons (storage/button_messages.py): `rows` by
    message id, as the sender left them."""

    def __init__(self, rows: dict[int, str] | None = None) -> None:
        self.rows = rows or {}

    async def one(self, sql: str, params: tuple[Any, ...]) -> dict[str, Any] | None:
        chat_id, message_id = params
        if message_id not in self.rows:
            return None
        return {"chat_id": chat_id, "message_id": message_id, "cycle_id": 1, "html": "",
                "buttons": self.rows[message_id]}


class _Unit:
    def __init__(self, records: _Records | None = None) -> None:
        self.sent: list[Any] = []
        self.tx = records or _Records()

    async def send(self, item: Any) -> None:
        self.sent.append(item)


GROUP_CHAT = Chat(-5, "supergroup")


def _message(message_id: int, rows: list[list[tuple[str, str]]], *, chat: Chat = GROUP_CHAT,
             text: str | None = None, caption: str | None = None) -> Message:
    """A bot message in `chat` with buttons (label, data) and its `text` or `caption`."""
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                      for label, data in row] for row in rows])
    return Message(message_id, datetime(2026, 12, 6, tzinfo=UTC), chat, reply_markup=keyboard,
                   text=text, caption=caption)


def _pressed_on(message: Message, data: str, who: str = "Bo") -> CallbackQuery:
    return CallbackQuery("q", User(2, who, False), "c", message=message, data=data)


def _press(data: str) -> CallbackQuery:
    return _pressed_on(_message(41, [[("Verder", "cy:1:next"), ("Tips", "cy:1:tips")]]), data)


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


CONSENT_ROWS = [[("✅ Ja, de opname voldoet", "cy:1:consent"),
                 ("🔊 Spraak en stilte", "cy:1:audio")]]


def _question(chat: Chat) -> Message:
    return _message(42, CONSENT_ROWS, chat=chat,
                    text="Voldoet de opname aan de regels <van school>?")


async def test_an_answered_question_in_the_group_says_who_chose_what() -> None:
    """The consent is given once per clip: whoever scrolls back reads who gave it, in words
    escaped as they were shown; the other button stays."""
    unit = _Unit()
    query = _pressed_on(_question(GROUP_CHAT), "cy:1:consent")
    await cycle_button_done(unit, query, "consent", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 42, "Voldoet de opname aan de regels &lt;van school&gt;?\n\n"
                                      "✅ Bo: Ja, de opname voldoet",
                              ((("🔊 Spraak en stilte", "cy:1:audio"),),))]


async def test_in_a_private_chat_or_for_a_phase_button_only_the_keyboard_changes() -> None:
    unit = _Unit()
    private = _pressed_on(_question(Chat(2, "private")), "cy:1:consent")
    assert await pressed_outcome(unit, private, "nl") is None  # type: ignore[arg-type]
    await cycle_button_done(unit, _press("cy:1:next"), "next", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 41, None, ())]


async def test_answering_whether_the_clip_shows_what_was_tried_keeps_bring_in_and_pass_on() -> None:
    """The 2nd cycle's announcement carries both questions: answering one leaves the other."""
    message = _message(43, [[("Ik breng in", "cy:7:accept"), ("Beurt doorgeven", "cy:7:swap")],
                            [("Ja", "cy:7:tried:yes"), ("Deels", "cy:7:tried:partly")]],
                       text="Bram is aan de beurt.")
    query = _pressed_on(message, "cy:7:tried:partly", "Bram")
    unit = _Unit()
    await cycle_button_done(unit, query, "tried", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 43, "Bram is aan de beurt.\n\n✅ Bram: Deels",
                              ((("Ik breng in", "cy:7:accept"),
                                ("Beurt doorgeven", "cy:7:swap")),))]


async def test_a_caption_or_a_question_at_the_length_limit_keeps_its_words() -> None:
    """A photo's caption cannot take the line, and a message already at Telegram's limit
    would have to lose its formatting: only the keyboard changes then."""
    unit = _Unit()
    photo = _message(44, CONSENT_ROWS, caption="Overzicht")
    long = _message(45, CONSENT_ROWS, text="x" * 4090)
    for message in (photo, long):
        assert await pressed_outcome(unit, _pressed_on(message, "cy:1:consent"),  # type: ignore[arg-type]
                                     "nl") is None
    query = _pressed_on(_message(46, CONSENT_ROWS, text="x" * 4000), "cy:1:consent")
    outcome = await pressed_outcome(unit, query, "nl")  # type: ignore[arg-type]
    assert (outcome or "").endswith("✅ Bo: Ja, de opname voldoet")


async def test_the_look_back_choice_is_not_shown_before_the_summary() -> None:
    """The inbrenger's pick is said once, in the summary: the peers give their own lines
    without it in front of them."""
    question = _message(47, [[("Wat zag je?", "cy:1:look:11")]],
                        text="Welke bijdrage hielp je het meest?")
    query = _pressed_on(question, "cy:1:look:11")
    unit = _Unit()
    await cycle_button_done(unit, query, "look", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 47, None, ())]


async def test_a_press_never_puts_back_a_button_a_retirement_already_took() -> None:
    """The previous prompt's "next" was retired (its record says so) but Telegram still showed
    it when "tips" was pressed: the press's edit keeps what the record keeps, not the old
    keyboard, so "next" does not come back."""
    unit = _Unit(_Records({41: '[[["Tips", "cy:1:tips"]]]'}))
    await cycle_button_done(unit, _press("cy:1:tips"), "tips", "nl")  # type: ignore[arg-type]
    assert unit.sent == [Edit(-5, 41, None, ())]
