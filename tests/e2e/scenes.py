"""Small scenes the end-to-end tests are made of; they live in `fake_telegram.scenes`, shared
with the measurement scripts in benchmarks/."""
from __future__ import annotations

from fake_telegram.scenes import (
    MOVE_LINE,
    NEXT_HEADING,
    QUESTION,
    TALK,
    Cycle,
    button_data,
    buttons,
    click_and_wait,
    db_rows,
    has_button,
    into_reality,
    make_clip,
    set_up_group,
)

__all__ = ["MOVE_LINE", "NEXT_HEADING", "QUESTION", "TALK", "Cycle", "button_data", "buttons",
           "click_and_wait", "db_rows", "has_button", "into_reality", "make_clip",
           "set_up_group"]
