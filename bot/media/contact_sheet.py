"""The storyboard's picture as ffmpeg filters: tiles in a grid, each with its time stamp.

One ffmpeg run makes the whole sheet (`tile`), labels drawn by `drawtext`; this module only
builds the filter text, `ffmpeg.storyboard` runs it. Two ways to pick the frames:

- `keyframe_filter`: decode keyframes only (`-skip_frame nokey`) and take the first keyframe at
  or after each moment. Phones write a keyframe every second or two, so this is fast and each
  tile's label is the frame's own time (m:ss of its second, which `/pause` shows too).
- `exact_filter`: one input-seek per moment (`-ss T -i clip` N times), for clips with too few
  keyframes (a short clip, a screen recording); the label is the moment asked.
"""
from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from pathlib import Path

BACKGROUND = "0x202020"
GAP = 6  # px between tiles and around the sheet
_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_FONT_NAME = "DejaVuSans-Bold.ttf"


def font_file() -> Path | None:
    """A bold sans font for the labels: the system's DejaVu, else the copy inside matplotlib
    (a dependency: found without importing it). None lets ffmpeg's fontconfig choose."""
    candidates = [Path(d) / _FONT_NAME for d in _FONT_DIRS]
    spec = importlib.util.find_spec("matplotlib")
    for location in (spec.submodule_search_locations or []) if spec else []:
        candidates.append(Path(location) / "mpl-data" / "fonts" / "ttf" / _FONT_NAME)
    return next((c for c in candidates if c.is_file()), None)


def _label(text: str, width: int) -> str:
    """drawtext at the tile's bottom left; `text` is already escaped for drawtext."""
    font = font_file()
    fontfile = f"fontfile='{_escape_path(font)}':" if font else ""
    size = max(10, round(width / 20))
    return (f"drawtext={fontfile}text='{text}':x={size // 2}:y=h-th-{size // 2}:"
            f"fontsize={size}:fontcolor=white:box=1:boxcolor=black@0.65:"
            f"boxborderw={max(2, size // 5)}")


def _escape_path(path: Path) -> str:
    return str(path).replace("\\", "\\\\").replace(":", "\\:").replace("'", "")


def _tile(count: int, columns: int) -> str:
    columns = min(columns, count)
    rows = -(-count // columns)
    return f"tile={columns}x{rows}:padding={GAP}:margin={GAP}:color={BACKGROUND}"


def keyframe_select(times: Sequence[float]) -> str:
    """A `select` expression: the first frame at or after each moment, each frame once."""
    previous = "if(isnan(prev_selected_t),-1,prev_selected_t)"
    return "+".join(f"gte(t,{t:.3f})*lt({previous},{t:.3f})" for t in times)


def keyframe_filter(times: Sequence[float], columns: int, width: int) -> str:
    """-vf for `ffmpeg -skip_frame nokey -i clip`; `showinfo` logs which frames were taken."""
    # m:ss of the frame's own time, the way flows.classifier.timestamps.clock writes it.
    stamp = r"%{eif\:trunc(t/60)\:d}\:%{eif\:mod(trunc(t)\,60)\:d\:2}"
    return (f"select='{keyframe_select(times)}',showinfo,scale={width}:-2,format=rgb24,"
            f"{_label(stamp, width)},{_tile(len(times), columns)}")


def exact_filter(labels: Sequence[str], columns: int, width: int) -> str:
    """-filter_complex for N inputs each seeked to its moment: first frame of each, tiled."""
    chains = [f"[{i}:v:0]trim=end_frame=1,setpts=N/TB,scale={width}:-2,format=rgb24,"
              f"{_label(label.replace(':', chr(92) + ':'), width)}[t{i}]"
              for i, label in enumerate(labels)]
    joined = "".join(f"[t{i}]" for i in range(len(labels)))
    return ";".join(chains) + (f";{joined}concat=n={len(labels)}:v=1:a=0,"
                               f"{_tile(len(labels), columns)}[sheet]")
