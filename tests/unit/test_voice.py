"""Voice notes as a member notices them: counted as taking part (not quiet, in the summaries
by their length), transcribed and nudged like text where the machine can, otherwise the group
is told once that they are counted but not read; and the clip's sound on request."""
from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from flows.callbacks import MAX_BYTES, CycleButton
from flows.catalog import render, render_all
from flows.cycle.events import (
    AskSound,
    ClipPosted,
    Contribution,
    Next,
    TimerFired,
    VoiceNote,
    VoiceTranscribed,
)
from flows.cycle.model import VOICE, ContributionRef, CycleContext
from flows.cycle.table import decide
from flows.effects import (
    LogNudge,
    RecordVoiceNotice,
    Say,
    SayPrivately,
    SendSoundTimeline,
    StoreContribution,
    StoreTranscript,
    Text,
    TranscribeVoice,
)
from flows.model import Group, Member, Phase
from flows.reports.coach_summary import coach_summary
from flows.reports.group_summary import group_summary
from flows.reports.portfolio import portfolio
from flows.reports.sound import sound_report, timeline_labels
from flows.reports.written import as_markdown, group_portfolio
from tests.unit.test_cycle import (
    ANNA,
    BOB,
    CARLA,
    CLIP,
    CONTRIBUTIONS,
    DAAN,
    MEMBERS,
    NOW,
    OUTSIDER,
    QUESTION,
    ctx_for,
    cycle_in,
    group_buttons,
    lines_of,
    said,
)

P = Phase
NOTE = VoiceNote(BOB, 900, "voice-file-1", 35)
BOB_NOTE = ContributionRef(70, BOB, "reality", "", VOICE, 900, VOICE, 35)


def texts_of(decision) -> tuple[Text, ...]:  # type: ignore[no-untyped-def]
    return tuple(t for e in decision.effects if isinstance(e, (Say, SayPrivately))
                 for t in e.texts)


# --- 1. a voice note counts ---------------------------------------------------------------------

def test_a_voice_note_in_the_talk_is_stored_with_its_file_and_length_and_never_nudged() -> None:
    decision = decide(ctx_for(cycle_in(P.REALITY)), NOTE)
    assert not decision.refused
    assert StoreContribution(BOB, "reality", 900, "", "voice", kind="voice",
                             file_id="voice-file-1", duration=35) in decision.effects
    assert not any(isinstance(e, (SayPrivately, LogNudge)) for e in decision.effects)


def test_a_voice_note_makes_a_quiet_member_not_quiet_in_status_and_in_the_silence_check() -> None:
    ctx = ctx_for(cycle_in(P.REALITY, phase_started_at=NOW - timedelta(minutes=10)))
    # /status counts a voice note as having spoken: tests/e2e/test_e2e_voice.py
    cycle = decide(ctx, NOTE).cycle
    for words in (Contribution(CARLA, 901, "Wat zie je daar?"),
                  Contribution(ANNA, 902, "Ik zie dat ik wacht.")):  # no check-in first
        cycle = decide(replace(ctx, cycle=cycle), words).cycle
    tick = decide(replace(ctx, cycle=cycle, now=NOW + timedelta(minutes=1)), TimerFired("tick"))
    invitation = render_all("nl", texts_of(tick))
    assert "Daan" in invitation and "Bob" not in invitation


def test_the_inbrengers_voice_note_means_no_check_in() -> None:
    ctx = ctx_for(cycle_in(P.REALITY, phase_started_at=NOW - timedelta(minutes=10)))
    cycle = decide(ctx, Contribution(BOB, 901, "Wat zie je daar?")).cycle
    cycle = decide(replace(ctx, cycle=cycle), VoiceNote(ANNA, 902, "f", 20)).cycle
    tick = decide(replace(ctx, cycle=cycle, now=NOW + timedelta(minutes=1)), TimerFired("tick"))
    assert "betekenisvol" not in render_all("nl", texts_of(tick))


