"""How bot/engine/effects.py turns a flow's decision into what Telegram shows: button labels
are plain text (Telegram shows a label as it is, so the HTML escaping of the message texts
would show as `&amp;` or `&#x27;` on the button)."""
from __future__ import annotations

from bot.engine.effects import buttons
from flows.effects import Button, text


def test_a_look_back_button_quotes_a_contribution_as_it_was_written() -> None:
    said = "Tim & Sam's \"stille\" minuut <1:20>"
    [[(label, data)]] = buttons("nl", ((Button(text("cycle.button.lookback_option",
                                                     quote=said), "cy:1:look:5"),),))
    assert said in label, label
    assert data == "cy:1:look:5"
