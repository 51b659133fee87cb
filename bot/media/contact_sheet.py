"""The storyboard's picture: stills in a grid, each with its time stamp (matplotlib)."""
from __future__ import annotations

import math
from pathlib import Path

_SHEET_BACKGROUND = "#202020"
_GAP = 6  # px between tiles and around the sheet


def compose(tiles: list[Path], labels: list[str], out: Path, columns: int) -> None:
    """Tiles in a grid with each one's label (m:ss) on it, saved as PNG or JPEG by suffix.

    Figure (not pyplot) keeps no global state, so this is safe in a worker thread."""
    import matplotlib.image as mpimg
    from matplotlib.figure import Figure

    images = [mpimg.imread(tile) for tile in tiles]
    tile_h, tile_w = images[0].shape[:2]
    columns = min(columns, len(images))
    rows = math.ceil(len(images) / columns)
    sheet_w = columns * tile_w + (columns + 1) * _GAP
    sheet_h = rows * tile_h + (rows + 1) * _GAP
    dpi = 100
    fig = Figure(figsize=(sheet_w / dpi, sheet_h / dpi), dpi=dpi, facecolor=_SHEET_BACKGROUND)
    for i, (image, label) in enumerate(zip(images, labels, strict=True)):
        row, col = divmod(i, columns)
        left = _GAP + col * (tile_w + _GAP)
        top = _GAP + row * (tile_h + _GAP)
        ax = fig.add_axes(
            (left / sheet_w, 1 - (top + tile_h) / sheet_h, tile_w / sheet_w, tile_h / sheet_h)
        )
        ax.imshow(image, aspect="auto", interpolation="bilinear")
        ax.set_axis_off()
        ax.text(
            0.03, 0.05, label, transform=ax.transAxes, color="white", fontsize=11,
            fontweight="bold", va="bottom", ha="left",
            bbox={"facecolor": "black", "alpha": 0.65, "edgecolor": "none", "pad": 2},
        )
    fmt = "jpeg" if out.suffix.lower() in (".jpg", ".jpeg") else "png"
    fig.savefig(out, format=fmt, dpi=dpi, facecolor=_SHEET_BACKGROUND)