def test_a_voice_note_before_the_talk_is_left_alone_and_an_outsider_is_told_to_join() -> None:
    for phase in (P.AWAITING_CLIP, P.WATCHING):
        decision = decide(ctx_for(cycle_in(phase)), NOTE)
        assert not decision.refused and decision.effects == ()
    outsider = decide(ctx_for(cycle_in(P.REALITY)), VoiceNote(OUTSIDER, 903, "f", 4))
    assert "/join" in said(outsider)
    assert not any(isinstance(e, StoreContribution) for e in outsider.effects)


def test_a_voice_note_from_someone_who_has_not_agreed_gets_the_agreements_reminder() -> None:
    eva = Member(5, "Eva", started_private=False)
    decision = decide(ctx_for(cycle_in(P.GOAL), members=MEMBERS + (eva,)),
                      VoiceNote(5, 904, "f", 9))
    assert not any(isinstance(e, StoreContribution) for e in decision.effects)
    assert "afspraken" in said(decision)


# --- 2. transcripts, or one notice ------------------------------------------------------------

def test_without_a_transcriber_the_group_hears_once_that_voice_notes_are_not_read() -> None:
    first = decide(ctx_for(cycle_in(P.GOAL)), NOTE)
    assert RecordVoiceNotice() in first.effects
    assert "niet om in tekst" in said(first) and not any(isinstance(e, TranscribeVoice)
                                                   for e in first.effects)
    english = render_all("en", texts_of(first))
    assert "turn them into text" in english and "never nudge" in english
    again = decide(ctx_for(cycle_in(P.GOAL), voice_notice_given=True),
                   VoiceNote(CARLA, 905, "f", 5))
    assert [type(e) for e in again.effects] == [StoreContribution]


def test_with_a_transcriber_the_note_is_sent_to_be_transcribed_and_no_notice_is_given() -> None:
    decision = decide(ctx_for(cycle_in(P.REALITY), can_transcribe=True), NOTE)
    assert TranscribeVoice(7, 900, "voice-file-1", "nl", BOB) in decision.effects
    assert not any(isinstance(e, (Say, RecordVoiceNotice)) for e in decision.effects)


def transcript_ctx(phase: Phase = P.REALITY, **changes: object) -> CycleContext:
    note = replace(BOB_NOTE, phase=phase.value)
    return ctx_for(cycle_in(phase, **changes), contributions=CONTRIBUTIONS + (note,),
                   can_transcribe=True)


def test_a_transcript_with_a_tip_is_stored_and_nudged_once_naming_the_voice_note() -> None:
    ctx = transcript_ctx()
    decision = decide(ctx, VoiceTranscribed(BOB, 900, "Je zou meer wachttijd kunnen geven."))
    assert StoreTranscript(900, "Je zou meer wachttijd kunnen geven.", "tip") in decision.effects
    nudges = [e for e in decision.effects if isinstance(e, SayPrivately)]
    assert len(nudges) == 1 and nudges[0].user_id == BOB
    words = render_all("nl", nudges[0].texts)
    assert "spraakbericht" in words and "wachttijd" in words
    assert LogNudge(BOB, "tip", 900) in decision.effects
    # Delivered twice (a retry of the media pool): the stored note has its words now.
    stored = replace(BOB_NOTE, text="Je zou meer wachttijd kunnen geven.", label="tip")
    twice = decide(replace(ctx, cycle=decision.cycle,
                           contributions=CONTRIBUTIONS + (stored,)),
                   VoiceTranscribed(BOB, 900, "Je zou meer wachttijd kunnen geven."))
    assert twice.refused and twice.effects == ()


def test_an_english_transcript_is_nudged_in_english() -> None:
    decision = decide(transcript_ctx(), VoiceTranscribed(BOB, 900, "You should give more wait "
                                                         "time.", "en"))
    nudge = next(e for e in decision.effects if isinstance(e, SayPrivately))
    assert nudge.language == "en" and "voice note" in render_all("en", nudge.texts)


