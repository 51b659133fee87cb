"""The coach's view across cycles: the inbrenger's chain and the group's activating trend."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from bot.engine.coach_reports import coach_charts
from flows.catalog import render_all
from flows.cycle.model import ContributionRef, Cycle, CycleContext
from flows.model import Group, Member, Phase, Settings
from flows.reports.coach_summary import (
    PastCycle,
    coach_summary,
    past_cycle,
    read_after_summary,
    trend,
)
from flows.reports.group_summary import group_summary
from flows.reports.progress import across_cycles

NOW = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)
MEMBERS = (Member(1, "Anna"), Member(2, "Bram"), Member(3, "Cato"))


def test_the_trend_is_the_share_of_activating_contributions_per_cycle() -> None:
    history = (PastCycle(1, 1, "q1", "c1", ("tip", "tip", "open_question", "observation")),
               PastCycle(2, 1, "q2", "c2", ("open_question", "reflection", "other", "tip")),
               PastCycle(1, 2, "q3", "c3", ()))  # no contributions: no point
    assert trend(history) == [(1, 0.5), (2, 0.5)]


def test_the_coach_sees_the_inbrengers_chain_and_the_trend() -> None:
    cycle = Cycle(9, 1, 1, 3, Phase.CLOSED, NOW, learning_question="Hoe kan ik <rust> brengen?",
                  commitment="Wachten bij de deur")
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW,
                       (ContributionRef(1, 2, "reality", "Wat zie je?", "open_question"),
                        ContributionRef(2, 3, "reality", "Doe dit.", "tip")))
    history = (PastCycle(1, 1, "Hoe begin ik?", "Eerst stilte", ("tip", "open_question")),
               PastCycle(2, 1, "Hoe geef ik instructie?", "Korter", ("observation",)),
               PastCycle(1, 2, "Hoe sluit ik af?", "Samenvatten", ("reflection", "tip")))
    shown = render_all("nl", coach_summary(ctx, "Groep", ("tip", "opinion"), history))
    assert "1. Hoe begin ik? → Eerst stilte" in shown
    assert "2. Hoe sluit ik af?" in shown
    assert "Hoe geef ik instructie?" not in shown  # Bram's chain is Bram's
    assert "50% → 100% → 50%" in shown
    assert "&lt;rust&gt;" in shown  # user words escaped
    assert "Bram: 1 / 0 / 0" in shown and "Cato: 0 / 0 / 1" in shown


def test_past_eight_cycles_the_trend_says_it_shows_the_last_ones() -> None:
    """A term played through: ten cycles in, the line still read "cycle by cycle" with eight
    shares, as if the group had had eight cycles."""
    cycle = Cycle(11, 1, 1, 3, Phase.CLOSED, NOW, learning_question="q", commitment="c")
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW, ())
    history = tuple(PastCycle(1 + n % 3, 1, f"q{n}", f"c{n}",
                              ("open_question",) if n else ("tip",)) for n in range(10))
    shown = render_all("nl", coach_summary(ctx, "Groep", (), history))
    assert "in de groep, de laatste 8 cycli: " + " → ".join(["100%"] * 8) in shown
    english = render_all("en", coach_summary(ctx, "Group", (), history))
    assert "in the group, the last 8 cycles: 100%" in english
    few = render_all("en", coach_summary(ctx, "Group", (), history[:3]))
    assert "in the group, cycle by cycle: 0% → 100% → 100%" in few


def test_one_cycle_is_no_trend_and_each_point_of_the_trend_names_whose_cycle_it_was() -> None:
    """UX review 7: after the group's first cycle the coach read "cyclus na cyclus: 86%", one
    value called a trend; and the trend chart numbered the group's cycles without saying that
    cycle 2 was Bram's first."""
    first = Cycle(1, 1, 1, 1, Phase.CLOSED, NOW, learning_question="q", commitment="c")
    history: tuple[PastCycle, ...] = (PastCycle(1, 1, "q1", "c1", ("open_question", "tip")),)
    ctx = CycleContext(first, Settings(), MEMBERS, NOW, ())
    shown = render_all("nl", coach_summary(ctx, "Groep", (), history))
    assert "in de groep in de eerste cyclus (cyclus 1 van Anna): 50%. Het verloop volgt" in shown
    assert "cyclus na cyclus" not in shown
    english = render_all("en", coach_summary(ctx, "Group", (), history))
    assert "in the group in its first cycle (Anna's cycle 1): 50%" in english
    assert "cycle by cycle" not in english
    history += (PastCycle(2, 1, "q2", "c2", ("open_question",)),
                PastCycle(3, 1, "q3", "c3", ()),  # nothing said by the peers: no point
                PastCycle(1, 2, "q4", "c4", ("tip",)))
    members = (*MEMBERS, Member(4, "Cato-Louise Jansen"))
    ctx = CycleContext(replace(first, id=4, number=2), Settings(), members, NOW, ())
    [trend_chart] = coach_charts(100, ctx, Group(1, -5, title="Groep"), history, "nl")
    assert trend_chart.kind == "trend"
    assert trend_chart.data == [(1, 0.5, "Anna (1)"), (2, 1.0, "Bram (1)"), (4, 0.0, "Anna (2)")]
    assert trend_chart.labels["cycle"] == "cyclus van de groep · inbrenger (diens cyclus)"
    history = (PastCycle(4, 1, "q", "c", ("tip",)), PastCycle(1, 1, "q", "c", ("tip",)))
    [trend_chart] = coach_charts(100, ctx, Group(1, -5, title="Groep"), history, "en")
    assert trend_chart.data[0][2] == "Cato-Loui… (1)"  # eight names side by side


