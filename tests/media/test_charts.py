"""bot/media/charts.py: PNGs of participation as a balance picture, and the activating trend."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import matplotlib
import matplotlib.image as mpimg
import pytest
from matplotlib import _pylab_helpers

from bot.engine.coach_reports import coach_charts
from bot.media.charts import (
    ParticipationLabels,
    TrendLabels,
    participation_chart,
    participation_figure,
    trend_chart,
    trend_figure,
)
from flows.cycle.model import VOICE, ContributionRef, Cycle, CycleContext
from flows.model import Group, Member, Phase, Settings

LABELS = {"activating": "activerend", "neutral": "neutraal", "compensating": "compenserend",
          "axis": "bijdragen"}
# The busiest member is listed last on purpose: the chart must not move her up.
ROWS = [("Zoë", 9, 1, 0), ("anna", 1, 2, 4), ("Bram", 0, 0, 0), ("Dirk", 3, 0, 1)]


def _is_png(path: Path) -> bool:
    return path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_participation_chart_is_a_png(tmp_path: Path) -> None:
    out = participation_chart(ROWS, tmp_path / "sub" / "p.png", title="Deelname", labels=LABELS)
    assert _is_png(out)
    height, width = mpimg.imread(out).shape[:2]
    assert width >= 600 and height >= 200


def test_members_stay_in_alphabetical_order_whatever_their_counts() -> None:
    fig = participation_figure(ROWS, title="Deelname", labels=LABELS)
    ax = fig.axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["anna", "Bram", "Dirk", "Zoë"]
    assert ax.yaxis_inverted()  # first name on top, read like a list
    # Same order for more activating counts: the input's order and scores do not matter.
    swapped = [(n, 0, 0, 0) if n == "Zoë" else (n, 20, 0, 0) for n, *_ in ROWS]
    fig = participation_figure(swapped[::-1], title="Deelname", labels=LABELS)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == names


def test_each_bar_shows_the_members_own_counts() -> None:
    ax = participation_figure(ROWS, title="Deelname", labels=LABELS).axes[0]
    activating, neutral, compensating = ax.containers
    widths = {
        name: (activating[i].get_width(), neutral[i].get_width(), compensating[i].get_width())
        for i, name in enumerate(["anna", "Bram", "Dirk", "Zoë"])
    }
    assert widths == {"anna": (1, 2, 4), "Bram": (0, 0, 0), "Dirk": (3, 0, 1), "Zoë": (9, 1, 0)}
    legend = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert legend == ["activerend", "neutraal", "compenserend"]


def test_names_are_shown_as_typed_not_as_math() -> None:
    fig = participation_figure([("$ophie$", 1, 0, 0)], title="Groep $1", labels=LABELS)
    fig.canvas.draw()  # would raise on unbalanced mathtext
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == [r"\$ophie\$"]


def test_empty_participation_still_draws(tmp_path: Path) -> None:
    labels = ParticipationLabels("a", "n", "c")
    assert _is_png(participation_chart([], tmp_path / "e.png", title="Leeg", labels=labels))


def test_bad_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TypeError):
        participation_chart(ROWS, tmp_path / "x.png", title="t", labels={"activating": "a"})
    with pytest.raises(ValueError):
        participation_chart([("a", -1, 0, 0)], tmp_path / "x.png", title="t", labels=LABELS)
    with pytest.raises(ValueError):
        trend_chart({1: 1.5}, tmp_path / "x.png", title="t", labels={"cycle": "c", "ratio": "r"})


def test_trend_chart_sorts_cycles_and_keeps_ratios(tmp_path: Path) -> None:
    labels = TrendLabels(cycle="cyclus", ratio="activerend")
    out = trend_chart({3: 0.7, 1: 0.4, 2: 0.55}, tmp_path / "t.png", title="Trend", labels=labels)
    assert _is_png(out)
    line = trend_figure([(3, 0.7), (1, 0.4), (2, 0.55)], title="Trend", labels=labels).axes[0]
    x, y = line.lines[0].get_data()
    assert list(x) == [1, 2, 3] and list(y) == [0.4, 0.55, 0.7]  # type: ignore[arg-type]
    assert line.get_ylim()[0] < 0 and line.get_ylim()[1] > 1  # room for a point at 0 or 100%
    assert _is_png(trend_chart([], tmp_path / "e.png", title="Leeg", labels=labels))


def test_each_trend_point_says_whose_cycle_it_was_and_100_percent_is_drawn_whole(
        tmp_path: Path) -> None:
    """UX review 7: the trend numbered the group's cycles 3 … 10 while the summaries said
    "Bram's cycle 3", and its 100% marker was cut in half by the top of the frame."""
    labels = TrendLabels(cycle="cyclus van de groep", ratio="activerend")
    points = [(9, 0.86, "Anna (3)"), (10, 1.0, "Bram (3)")]
    ax = trend_figure(points, title="Trend", labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["9\nAnna (3)", "10\nBram (3)"]
    assert ax.get_ylim()[1] > 1 and not ax.lines[0].get_clip_on()
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "100%"  # no 110% tick
    assert _is_png(trend_chart(points, tmp_path / "t.png", title="Trend", labels=labels))
    plain = trend_figure([(9, 0.86), (10, 1.0)], title="Trend", labels=labels).axes[0]
    assert not any("\n" in t.get_text() for t in plain.get_xticklabels())  # an older chart


def test_charts_leave_no_global_matplotlib_state(tmp_path: Path) -> None:
    backend = matplotlib.get_backend()
    params = dict(matplotlib.rcParams)
    open_figures = _pylab_helpers.Gcf.get_num_fig_managers()
    participation_chart(ROWS, tmp_path / "p.png", title="t", labels=LABELS)
    trend_chart({1: 0.5}, tmp_path / "t.png", title="t", labels={"cycle": "c", "ratio": "r"})
    assert _pylab_helpers.Gcf.get_num_fig_managers() == open_figures
    assert matplotlib.get_backend() == backend
    assert dict(matplotlib.rcParams) == params


def test_the_coachs_chart_has_every_contribution_spoken_and_welcome_ones_too() -> None:
    """Cato typed two questions and sent two voice notes nobody could read; Daan only spoke;
    Bram gave a tip after the inbrenger asked for tips. Nobody looks silent."""
    now = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
    members = (Member(1, "Anna"), Member(2, "Bram"), Member(3, "Cato"), Member(4, "Daan"))
    said = (ContributionRef(1, 3, "reality", "Wat zag je?", "open_question", 11),
            ContributionRef(2, 3, "reality", "Wat wil je?", "open_question", 12),
            ContributionRef(3, 3, "reality", "", VOICE, 13, VOICE, 5),
            ContributionRef(4, 3, "options", "", VOICE, 14, VOICE, 5),
            ContributionRef(5, 4, "options", "", VOICE, 15, VOICE, 9),
            ContributionRef(6, 2, "options", "Doe het zo.", "tip", 16))
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, now, welcome_tips=frozenset({16}))
    ctx = CycleContext(cycle, Settings(), members, now, said)
    chart = coach_charts(100, ctx, Group(1, -5, title="Groep"), (), "nl")[0]
    ax = participation_figure(chart.data, title=chart.title, labels=chart.labels).axes[0]
    names = [t.get_text() for t in ax.get_yticklabels()]
    totals = {name: sum(bars[i].get_width() for bars in ax.containers)
              for i, name in enumerate(names)}
    assert totals == {"Bram": 1, "Cato": 4, "Daan": 1}
    legend = [t.get_text() for t in ax.figure.legends[0].get_texts()]
    assert legend[-2:] == ["gevraagde tips", "spraakberichten, niet gelezen"]