def test_a_transcript_that_comes_after_its_phase_is_stored_but_not_nudged() -> None:
    note = replace(BOB_NOTE, phase="goal")
    ctx = ctx_for(cycle_in(P.REALITY), contributions=CONTRIBUTIONS + (note,))
    decision = decide(ctx, VoiceTranscribed(BOB, 900, "Je zou meer wachttijd kunnen geven."))
    assert [type(e) for e in decision.effects] == [StoreTranscript]
    closed = decide(ctx_for(cycle_in(P.CLOSED), contributions=(note,)),
                    VoiceTranscribed(BOB, 900, "Wat zag je?"))
    assert [type(e) for e in closed.effects] == [StoreTranscript]


def test_a_transcript_without_a_stored_note_or_without_words_is_refused() -> None:
    ctx = transcript_ctx()
    assert decide(ctx, VoiceTranscribed(BOB, 999, "Wat zag je?")).refused
    assert decide(ctx, VoiceTranscribed(BOB, 900, "  ")).refused
    # Its speaker used /forget while it was read: the words are not taken, nor nudged, nor
    # sent on to a coach (found by a review).
    erased = replace(ctx, contributions=CONTRIBUTIONS + (replace(BOB_NOTE, erased=True),))
    forgotten = decide(erased, VoiceTranscribed(BOB, 900, "Je zou meer wachttijd geven."))
    assert forgotten.refused and forgotten.effects == ()


def test_no_transcriber_means_no_nudge_for_any_voice_note() -> None:
    decision = decide(ctx_for(cycle_in(P.GOAL), voice_notice_given=True), NOTE)
    assert not any(isinstance(e, (SayPrivately, LogNudge, TranscribeVoice))
                   for e in decision.effects)



def test_a_moment_said_in_a_voice_note_offers_the_still_like_a_typed_time_stamp() -> None:
    """Recognisers write numbers as words: "op een minuut twintig" is 1:20 in the clip."""
    said = "eh op een minuut twintig staat Tim op en loopt naar de deur"
    decision = decide(transcript_ctx(), VoiceTranscribed(BOB, 900, said))
    assert StoreTranscript(900, said, "observation") in decision.effects
    offers = [e for e in decision.effects if isinstance(e, Say) and e.buttons]
    assert len(offers) == 1 and "1:20" in render_all("nl", offers[0].texts)

# --- 3. the clip's sound ----------------------------------------------------------------------

def test_the_consent_message_offers_the_clips_sound_within_telegrams_64_bytes() -> None:
    decision = decide(ctx_for(cycle_in(P.AWAITING_CLIP)), ClipPosted(ANNA, CLIP, QUESTION))
    data = group_buttons(decision)
    assert "cy:7:audio" in data
    assert len(CycleButton(10 ** 15, "audio").pack().encode()) <= MAX_BYTES


def test_audio_sends_the_timeline_with_the_moments_named_in_reality() -> None:
    contributions = CONTRIBUTIONS + (
        ContributionRef(14, CARLA, "reality", "En bij 0:45 kijk je naar de deur.", "observation"),
        ContributionRef(15, DAAN, "goal", "Op 0:10 al?", "closed_question"),
        ContributionRef(16, DAAN, "reality", "Op 5:00 gebeurt er iets", "observation"),
        ContributionRef(17, BOB, "reality", "Nog eens 1:23 dus.", "observation"))
    decision = decide(ctx_for(cycle_in(P.OPTIONS), contributions=contributions), AskSound(ANNA))
    # 1:23 once, 0:45; not the goal's 0:10 nor 5:00 past the clip's 1:35
    assert decision.effects == (SendSoundTimeline(7, (45.0, 83.0)),)
    assert decision.ack == Text("cycle.ack.audio")


def test_audio_typed_as_a_command_answers_it_as_a_reply() -> None:
    """In a busy talk, the timeline answers the /audio that asked for it (threaded)."""
    decision = decide(ctx_for(cycle_in(P.OPTIONS)), AskSound(ANNA, message_id=321))
    assert decision.effects == (SendSoundTimeline(7, (83.0,), reply_to=321),)


