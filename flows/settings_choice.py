"""The settings as buttons: under /settings (nudging, delivery, language) and under a new
group's /setup (language and a few common time zones), each value in the group's language,
the current one marked. Pressing one is the same change as `/settings name value`."""
from __future__ import annotations

import json
from dataclasses import asdict

from flows.callbacks import SettingButton, mark_of
from flows.effects import Button, Keyboard, Text, text
from flows.model import NudgeDelivery, NudgeMode, Settings

# The zones offered at /setup: the Netherlands and Flanders, and the Dutch-speaking Caribbean
# and Suriname; any other zone is typed (/setup nl Europe/Berlin).
COMMON_ZONES = ("Europe/Amsterdam", "Europe/Brussels", "America/Paramaribo", "America/Curacao",
                "Europe/London")
SETTINGS_VIEW, SETUP_VIEW = "s", "u"


def value_text(name: str, value: str) -> Text:
    """A setting's value in words ("zacht", "gentle"); a time zone is its own name."""
    if name == "timezone":
        return text("choice.zone", zone=value)
    return text(f"choice.{name}.{value}")


def settings_mark(settings: Settings) -> str:
    """A short mark of all the settings, carried by their buttons: a press on a message that
    showed other settings than those of now (another admin changed one since) is told so
    rather than undoing that change unseen."""
    return mark_of(json.dumps(asdict(settings), sort_keys=True, default=str))


def _option(group_id: int, view: str, name: str, value: str, current: str,
            mark: str) -> Button:
    key = "choice.chosen" if value == current else "choice.option"
    return Button(text(key, value=value_text(name, value)),
                  SettingButton(group_id, view, name, value, mark).pack())


def _row(group_id: int, view: str, name: str, values: tuple[str, ...],
         current: str, mark: str) -> tuple[Button, ...]:
    return tuple(_option(group_id, view, name, v, current, mark) for v in values)


def settings_keyboard(settings: Settings, group_id: int) -> Keyboard:
    mark = settings_mark(settings)
    return (
        _row(group_id, SETTINGS_VIEW, "nudging", tuple(m.value for m in NudgeMode),
             settings.nudging.value, mark),
        _row(group_id, SETTINGS_VIEW, "delivery", tuple(d.value for d in NudgeDelivery),
             settings.nudge_delivery.value, mark),
        _row(group_id, SETTINGS_VIEW, "language", ("nl", "en"), settings.language, mark),
    )


def setup_keyboard(settings: Settings, group_id: int) -> Keyboard:
    zones = COMMON_ZONES if settings.timezone in COMMON_ZONES \
        else (settings.timezone, *COMMON_ZONES[:-1])
    mark = settings_mark(settings)
    rows = [_row(group_id, SETUP_VIEW, "language", ("nl", "en"), settings.language, mark)]
    rows += [_row(group_id, SETUP_VIEW, "timezone", zones[i:i + 2], settings.timezone, mark)
             for i in range(0, len(zones), 2)]
    return tuple(rows)


def setup_choice(settings: Settings) -> Text:
    """The words above the /setup buttons."""
    return text("choice.setup", language=value_text("language", settings.language),
                timezone=settings.timezone)