def test_the_coach_and_the_group_see_which_kinds_of_contributions_helped_most() -> None:
    cycle = Cycle(9, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe kan ik rust brengen?",
                  commitment="Wachten", tried="partly", previous_commitment="Eerst stilte")
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW, ())
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",), helpful_label="open_question"),
               PastCycle(2, 1, "q2", "c2", ("observation",), helpful_label="open_question"),
               PastCycle(3, 1, "q3", "c3", ("observation",), helpful_label="observation"))
    shown = render_all("nl", coach_summary(ctx, "Groep", (), history))
    # Four cycles, three with a pick: the numbers add up to the cycles named.
    assert "Wat de inbrengers het meest hielp, over 3 cycli: 2 open vragen, 1 waarneming" in shown
    assert "Anna: 2 van minstens 3" in shown and "Bram: 1 van minstens 3" in shown
    english = render_all("en", coach_summary(ctx, "Group", (), history))
    assert "2 open questions, 1 observation" in english and "Anna: 2 of at least 3" in english
    assert "Laat de nieuwe clip het zien? deels" in shown


def test_after_the_first_cycle_the_helpful_kinds_speak_of_one_cycle() -> None:
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",), helpful_label="open_question"),)
    line = across_cycles(MEMBERS, history)
    assert line is not None
    assert "het meest hielp, in 1 cyclus: 1 open vraag" in render_all("nl", (line,))
    assert "helped the inbrenger most, in 1 cycle: 1 open question" in render_all("en", (line,))


def test_a_voice_note_read_after_the_summary_is_added_for_the_coach_only_once_closed() -> None:
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, NOW, learning_question="Hoe?")
    note = ContributionRef(5, 3, "options", "", "voice", message_id=77, kind="voice",
                           duration=12)
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW, (note,))
    added = render_all("nl", read_after_summary(ctx, 77, "misschien vaker wachten"))
    assert "spraakbericht van Cato (0:12)" in added and "Misschien vaker wachten" in added
    still_open = CycleContext(Cycle(9, 1, 1, 1, Phase.OPTIONS, NOW), Settings(), MEMBERS, NOW,
                              (note,))
    assert read_after_summary(still_open, 77, "misschien") == ()  # nudged and quoted as usual


def test_the_chart_title_names_whose_cycle_it_is() -> None:
    """Bram's first and Cato's first cycle (the group's 1st and 2nd) had the same title."""
    ctx = CycleContext(Cycle(9, 1, 3, 1, Phase.CLOSED, NOW), Settings(), MEMBERS, NOW,
                       (ContributionRef(1, 2, "reality", "Wat zie je?", "open_question"),))
    (chart,) = coach_charts(100, ctx, Group(1, -5, title="Groep"), (), "nl")
    assert chart.title == "Deelname · cyclus 1 van Cato"
    (chart,) = coach_charts(100, ctx, Group(1, -5, title="Group"), (), "en")
    assert chart.title == "Participation · Cato's cycle 1"