def test_audio_asked_again_soon_without_a_new_moment_points_to_the_timeline_above() -> None:
    """The second UX review: the admin's /audio and the inbrenger's a few seconds later
    posted the same timeline twice."""
    first = decide(ctx_for(cycle_in(P.OPTIONS)), AskSound(BOB, is_admin=True, message_id=320))
    assert first.effects == (SendSoundTimeline(7, (83.0,), reply_to=320),)
    again = decide(ctx_for(first.cycle, now=NOW + timedelta(minutes=1)), AskSound(ANNA))
    # Pointed to, where the analysis finds a timeline to point to (a clip without sound
    # gets its own answer again: tests/engine/test_sound_timeline_retry.py).
    assert again.effects == (SendSoundTimeline(7, (83.0,), shown_above=True),)
    assert again.cycle.sound_shown_at == first.cycle.sound_shown_at
    marked = CONTRIBUTIONS + (
        ContributionRef(14, CARLA, "reality", "En bij 0:45 kijk je naar de deur.", "observation"),)
    new_moment = decide(ctx_for(first.cycle, now=NOW + timedelta(minutes=1),
                                contributions=marked), AskSound(ANNA))
    assert new_moment.effects == (SendSoundTimeline(7, (45.0, 83.0)),)
    later = decide(ctx_for(first.cycle, now=NOW + timedelta(minutes=11)), AskSound(ANNA))
    assert later.effects == (SendSoundTimeline(7, (83.0,)),)


def test_audio_is_the_inbrengers_or_an_admins_and_needs_a_clip() -> None:
    assert decide(ctx_for(cycle_in(P.GOAL)), AskSound(BOB, is_admin=True)).effects
    peer = decide(ctx_for(cycle_in(P.GOAL)), AskSound(BOB))
    assert peer.refusal == Text("cycle.refused.only_inbrenger_or_admin", {"name": "Anna"})
    assert decide(ctx_for(cycle_in(P.AWAITING_CLIP)), AskSound(ANNA)).refusal == \
        Text("cycle.refused.clip_first")
    assert decide(ctx_for(cycle_in(P.CLOSED)), AskSound(ANNA)).refused


def test_the_sound_report_lists_pauses_with_their_times_and_the_share_of_speech() -> None:
    texts = sound_report(duration=95.4, pauses=[(61.2, 65.0), (3.0, 7.9)], speech_share=0.683,
                         named_moments=(83.0, 45.0))
    nl, en = render_all("nl", texts), render_all("en", texts)
    assert "(1:35)" in nl and "68%" in nl
    # Each length is what its marks say (0:03 to 0:07 is 4 s), as a teacher counts it.
    assert "2 pauzes van 3 s of langer:\n• 0:03–0:07 (4 s)\n• 1:01–1:05 (4 s)" in nl
    assert "2 pauses of 3 s or longer:\n• 0:03–0:07 (4 s)\n• 1:01–1:05 (4 s)" in en
    assert "0:45, 1:23" in en and "/pause 0:03" in en


def test_the_sound_report_without_pauses_says_so_in_both_languages() -> None:
    texts = sound_report(duration=30, pauses=(), speech_share=0.9)
    assert "geen stiltes van 3 s" in render_all("nl", texts)
    assert "no silences of 3 s" in render_all("en", texts)
    assert "/pause" not in render_all("en", texts)


def test_the_shown_marks_and_lengths_of_pauses_agree() -> None:
    """As the audit heard it: "0:06–0:11 (4 s)" and "0:16–0:20 (3 s)", where a teacher
    counts 5 s and 4 s."""
    texts = sound_report(duration=30, pauses=[(6.9, 11.2), (16.9, 20.3)], speech_share=0.5)
    shown = render_all("en", texts)
    assert "• 0:06–0:11 (5 s)" in shown and "• 0:16–0:20 (4 s)" in shown


