"""Participation pictures for summaries: PNGs drawn with matplotlib.

An adapter like `bot/media/ffmpeg.py`: numbers and translated texts in, a PNG path out. The texts
come from the caller because all user-facing text lives in the catalogs.

Participation is a balance picture, never a leaderboard (SPEC section 5): members keep a fixed,
alphabetical order whatever their counts, and nothing is ranked or highlighted.

Only `matplotlib.figure.Figure` is used (no pyplot), so no figure registry, backend switch or
rcParams change leaks between calls or threads. Drawing takes a few hundred milliseconds:
call these from async code with `asyncio.to_thread`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Self

from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter

# Colour-blind-safe (Okabe-Ito); compensating is orange, not red: it is a cue, not a fault.
ACTIVATING_COLOR = "#009E73"
NEUTRAL_COLOR = "#BBBBBB"
COMPENSATING_COLOR = "#E69F00"
WELCOME_COLOR = "#56B4E9"  # tips the inbrenger asked for: not compensating
SPOKEN_COLOR = "#FFFFFF"  # voice notes nobody could read: hatched, of no known kind
_SPOKEN_HATCH = "///"
_NAME_LIMIT = 24
_TICK_NAME_LIMIT = 16  # eight points under a 7.5 inch axis (the caller shortens names)
_DPI = 100


@dataclass(frozen=True)
class ParticipationLabels:
    """Translated texts for `participation_chart`."""

    activating: str
    neutral: str
    compensating: str
    axis: str = ""  # under the count axis, e.g. "bijdragen"
    welcome: str = ""  # tips on request, e.g. "gevraagde tips"
    spoken: str = ""  # voice notes nobody could read, e.g. "spraakberichten (niet gelezen)"

    @classmethod
    def coerce(cls, labels: ParticipationLabels | Mapping[str, str]) -> Self:
        return labels if isinstance(labels, cls) else cls(**_known_fields(cls, labels))


@dataclass(frozen=True)
class TrendLabels:
    """Translated texts for `trend_chart`."""

    cycle: str  # the x axis, e.g. "cyclus"
    ratio: str  # the y axis, e.g. "activerende bijdragen"

    @classmethod
    def coerce(cls, labels: TrendLabels | Mapping[str, str]) -> Self:
        return labels if isinstance(labels, cls) else cls(**_known_fields(cls, labels))


def _known_fields(cls: type, labels: object) -> dict[str, str]:
    # Callers may pass a dict straight from the catalog; a missing key then fails loudly (a
    # TypeError from the dataclass) rather than as an empty legend in a coach's inbox.
    if not isinstance(labels, Mapping):
        raise TypeError(f"labels must be {cls.__name__} or a mapping")
    names = {f.name for f in fields(cls)}
    return {k: str(v) for k, v in labels.items() if k in names}


def _plain(text: str, limit: int | None = None) -> str:
    """Text as typed: names like "$ophie$" must not switch matplotlib to math mode."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("$", r"\$")


# (name, activating, neutral, compensating[, welcome tips, unread voice notes])
ParticipationRow = tuple[str, int, int, int] | tuple[str, int, int, int, int, int]


def participation_chart(
    rows: Sequence[ParticipationRow],
    out_path: str | os.PathLike[str],
    *,
    title: str,
    labels: ParticipationLabels | Mapping[str, str],
) -> Path:
    """Per member one horizontal bar of activating | neutral | compensating contributions,
    and where there are any, tips on request and voice notes nobody could read.

    `rows` are `(member_name, activating, neutral, compensating)`, optionally followed by
    `welcome, spoken`: every contribution is in the bar, so a member who only spoke does not
    look silent. Members are drawn in alphabetical order, top to bottom; a member without
    contributions keeps an empty row, because being quiet is part of the picture.
    """
    return _save(participation_figure(rows, title=title, labels=labels), out_path)


