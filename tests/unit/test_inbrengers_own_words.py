"""UX review 10: in Mohamed's own cycle the summary held no word of his but the commitment.
His goal ("Sorry, even typen: als minstens de helft ...") was labelled `other`, and his
Reality was a voice note nobody could read. The goal keeps the inbrenger's most substantial
message; their voice notes are shown by their length, as the look back shows them."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from flows.catalog import render_all
from flows.cycle.model import VOICE, ContributionRef, Cycle, CycleContext
from flows.model import Member, Phase, Settings
from flows.reports.coach_summary import coach_summary
from flows.reports.group_summary import group_summary

NOW = datetime(2026, 12, 8, 15, 30, tzinfo=UTC)
SANNE, MOHAMED, FLEUR = 11, 12, 13
PEOPLE = (Member(SANNE, "Sanne", agreed=True), Member(MOHAMED, "Mohamed", agreed=True),
          Member(FLEUR, "Fleur", agreed=True))
CYCLE = Cycle(2, 1, MOHAMED, 1, Phase.CLOSED, NOW, learning_question="Hoe krijg ik iedereen "
              "aan het woord in de kring?", commitment="Een praatsteen laten rondgaan")
GOAL = "Sorry, even typen: als minstens de helft van de kring iets heeft gezegd."
TALK = (
    ContributionRef(1, FLEUR, "goal", "Wanneer ben je tevreden over de kring?", "open_question",
                    131),
    ContributionRef(2, MOHAMED, "goal", "Goede vraag, even denken", "other", 133),
    ContributionRef(3, MOHAMED, "goal", GOAL, "other", 134),
    ContributionRef(4, MOHAMED, "goal", "Ja klopt", "other", 135),
    ContributionRef(5, SANNE, "reality", "Op 0:10 kijk je vooral naar de jongens.",
                    "observation", 139, step="see"),
    ContributionRef(6, MOHAMED, "reality", "", VOICE, 140, kind="voice", duration=6,
                    step="see"),
)


def _part(summary: str, start: str, end: str) -> str:
    return summary[summary.index(start):summary.index(end)]


def test_the_inbrengers_goal_is_in_the_summary_whatever_its_label() -> None:
    summary = render_all("nl", group_summary(CycleContext(CYCLE, Settings(), PEOPLE, NOW, TALK)))
    goal = _part(summary, "Doel", "Realiteit")
    assert "Mohamed:\n• Sorry, even typen: als minstens de helft van de kring" in goal
    assert "Ja klopt" not in goal and "Goede vraag" not in goal


def test_the_inbrengers_voice_note_is_shown_by_its_length() -> None:
    ctx = CycleContext(CYCLE, Settings(), PEOPLE, NOW, TALK)
    reality = _part(render_all("nl", group_summary(ctx)), "Realiteit", "Voornemen")
    assert "Mohamed:\n• 🎙 spraakbericht (0:06)" in reality
    english = render_all("en", group_summary(ctx))
    assert "Mohamed:\n• 🎙 voice note (0:06)" in english
    assert "Mohamed:\n• 🎙 spraakbericht (0:06)" in render_all("nl", coach_summary(ctx, "3B"))


def test_several_voice_notes_are_one_line() -> None:
    more = TALK + (ContributionRef(7, MOHAMED, "reality", "", VOICE, 141, kind="voice",
                                   duration=20, step="analysis"),)
    summary = render_all("nl", group_summary(CycleContext(CYCLE, Settings(), PEOPLE, NOW, more)))
    assert "• 🎙 2 spraakberichten (samen 0:26)" in summary


def test_after_the_story_of_the_try_the_goal_is_still_the_inbrengers() -> None:
    """The story of the try has its own line; the goal after it is still kept, though the
    story is the longer message."""
    story = ("Het ging best goed: ik heb de praatsteen gebruikt en de meeste kinderen zeiden "
             "iets, maar de stille kinderen achterin nog steeds niet, dat viel me op.")
    talk = (ContributionRef(10, MOHAMED, "goal", story, "reflection", 120),) + TALK
    cycle = replace(CYCLE, previous_commitment="Een praatsteen gebruiken")
    summary = render_all("nl", group_summary(CycleContext(cycle, Settings(), PEOPLE, NOW, talk)))
    goal = _part(summary, "Doel", "Realiteit")
    assert "Mohamed:\n• Sorry, even typen" in goal and "Het ging best goed" not in goal
    assert "Hoe het ging, volgens Mohamed: <i>Het ging best goed" in summary


def test_a_long_goal_of_the_inbrenger_is_not_cut_at_a_peers_quote_length() -> None:
    """A goal of 25 words lost its end ("... zonder dat ik het nog eens moet…")."""
    long_goal = ("Ik wil dat ze binnen een minuut zelf aan de slag zijn zonder dat ik het nog "
                 "eens moet uitleggen, en dat ik rustig kan rondlopen")
    talk = (*TALK[:2], replace(TALK[2], text=long_goal), *TALK[3:])
    summary = render_all("nl", group_summary(CycleContext(CYCLE, Settings(), PEOPLE, NOW, talk)))
    assert "en dat ik rustig kan rondlopen" in _part(summary, "Doel", "Realiteit")
