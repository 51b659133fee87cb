"""What the bot says with the clip's speech-and-silence timeline (SPEC 4b), from plain numbers:
the bot analyses the sound (bot/media/sound.py) and passes the figures here, so the words are
chosen where the practice lives. Time stamps are m:ss like /pause and the storyboard, so "the
pause at 1:23" is the still at 1:23."""
from __future__ import annotations

from collections.abc import Iterable, Mapping

from flows.classifier.timestamps import clock
from flows.effects import Text, text

MIN_PAUSE = 3.0  # seconds of silence worth showing: wait time, not a breath
MOST_PAUSES = 10  # listed one per line; more would bury the conversation
PROBLEMS = ("no_audio", "silent")


def sound_report(*, duration: float = 0.0, pauses: Iterable[tuple[float, float]] = (),
                 speech_share: float = 0.0, problem: str | None = None,
                 min_pause: float = MIN_PAUSE,
                 named_moments: Iterable[float] = ()) -> tuple[Text, ...]:
    """The texts under the timeline: the share of the clip with speech, the pauses (the
    analyser's, each at least `min_pause` seconds) with their m:ss, and an invitation to look
    at them together. A
    clip without sound (`problem` "no_audio") or without speech ("silent") gets a kind answer
    instead (any other problem is said as "silent": nothing to show)."""
    if problem is not None:
        return (text("sound.no_audio" if problem == "no_audio" else "sound.silent"),)
    long_pauses = sorted((float(start), float(end)) for start, end in pauses)
    seconds = _seconds(min_pause)
    lines: list[Text] = [
        text("sound.title", length=clock(int(duration))),
        text("sound.speech_share", percent=round(max(0.0, min(1.0, speech_share)) * 100)),
    ]
    if not long_pauses:
        lines.append(text("sound.no_pauses", seconds=seconds))
    else:
        shown = long_pauses[:MOST_PAUSES]
        # The length is the difference of the marks shown (whole seconds, as the picture and
        # /pause have them): "0:06–0:11 (4 s)" made teachers count 5 and doubt both.
        listed = tuple(text("sound.pause_line", start=clock(int(start)), end=clock(int(end)),
                            seconds=int(end) - int(start)) for start, end in shown)
        lines.append(text("sound.pauses", count=len(long_pauses), seconds=seconds,
                          lines=listed))
        if len(long_pauses) > len(shown):
            lines.append(text("sound.more_pauses", count=len(long_pauses) - len(shown)))
    named = sorted({int(moment) for moment in named_moments})
    if named:
        lines.append(text("sound.named", times=", ".join(clock(m) for m in named)))
    if long_pauses:
        lines.append(text("sound.look_together", time=clock(int(long_pauses[0][0]))))
    return tuple(lines)


def timeline_labels(min_pause: float = MIN_PAUSE) -> Mapping[str, Text]:
    """The timeline picture's texts by the names of bot.media.timeline.TimelineLabels
    (speech, silence, pause, named, axis): render each and pass them to `timeline_chart`."""
    return {"speech": text("sound.label.speech"), "silence": text("sound.label.silence"),
            "pause": text("sound.label.pause", seconds=_seconds(min_pause)),
            "named": text("sound.label.named"), "axis": text("sound.label.axis")}


def timeline_title() -> Text:
    return text("sound.timeline_title")


def timeline_caption() -> Text:
    return text("sound.caption")


def _seconds(value: float) -> int | float:
    """3.0 -> 3 (said as "3 s"), 2.5 stays 2.5."""
    return int(value) if float(value).is_integer() else value
