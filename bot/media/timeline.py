"""The clip's speech and silence as a timeline picture (SPEC 4b): a PNG drawn with matplotlib.

An adapter like `charts.py`: a `SoundProfile` and translated texts in, a PNG path out. Time marks
are `clock`'s m:ss, the same as /pause, the stills and the storyboard tiles, so
"the pause at 1:23" on the picture is the still at 1:23.

matplotlib is imported inside the functions: importing `bot.media` (for a probe or a still)
costs no matplotlib. Drawing takes a few hundred milliseconds: call `timeline_chart` with
`asyncio.to_thread`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Self

from bot.media.sound import SoundProfile
from flows.classifier.timestamps import clock

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Okabe-Ito like charts.py: speech green, the long pauses orange (a cue to look, not a fault).
SPEECH_COLOR = "#009E73"
SILENCE_COLOR = "#E8E8E8"
PAUSE_COLOR = "#E69F00"
NAMED_COLOR = "#0072B2"
_DPI = 100
_TICK_STEPS = (5, 10, 15, 30, 60, 120, 300, 600)  # seconds; marks land on whole m:ss


@dataclass(frozen=True)
class TimelineLabels:
    """Translated texts for `timeline_chart` (from the catalogs)."""

    speech: str  # legend, e.g. "spraak"
    silence: str  # legend, e.g. "stilte"
    pause: str  # legend of the highlighted pauses, e.g. "pauze van 3 s of langer"
    named: str = ""  # legend of the members' time stamps, e.g. "genoemd in het gesprek"
    axis: str = ""  # under the time axis, e.g. "tijd in de clip"

    @classmethod
    def coerce(cls, labels: TimelineLabels | Mapping[str, str]) -> Self:
        if isinstance(labels, cls):
            return labels
        if not isinstance(labels, Mapping):
            raise TypeError(f"labels must be {cls.__name__} or a mapping")
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v) for k, v in labels.items() if k in names})


def tick_step(duration: float, most: int = 12) -> int:
    """Seconds between time marks: the smallest step that gives at most `most` marks."""
    return next((s for s in _TICK_STEPS if duration / s <= most), _TICK_STEPS[-1])


def timeline_chart(
    profile: SoundProfile,
    out_path: str | os.PathLike[str],
    *,
    title: str,
    labels: TimelineLabels | Mapping[str, str],
    named_moments: Sequence[float] = (),
) -> Path:
    """Speech and silence along the clip, the pauses of `profile.min_pause` s or more
    highlighted with their m:ss, and markers at `named_moments` (seconds members named)."""
    fig = timeline_figure(profile, title=title, labels=labels, named_moments=named_moments)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="png", dpi=_DPI, facecolor="white")
    fig.clear()
    return out


def timeline_figure(
    profile: SoundProfile,
    *,
    title: str,
    labels: TimelineLabels | Mapping[str, str],
    named_moments: Sequence[float] = (),
) -> Figure:
    """The figure behind `timeline_chart`, for tests."""
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.ticker import FixedLocator, FuncFormatter

    texts = TimelineLabels.coerce(labels)
    duration = profile.duration
    if not (math.isfinite(duration) and duration > 0):
        raise ValueError("a timeline needs a clip duration > 0")
    moments = sorted(t for t in named_moments if math.isfinite(t) and 0 <= t <= duration)

    fig = Figure(figsize=(9.0, 2.9), dpi=_DPI, layout="constrained")
    ax = fig.add_subplot()
    ax.broken_barh([(0, duration)], (0, 1), facecolors=SILENCE_COLOR)
    ax.broken_barh([(p.start, p.duration) for p in profile.pauses], (0, 1),
                   facecolors=PAUSE_COLOR, alpha=0.55)
    ax.broken_barh([(s.start, s.duration) for s in profile.speech], (0.2, 0.6),
                   facecolors=SPEECH_COLOR)
    for i, pause in enumerate(profile.pauses):
        # Alternate heights so neighbouring pauses' time stamps do not overlap.
        ax.annotate(f"{clock(pause.start)}–{clock(pause.end)}",
                    xy=((pause.start + pause.end) / 2, 1.0), xytext=(0, 4 + 12 * (i % 2)),
                    textcoords="offset points", ha="center", va="bottom", fontsize=8,
                    color="#8A5A00")
    for t in moments:
        ax.axvline(t, color=NAMED_COLOR, linestyle="--", linewidth=1.2)
        ax.annotate(clock(t), xy=(t, 0.0), xytext=(0, -2), textcoords="offset points",
                    ha="center", va="top", fontsize=8, color=NAMED_COLOR)

    ax.set_xlim(0, duration)
    ax.set_ylim(0, 1.55)
    ax.set_yticks([])
    ax.xaxis.set_major_locator(FixedLocator(range(0, int(duration) + 1, tick_step(duration))))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: clock(x)))
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")
    for side in ("left", "right", "bottom"):
        ax.spines[side].set_visible(False)
    if texts.axis:
        ax.set_xlabel(_plain(texts.axis))
    ax.set_title(_plain(title), loc="left")
    handles = [Patch(facecolor=SPEECH_COLOR, label=_plain(texts.speech)),
               Patch(facecolor=SILENCE_COLOR, label=_plain(texts.silence)),
               Patch(facecolor=PAUSE_COLOR, alpha=0.55, label=_plain(texts.pause))]
    if moments and texts.named:
        handles.append(Patch(facecolor=NAMED_COLOR, label=_plain(texts.named)))
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)
    return fig


def _plain(text: str) -> str:
    """Text as typed: a "$" must not switch matplotlib to math mode."""
    return text.replace("$", r"\$")
