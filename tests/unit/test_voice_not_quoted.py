"""A transcript whose words may not be quoted (pocketsphinx, review ux13): classified and
nudged like any, kept without its words, so the look back and the summaries show the note by
its length as an unread one; a look-back line stays unread; a spoken commitment is asked to
be typed, never proposed from such words."""
from __future__ import annotations

from dataclasses import replace

from flows.catalog import render_all
from flows.cycle.events import VoiceNote, VoiceTranscribed
from flows.cycle.model import VOICE, ContributionRef
from flows.cycle.phases import start_lookback
from flows.cycle.table import decide
from flows.effects import Say, SayPrivately, StoreTranscript, TranscribeVoice
from flows.model import Phase
from flows.reports.group_summary import group_summary
from tests.unit.test_cycle import ANNA, CARLA, CONTRIBUTIONS, ctx_for, cycle_in, said
from tests.unit.test_voice import BOB, BOB_NOTE

P = Phase
GARBLED = "that's when it's windy the pupils are many clients and look at you"
HEARD_TIP = "you shall give them more time to think"


def _rough(text: str, message_id: int = 900, actor: int = BOB) -> VoiceTranscribed:
    return VoiceTranscribed(actor, message_id, text, "en", quotable=False)


def test_a_rough_transcript_is_classified_and_nudged_but_kept_without_its_words() -> None:
    ctx = ctx_for(cycle_in(P.GOAL), contributions=CONTRIBUTIONS + (
        replace(BOB_NOTE, phase="goal"),), can_transcribe=True, transcripts_quotable=False)
    decision = decide(ctx, _rough(HEARD_TIP))
    assert StoreTranscript(900, "", "tip") in decision.effects
    assert [e for e in decision.effects if isinstance(e, SayPrivately)]  # nudged
    # Read once: its label says so, though it has no words.
    read = replace(BOB_NOTE, phase="goal", label="tip")
    again = decide(replace(ctx, cycle=decision.cycle, contributions=CONTRIBUTIONS + (read,)),
                   _rough(HEARD_TIP))
    assert again.refused and again.effects == ()


def test_the_look_back_and_the_summary_show_it_by_its_length() -> None:
    read = replace(BOB_NOTE, label="observation")  # GARBLED, kept as its label only
    ctx = ctx_for(cycle_in(P.WILL, commitment="x", step="lookback"),
                  contributions=CONTRIBUTIONS + (read,))
    _, effects = start_lookback(ctx, ctx.cycle)
    options = [render_all("nl", (b.label,)) for e in effects if isinstance(e, Say)
               for row in e.buttons for b in row]
    assert "Bob: 🎙 spraakbericht (0:35)" in options, options
    shown = render_all("nl", group_summary(ctx_for(cycle_in(P.CLOSED, commitment="x"),
                                                   contributions=CONTRIBUTIONS + (read,))))
    assert "windy" not in shown and "Bob" in shown


def test_a_rough_look_back_line_stays_an_unread_one() -> None:
    looking = cycle_in(P.WILL, commitment="x", step="lookback", lookback_choice=0)
    note = ContributionRef(72, CARLA, "lookback", "", VOICE, 912, VOICE, 14)
    decision = decide(ctx_for(looking, contributions=CONTRIBUTIONS + (note,),
                              can_transcribe=True), _rough(GARBLED, 912, CARLA))
    assert decision.effects == () and not decision.refused


def test_a_spoken_commitment_is_asked_to_be_typed_and_never_proposed_from_rough_words() -> None:
    committing = cycle_in(P.WILL, step="commit")
    heard = decide(ctx_for(committing, can_transcribe=True, transcripts_quotable=False),
                   VoiceNote(ANNA, 910, "f", 20))
    assert any(isinstance(e, TranscribeVoice) for e in heard.effects)  # still counted, read
    assert "niet goed genoeg om je woorden vast te leggen" in said(heard)
    assert "type what you will try" in render_all("en", tuple(
        t for e in heard.effects if isinstance(e, Say) for t in e.texts))
    note = ContributionRef(73, ANNA, "will", "", VOICE, 910, VOICE, 20)
    words = decide(ctx_for(committing, contributions=CONTRIBUTIONS + (note,),
                           can_transcribe=True, transcripts_quotable=False),
                   _rough("i will count to five after every question so that's more", 910,
                          ANNA))
    assert words.cycle.proposed_commitment is None and not said(words)
    assert [e for e in words.effects if isinstance(e, StoreTranscript)
            and e.message_id == 910 and not e.text]


def test_a_phase_of_such_notes_is_not_said_to_hold_only_advice() -> None:
    """The real bot's run: a spoken tip and a spoken question in the goal, neither quoted,
    and the summary said "Only tips, opinions or explanations came here, no observations or
    questions yet"."""
    tip = replace(BOB_NOTE, phase="goal", label="tip")
    asked = ContributionRef(74, CARLA, "goal", "", "open_question", 914, VOICE, 6)
    shown = render_all("en", group_summary(ctx_for(cycle_in(P.CLOSED, commitment="x"),
                                                   contributions=(tip, asked))))
    assert "Only tips" not in shown
