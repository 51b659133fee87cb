"""bot/media/timeline.py: the speech and silence timeline as a PNG, with m:ss marks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import matplotlib.image as mpimg
import numpy as np
import pytest

from bot.media.sound import Segment, SoundProfile
from bot.media.timeline import (
    PAUSE_COLOR,
    TimelineLabels,
    tick_step,
    timeline_chart,
    timeline_figure,
)
from flows.classifier.timestamps import clock

LABELS = TimelineLabels(speech="spraak", silence="stilte", pause="pauze van 3 s of langer",
                        named="genoemd", axis="tijd in de clip")
PROFILE = SoundProfile(
    duration=95.0,
    speech=(Segment(2.0, 20.0), Segment(24.5, 60.0), Segment(61.0, 83.0)),
    pauses=(Segment(0.0, 2.0), Segment(20.0, 24.5), Segment(83.0, 95.0)),
    speech_share=0.79,
    detector="webrtcvad",
)


def test_importing_the_media_adapters_costs_no_matplotlib() -> None:
    code = ("import sys, bot.media.ffmpeg, bot.media.sound, bot.media.timeline, "
            "bot.media.transcribe; print('matplotlib' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.strip() == "False"


def test_the_timeline_is_a_png(tmp_path: Path) -> None:
    out = timeline_chart(PROFILE, tmp_path / "sub" / "t.png", title="Spraak en stilte",
                         labels=LABELS, named_moments=[22.0, 70.5])
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    height, width = mpimg.imread(out).shape[:2]
    assert width >= 800 and height >= 250


def test_time_marks_are_the_same_m_ss_as_pause_and_the_storyboard() -> None:
    fig = timeline_figure(PROFILE, title="t", labels=LABELS)
    fig.canvas.draw()
    ax = fig.axes[0]
    marks = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert marks == [clock(s) for s in range(0, 91, 10)]  # 0:00, 0:10 ... 1:30


def test_pauses_are_highlighted_with_their_time_stamps() -> None:
    ax = timeline_figure(PROFILE, title="t", labels=LABELS).axes[0]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["0:00–0:02", "0:20–0:24", "1:23–1:35"]
    pause_bars = [c for c in ax.collections
                  if tuple(np.asarray(c.get_facecolor())[0][:3]) == pytest.approx(_rgb(PAUSE_COLOR))]
    assert len(pause_bars) == 1 and len(pause_bars[0].get_paths()) == 3


def test_named_moments_get_a_marker_and_their_time() -> None:
    ax = timeline_figure(PROFILE, title="t", labels=LABELS,
                         named_moments=[70.5, 22.0, 400.0]).axes[0]
    assert [np.asarray(line.get_xdata())[0] for line in ax.lines] == [22.0, 70.5]  # outside the clip: gone
    assert "1:10" in [t.get_text() for t in ax.texts]


def test_all_words_come_from_the_caller() -> None:
    fig = timeline_figure(PROFILE, title="Wachttijd $1", labels={
        "speech": "speech", "silence": "silence", "pause": "pause", "named": "named",
        "axis": "time"},
        named_moments=[5.0])
    fig.canvas.draw()
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert legend == ["speech", "silence", "pause", "named"]
    assert fig.axes[0].get_xlabel() == "time"
    assert fig.axes[0].get_title(loc="left") == r"Wachttijd \$1"
    with pytest.raises(TypeError):
        timeline_figure(PROFILE, title="t", labels={"speech": "s"})


def test_tick_steps_fit_the_clip() -> None:
    assert tick_step(20) == 5
    assert tick_step(95) == 10
    assert tick_step(600) == 60
    assert tick_step(1800) == 300


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]