def test_the_chain_asks_what_the_clip_showed_only_where_there_was_a_commitment_before() -> None:
    """A first cycle had no earlier commitment: nothing was asked, so nothing "not answered"."""
    first = Cycle(1, 1, 1, 1, Phase.CLOSED, NOW, learning_question="Hoe begin ik?",
                  commitment="Eerst stilte")
    second = Cycle(9, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe sluit ik af?",
                   commitment="Samenvatten", previous_commitment="Eerst stilte")
    history = (past_cycle(first, ()), past_cycle(second, ()))
    ctx = CycleContext(second, Settings(), MEMBERS, NOW, ())
    shown = render_all("nl", coach_summary(ctx, "Groep", (), history))
    assert "1. Hoe begin ik? → Eerst stilte" in shown
    # UX review 7: "2. Hoe sluit ik af? · deels → Samenvatten" read as if the answer judged
    # question 2; it is about commitment 1, so it comes first, saying so.
    assert "2. (clip 2 liet het vorige voornemen zien: niet beantwoord) Hoe sluit ik af? → " \
        "Samenvatten" in shown
    english = render_all("en", coach_summary(ctx, "Group", (), history))
    assert "1. Hoe begin ik? → Eerst stilte" in english
    assert "2. (clip 2 showed the previous commitment: not answered) Hoe sluit ik af?" in english
    assert "of de nieuwe clip het vorige voornemen liet zien" in shown
    # Only a first cycle so far: the legend asks nothing about a clip (the second review).
    alone = render_all("nl", coach_summary(CycleContext(first, Settings(), MEMBERS, NOW, ()),
                                           "Groep", (), history[:1]))
    assert "1. Hoe begin ik? → Eerst stilte" in alone
    assert "(cyclus: leervraag → voornemen)" in alone and "voornemen liet zien" not in alone


def test_what_helped_most_counts_only_the_cycles_with_a_pick() -> None:
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",)),
               PastCycle(2, 1, "q2", "c2", ("observation",), helpful_label="open_question"),
               PastCycle(3, 1, "q3", "c3", ("observation",)))
    line = across_cycles(MEMBERS, history)
    assert line is not None
    assert "het meest hielp, in 1 cyclus: 1 open vraag" in render_all("nl", (line,))


def test_the_coach_is_not_addressed_as_one_of_the_group() -> None:
    cycle = Cycle(9, 1, 1, 2, Phase.CLOSED, NOW, learning_question="Hoe?", commitment="Wachten")
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW,
                       (ContributionRef(1, 2, "lookback", "Doorvragen", "move"),))
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",), helpful_label="open_question"),)
    dutch = render_all("nl", coach_summary(ctx, "Groep", (), history))
    assert "Over de cycli van de groep heen" in dutch and "(elk lid doet er minstens 3)" in dutch
    assert "Zetten die de leden weer gebruiken" in dutch
    english = render_all("en", coach_summary(ctx, "Group", (), history))
    assert "Across the group's cycles" in english and "(each member does at least 3)" in english
    assert "Moves the members will use again" in english
    for words in ("onze", "ieder doet", "we weer", "our cycles", "each of us", "we will"):
        assert words not in dutch + english
    group = render_all("nl", group_summary(replace(ctx, history=history)))
    assert "Over onze cycli heen" in group and "Zetten die we weer gebruiken" in group


def test_the_coach_is_told_what_unread_voice_notes_and_tips_on_request_mean() -> None:
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, NOW, welcome_tips=frozenset({12}))
    said = (ContributionRef(1, 3, "reality", "", "voice", 11, "voice", 6),
            ContributionRef(2, 2, "options", "Probeer een timer.", "tip", 12))
    shown = render_all("nl", coach_summary(CycleContext(cycle, Settings(), MEMBERS, NOW, said),
                                           "Groep", ()))
    counts = shown.split("<b>Bijdragen per lid</b>")[1].split("\n\n")[0]
    assert "• Bram: 0 / 0 / 0 (+1)" in counts and "• Cato: 0 / 0 / 0 · 🎙 1 spraakbericht" in counts
    assert "(+n): tips, meningen of uitleg nadat de inbrenger erom vroeg" in counts
    assert "niet in tekst konden worden omgezet" in counts
    quiet = render_all("en", coach_summary(CycleContext(cycle, Settings(), MEMBERS, NOW, ()),
                                           "Group", ()))
    assert "(+n)" not in quiet and "turned into text" not in quiet  # only where they appear