def test_a_single_pause_is_said_in_the_singular_and_many_are_shortened() -> None:
    one = render_all("en", sound_report(duration=30, pauses=[(10, 14)], speech_share=0.5))
    assert "1 pause of 3 s or longer" in one
    many = sound_report(duration=600, pauses=[(i * 20.0, i * 20.0 + 4) for i in range(13)],
                        speech_share=0.5)
    assert "… en nog 3." in render_all("nl", many)


@pytest.mark.parametrize("problem,nl,en", [
    ("no_audio", "geen geluid", "no sound"),
    ("silent", "geen spraak", "no speech"),
])
def test_a_clip_without_sound_or_speech_gets_a_kind_answer(problem, nl, en):  # type: ignore[no-untyped-def]
    texts = sound_report(problem=problem)
    assert len(texts) == 1
    assert nl in render_all("nl", texts) and en in render_all("en", texts)


def test_the_timeline_labels_come_from_the_catalogs() -> None:
    labels = {name: render("nl", t) for name, t in timeline_labels().items()}
    assert labels == {"speech": "spraak", "silence": "stilte",
                      "pause": "pauze van 3 s of langer", "named": "genoemd in het gesprek",
                      "axis": "tijd in de clip"}


# --- 4. summaries, look back, export ----------------------------------------------------------

def closing_ctx(*extra: ContributionRef, **changes: object) -> CycleContext:
    cycle = cycle_in(P.CLOSED, commitment="Wachten", **changes)
    return ctx_for(cycle, contributions=CONTRIBUTIONS + extra)


def test_a_summary_line_says_voice_note_and_its_length() -> None:
    quiet = Member(5, "Eva", agreed=True)
    ctx = closing_ctx(BOB_NOTE, ContributionRef(71, 5, "goal", "", VOICE, 905, VOICE, 35),
                      ContributionRef(72, 5, "options", "", VOICE, 906, VOICE, 40))
    ctx = replace(ctx, members=MEMBERS + (quiet,))
    shown = render_all("en", group_summary(ctx))
    assert "• Bob: 1 observation, 🎙 1 voice note (0:35)" in shown
    assert "• Eva: 🎙 2 voice notes (1:15 in all)" in shown
    assert "listened this time" not in shown
    assert "• Bob: 1 waarneming, 🎙 1 spraakbericht (0:35)" in render_all("nl", group_summary(ctx))


def test_the_coach_sees_voice_notes_apart_from_the_balance() -> None:
    shown = render_all("en", coach_summary(closing_ctx(BOB_NOTE), "Group", ()))
    assert "• Bob: 1 / 0 / 0 · 1 observation, 🎙 1 voice note (0:35)" in shown
    assert "• Carla: 1 / 0 / 0 · 1 question\n" in shown
    # One line a member: the group's balance is not listed a second time (the coach review).
    assert "Participation" not in shown and shown.count("• Carla:") == 2  # a quote, a count


def test_a_transcribed_voice_note_counts_by_its_kind_and_is_quoted_as_spoken() -> None:
    heard = replace(BOB_NOTE, text="Wat ging er door je heen?", label="open_question")
    shown = render_all("en", group_summary(closing_ctx(heard)))
    assert "• Bob: 🎙 Wat ging er door je heen?" in shown
    assert "• Bob: 1 question, 1 observation" in shown


def test_the_look_back_offers_a_voice_note_by_its_speaker_and_length() -> None:
    ctx = ctx_for(cycle_in(P.WILL, commitment="x"), contributions=CONTRIBUTIONS + (BOB_NOTE,))
    decision = decide(ctx, Next(ANNA))
    assert 70 in decision.cycle.lookback_options
    labels = [render("en", b.label) for e in decision.effects if isinstance(e, Say)
              for row in e.buttons for b in row]
    assert "Bob: 🎙 voice note (0:35)" in labels
    chosen = replace(decision.cycle, lookback_choice=70)
    summary = render_all("en", group_summary(replace(ctx, cycle=chosen)))
    assert "Bob: <i>🎙 voice note (0:35)</i>" in summary


