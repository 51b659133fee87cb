"""One typed scheme for every button: what a button packs it unpacks to, within Telegram's
64 bytes, and forged or old data parses to nothing instead of raising."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from flows.callbacks import (
    AgreeButton,
    CycleButton,
    ForgetButton,
    PersonButton,
    StillButton,
    parse,
)


@pytest.mark.parametrize("button", [
    CycleButton(12, "next"), CycleButton(12, "look", "3"), CycleButton(9, "commit", "4512"),
    StillButton(7, 83), AgreeButton(4), ForgetButton("yes", 1001, 1796500000),
    ForgetButton("yes", 7_000_000_001, 1796500000, 42),
    PersonButton(3, "cycle", 7_000_000_001), PersonButton(3, "uncoach", 21),
    PersonButton(3, "swap", 7_000_000_001, 123_456_789),
])
def test_every_button_comes_back_as_it_was_packed(button: object) -> None:
    packed = button.pack()  # type: ignore[attr-defined]
    assert len(packed.encode()) <= 64 and parse(packed) == button


@pytest.mark.parametrize("data", [
    None, "", "cy", "cy:²:next", "cy:12", "cy:x:next", "cy:12:ne xt", "agree:x", "agree:",
    "agree:٣", "forget:maybe", "forget:yes:1:x", "forget:yes:²:1", "still:a", "still:1:2:3",
    "forget:yes:1:2:x", "forget:yes:1:2:3:4",  # a group that is no number, or a part too many
    "unknown:1", "checkin:yes", "x" * 200, "who:1:kick:2", "who:1:cycle", "who:x:cycle:2",
    "who:1:swap:2:x",  # a swap's cycle that is no number: not a swap "of no cycle"
    "agree:" + "9" * 20, "who:1:cycle:" + "9" * 20,  # no id SQLite could even look up
])
def test_forged_or_broken_data_is_nothing_and_never_raises(data: str | None) -> None:
    assert parse(data) is None


def test_a_still_button_from_before_cycle_ids_means_the_open_cycle() -> None:
    assert parse("still:83") == StillButton(None, 83)


def test_a_forget_button_from_before_groups_were_chosen_means_everything() -> None:
    """Review ux21: /forget now offers one group's erase; an older "yes" erased everything."""
    assert parse("forget:yes:3:1796500000") == ForgetButton("yes", 3, 1796500000, 0)
    assert ForgetButton("yes", 3, 1796500000).pack() == "forget:yes:3:1796500000"


def test_too_long_data_is_refused_when_packed() -> None:
    with pytest.raises(ValueError):
        CycleButton(1, "look", "x" * 80).pack()


def test_a_forget_confirmation_goes_stale_after_a_quarter_of_an_hour() -> None:
    now = datetime(2026, 12, 6, 10, 0, tzinfo=UTC)
    fresh = ForgetButton("yes", 1, int(now.timestamp()))
    assert not fresh.is_stale(now + timedelta(minutes=14))
    assert fresh.is_stale(now + timedelta(minutes=16))
    # Dated ahead (forged, or the clock was set back since): no longer-lasting for that.
    assert fresh.is_stale(now - timedelta(minutes=16))