def test_the_coachs_charts_say_which_group_and_cycle_they_belong_to() -> None:
    """A coach of several groups gets their charts one after the other in one chat: each
    caption names the group (and the participation chart whose cycle), where before both
    groups' charts read "Participation in this cycle" and "Activating contributions per
    cycle"."""
    ctx = CycleContext(Cycle(9, 1, 3, 2, Phase.CLOSED, NOW), Settings(), MEMBERS, NOW,
                       (ContributionRef(1, 2, "reality", "Wat zie je?", "open_question"),))
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",)),
               PastCycle(2, 3, "q2", "c2", ("tip",)))
    participation, trend_chart = coach_charts(100, ctx, Group(1, -5, title="ITT <London>"),
                                              history, "en")
    assert participation.caption_html == ("Participation in Cato's cycle 2 · <b>ITT &lt;London&gt;"
                                          "</b>: a picture of the balance, not a ranking.")
    assert trend_chart.caption_html == ("Activating contributions per cycle · "
                                        "<b>ITT &lt;London&gt;</b>")
    dutch = coach_charts(100, ctx, Group(1, -5, title="Groep A"), history, "nl")
    assert [chart.caption_html for chart in dutch] == [
        "Deelname in cyclus 2 van Cato · <b>Groep A</b>: een beeld van de balans, geen ranglijst.",
        "Activerende bijdragen per cyclus · <b>Groep A</b>"]


def test_a_tip_on_request_rewritten_as_a_question_counts_as_the_question() -> None:
    """Bram's tip came after the floor opened, and he edited it into a question (an edit is
    read again): the coach counts an activating question, not a tip on request."""
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, NOW, welcome_tips=frozenset({12}))
    said = (ContributionRef(2, 2, "options", "Wat zou een timer doen?", "open_question", 12),)
    shown = render_all("nl", coach_summary(CycleContext(cycle, Settings(), MEMBERS, NOW, said),
                                           "Groep", ()))
    assert "• Bram: 1 / 0 / 0" in shown and "(+1)" not in shown


def test_a_cycle_the_history_already_holds_is_counted_once() -> None:
    """/summary after the close: storage's history has this cycle already."""
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, NOW, learning_question="q", commitment="c")
    ctx = CycleContext(cycle, Settings(), MEMBERS, NOW, ())
    shown = render_all("nl", group_summary(replace(ctx, history=(past_cycle(cycle, ()),))))
    assert "Anna: 1 van minstens 3" in shown and "Anna: 2 van" not in shown


def test_a_voice_note_nobody_read_that_helped_most_is_no_kind_of_contribution() -> None:
    """Its kind is unknown: the kinds that helped speak of the cycles with a known pick."""
    history = (PastCycle(1, 1, "q1", "c1", ("open_question",), helpful_label="open_question"),
               PastCycle(2, 1, "q2", "c2", (), helpful_label="voice"))
    line = across_cycles(MEMBERS, history)
    assert line is not None
    assert "het meest hielp, in 1 cyclus: 1 open vraag" in render_all("nl", (line,))


def test_the_coach_reads_who_was_away_not_a_row_of_zeros() -> None:
    cycle = Cycle(9, 1, 1, 1, Phase.CLOSED, NOW, absent=frozenset({3}))
    said = (ContributionRef(1, 2, "reality", "Wat zag je?", "open_question"),)
    here = tuple(replace(m, agreed=True) for m in MEMBERS)
    shown = render_all("nl", coach_summary(CycleContext(cycle, Settings(), here, NOW, said),
                                           "Groep", ()))
    counts = shown.split("<b>Bijdragen per lid</b>")[1]
    assert "• Cato: vandaag afwezig" in counts and "Cato: 0 / 0 / 0" not in counts