def test_the_portfolio_counts_voice_notes() -> None:
    heard = ContributionRef(71, CARLA, "goal", "Wat wil je?", "open_question", 905, VOICE, 20)
    cycle = cycle_in(P.CLOSED, lookback_choice=70)
    data = portfolio(replace_group(), MEMBERS, [(cycle, (BOB_NOTE, heard))])
    record = data["cycles"][0]
    assert record["voice_notes"] == {"count": 2, "seconds": 55, "unread": 1}
    assert record["contributions"]["activating"] == 1
    assert record["helped_most"]["voice_note_seconds"] == 35
    markdown = as_markdown(group_portfolio(replace_group(), MEMBERS,
                                           [(cycle, (BOB_NOTE, heard))]), "en")
    assert "- **Voice notes**: 2 (0:55 in all)" in markdown
    assert "- **Helped most**: Bob: 🎙 voice note (0:35)" in markdown


def replace_group() -> Group:
    return Group(1, -5, 0, "Pabo 2")


# --- voice notes in will: the commitment and the look back ------------------------------------

ANNA_NOTE = ContributionRef(71, ANNA, "will", "", VOICE, 910, VOICE, 20)
SPOKEN = "Ik ga vijf tellen wachten na elke vraag, zodat meer leerlingen nadenken."


def test_the_inbrengers_spoken_commitment_is_proposed_with_the_confirm_button() -> None:
    ctx = ctx_for(cycle_in(P.WILL, step="commit"), contributions=CONTRIBUTIONS + (ANNA_NOTE,),
                  can_transcribe=True)
    decision = decide(ctx, VoiceTranscribed(ANNA, 910, SPOKEN))
    assert decision.cycle.proposed_commitment == SPOKEN
    assert decision.cycle.proposal_message_id == 910
    assert any(isinstance(e, StoreTranscript) and e.message_id == 910 for e in decision.effects)
    assert "cy:7:commit:910" in group_buttons(decision)
    assert "vijf tellen" in said(decision)


def test_a_spoken_commitment_is_acknowledged_while_it_is_read() -> None:
    decision = decide(ctx_for(cycle_in(P.WILL, step="commit"), can_transcribe=True),
                      VoiceNote(ANNA, 910, "f", 20))
    assert any(isinstance(e, TranscribeVoice) for e in decision.effects)
    assert "typ het dan" in said(decision)  # if the reading fails, nothing is left hanging
    peer = decide(ctx_for(cycle_in(P.WILL, step="commit"), can_transcribe=True),
                  VoiceNote(BOB, 914, "f", 20))
    assert not said(peer)  # a peer's note in will is a contribution, read quietly


def test_without_a_transcriber_the_inbrenger_is_asked_to_type_the_commitment() -> None:
    decision = decide(ctx_for(cycle_in(P.WILL, step="commit"), voice_notice_given=True),
                      VoiceNote(ANNA, 911, "f", 20))
    assert "typen" in said(decision) and decision.cycle.proposed_commitment is None
    english = render_all("en", texts_of(decision))
    assert "type what you will try" in english


def test_a_peers_voice_note_in_the_look_back_is_their_line() -> None:
    looking = cycle_in(P.WILL, commitment="x", step="lookback", lookback_choice=0)
    decision = decide(ctx_for(looking), VoiceNote(CARLA, 912, "f", 14))
    (stored,) = [e for e in decision.effects if isinstance(e, StoreContribution)]
    assert (stored.phase, stored.kind) == ("lookback", "voice")
    note = ContributionRef(72, CARLA, "lookback", "", VOICE, 912, VOICE, 14)
    words = decide(ctx_for(looking, contributions=CONTRIBUTIONS + (note,), can_transcribe=True),
                   VoiceTranscribed(CARLA, 912, "Doorvragen op wat ik zie."))
    assert StoreTranscript(912, "Doorvragen op wat ik zie.", "move") in words.effects
    assert not any(isinstance(e, (Say, SayPrivately)) for e in words.effects)  # never nudged
    shown = render_all("nl", group_summary(ctx_for(cycle_in(P.CLOSED, commitment="x"),
                                                   contributions=CONTRIBUTIONS + (note,))))
    assert "• Carla: 🎙 1 spraakbericht (0:14)" in shown