def participation_figure(
    rows: Sequence[ParticipationRow],
    *,
    title: str,
    labels: ParticipationLabels | Mapping[str, str],
) -> Figure:
    """The figure behind `participation_chart`, for tests and for other output formats."""
    texts = ParticipationLabels.coerce(labels)
    for name, *counts in rows:
        if any(c < 0 for c in counts):
            raise ValueError(f"negative count for {name!r}")
    ordered = sorted(rows, key=lambda row: (row[0].casefold(), row[0]))
    names = [_plain(row[0], _NAME_LIMIT) for row in ordered]
    # Per member the five counts; a row of four has no tips on request and no unread notes.
    per_member = [[int(c) for c in (*row[1:], 0, 0)[:5]] for row in ordered]

    height = 1.6 + 0.45 * max(len(ordered), 1)
    fig = Figure(figsize=(7.5, height), dpi=_DPI, layout="constrained")
    ax = fig.add_subplot()
    positions = list(range(len(ordered)))
    left = [0] * len(ordered)
    series = [
        (texts.activating, ACTIVATING_COLOR, 0),
        (texts.neutral, NEUTRAL_COLOR, 1),
        (texts.compensating, COMPENSATING_COLOR, 2),
    ]
    # The two kinds apart from the balance are drawn (and named) only when someone has them.
    series += [(label, color, column) for label, color, column in (
        (texts.welcome, WELCOME_COLOR, 3), (texts.spoken, SPOKEN_COLOR, 4))
        if any(member[column] for member in per_member)]
    for label, color, column in series:
        values = [member[column] for member in per_member]
        spoken = color == SPOKEN_COLOR
        bars = ax.barh(positions, values, left=left, color=color, height=0.6,
                       edgecolor="#777777" if spoken else "white", linewidth=0.8,
                       hatch=_SPOKEN_HATCH if spoken else None)
        # The count inside each segment, so nobody has to read the axis.
        ax.bar_label(bars, labels=[str(v) if v else "" for v in values], label_type="center",
                     fontsize=9, color="black")
        left = [a + b for a, b in zip(left, values, strict=True)]

    ax.set_yticks(positions, names)
    ax.invert_yaxis()  # first name at the top, like a list
    ax.set_xlim(0, max([*left, 1]) * 1.02)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    if texts.axis:
        ax.set_xlabel(_plain(texts.axis))
    ax.set_title(_plain(title), loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    # Handles built by hand so the legend keeps its colours even without any bars.
    handles = [Patch(facecolor=color, label=_plain(label),
                     hatch=_SPOKEN_HATCH if color == SPOKEN_COLOR else None,
                     edgecolor="#777777" if color == SPOKEN_COLOR else None)
               for label, color, _ in series]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3),
               frameon=False)
    return fig


# (the group's cycle count, share 0..1[, whose cycle it was, e.g. "Bram (3)"])
TrendPoint = tuple[int, float] | tuple[int, float, str]


def trend_chart(
    points: Mapping[int, float] | Iterable[TrendPoint],
    out_path: str | os.PathLike[str],
    *,
    title: str,
    labels: TrendLabels | Mapping[str, str],
) -> Path:
    """The group's share of activating contributions per cycle (cycle number -> 0..1), each
    point named under the axis with whose cycle it was where the points say so."""
    return _save(trend_figure(points, title=title, labels=labels), out_path)


def trend_figure(
    points: Mapping[int, float] | Iterable[TrendPoint],
    *,
    title: str,
    labels: TrendLabels | Mapping[str, str],
) -> Figure:
    """The figure behind `trend_chart`."""
    texts = TrendLabels.coerce(labels)
    given = points.items() if isinstance(points, Mapping) else points
    named = sorted((int(p[0]), float(p[1]), str(p[2]) if len(p) > 2 else "")
                   for p in given)
    for cycle, ratio, _ in named:
        if not (math.isfinite(ratio) and 0.0 <= ratio <= 1.0):
            raise ValueError(f"ratio for cycle {cycle} must lie in 0..1, got {ratio!r}")

    fig = Figure(figsize=(7.5, 3.6), dpi=_DPI, layout="constrained")
    ax = fig.add_subplot()
    if named:
        cycles, ratios, whose = zip(*named, strict=True)
        # Not clipped at the axes: a point at 100% is drawn whole.
        ax.plot(cycles, ratios, marker="o", color=ACTIVATING_COLOR, linewidth=2, clip_on=False)
        ax.set_xlim(min(cycles) - 0.5, max(cycles) + 0.5)
        if any(whose):  # under each point: the group's count, then whose cycle it was
            ax.set_xticks(cycles, [f"{cycle}\n{_plain(name, _TICK_NAME_LIMIT)}" if name
                                   else str(cycle) for cycle, name in zip(cycles, whose,
                                                                         strict=True)],
                          fontsize=8)
        else:
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    # Room above 100% and below 0%, so a marker there is not cut in half by the frame.
    ax.set_ylim(-0.04, 1.06)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax.grid(axis="y", alpha=0.3)
    ax.set_xlabel(_plain(texts.cycle))
    ax.set_ylabel(_plain(texts.ratio))
    ax.set_title(_plain(title), loc="left")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return fig


def _save(fig: Figure, out_path: str | os.PathLike[str]) -> Path:
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="png", dpi=_DPI, facecolor="white")
    fig.clear()  # a Figure outside pyplot is freed with its last reference; drop artists now
    return out