def test_a_spoken_line_that_closes_the_look_back_is_in_the_summary_by_its_length() -> None:
    looking = cycle_in(P.WILL, commitment="x", step="lookback", lookback_choice=0)
    closed = decide(ctx_for(looking, contributions=lines_of(BOB, DAAN)),
                    VoiceNote(CARLA, 913, "f", 14))
    assert closed.cycle.phase is P.CLOSED
    summary = next(e for e in closed.effects if isinstance(e, Say)
                   and e.texts[0].key == "summary.title")
    assert "• Carla: 🎙 1 spraakbericht (0:14)" in render_all("nl", summary.texts)


def test_transcripts_are_shown_marked_as_spoken_and_capitalised_wherever_they_are_quoted() -> None:
    """pocketsphinx writes "i will ..."; the look-back line lost its 🎙 in /summary."""
    heard = replace(BOB_NOTE, text="what went through your mind?", label="open_question")
    line = ContributionRef(72, CARLA, "lookback", "i will ask more open question", "move", 912,
                           VOICE, 3)
    ctx = closing_ctx(heard, line, lookback_choice=70)
    shown = render_all("en", group_summary(ctx))
    assert "• Bob: 🎙 What went through your mind?" in shown  # the talk
    assert "Bob: <i>🎙 (0:35) What went through your mind?</i>" in shown  # what helped most
    assert "• Carla: 🎙 I will ask more open question" in shown  # the look back
    markdown = as_markdown(group_portfolio(replace_group(), MEMBERS,
                                           [(ctx.cycle, ctx.contributions)]), "en")
    assert "Carla: 🎙 (0:03) I will ask more open question" in markdown
    data = portfolio(replace_group(), MEMBERS, [(ctx.cycle, ctx.contributions)])
    assert data["cycles"][0]["moves_to_use_again"][-1]["text"] == "i will ask more open question"


def test_the_sound_report_says_how_many_more_pauses_only_when_some_are_left_out() -> None:
    few = render_all("nl", sound_report(duration=95, pauses=[(3.0, 7.0)], speech_share=0.5))
    assert "en nog" not in few
    twelve = [(10.0 * n, 10.0 * n + 4) for n in range(12)]
    many = render_all("nl", sound_report(duration=600, pauses=twelve, speech_share=0.5))
    assert "… en nog 2." in many and "• 1:30–1:34" in many and "1:40–1:44" not in many


def test_a_will_transcript_that_comes_in_the_look_back_is_stored_but_not_reacted_to() -> None:
    """Bob spoke in will; his words were read once the look back had begun: no still offered
    in the middle of the look back."""
    note = replace(BOB_NOTE, phase="will")
    looking = cycle_in(P.WILL, commitment="x", step="lookback")
    decision = decide(ctx_for(looking, contributions=CONTRIBUTIONS + (note,), can_transcribe=True),
                      VoiceTranscribed(BOB, 900, "Op 0:45 zie ik dat iedereen naar je kijkt."))
    assert [type(e) for e in decision.effects] == [StoreTranscript]


def test_the_inbrengers_note_from_the_options_read_in_the_will_is_no_commitment() -> None:
    """Read late, in the will step: what Anna said in options is stored as she said it
    there, not proposed as what she will try."""
    note = replace(ANNA_NOTE, phase="options")
    ctx = ctx_for(cycle_in(P.WILL, step="commit"), contributions=CONTRIBUTIONS + (note,),
                  can_transcribe=True)
    decision = decide(ctx, VoiceTranscribed(ANNA, 910, SPOKEN))
    assert decision.cycle.proposed_commitment is None
    assert [type(e) for e in decision.effects] == [StoreTranscript]
