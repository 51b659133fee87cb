"""The classifier's plumbing at its edges: spoken clip moments (bounds, spans, forms the main
table leaves out), the windows a long turn is read through, fillers and run-on turns, the
model file's format check. Not the quality of the labels: tests/unit/test_classifier*.py."""

from __future__ import annotations

import pytest

from flows.classifier import parse_timestamp
from flows.classifier.linear import FORMAT, LANE_BITS, char_text, model_from_json, rule_features
from flows.classifier.reading import TEXT_CHARS, read, rule_window, text_window
from flows.classifier.rules import Verdict
from flows.classifier.spoken import drop_fillers, split_run_on
from flows.classifier.spoken_time import find_spoken_times
from flows.classifier.text import Prepared
from flows.classifier.timestamps import find_timestamps
from flows.labels import Label


@pytest.mark.parametrize(("text", "seconds"), [
    ("thirty seconds in, she stops", 30.0),
    ("at one twenty five he sits down", 85.0),
    ("op 59 minuten", 3540.0),
    ("op 60 minuten", None),  # no moment of a classroom clip
    ("op 2 minuten 75", None),
    ("op 75 seconden", 75.0),  # seconds alone may pass a minute
    ("op 0 45 kijkt hij", 45.0),
    ("op 0 75 kijkt hij", None),  # digits without a colon: seconds under 60 only
])
def test_spoken_moments_at_their_bounds(text: str, seconds: float | None) -> None:
    assert parse_timestamp(text) == seconds


def test_a_spoken_moment_starts_at_its_number_not_its_lead_word() -> None:
    text = "op een minuut twintig staat Tim op"
    ((start, end, seconds),) = find_spoken_times(text)
    assert text[start:end] == "een minuut twintig" and seconds == 80.0
    assert [text[s:e] for s, e, _ in find_timestamps(text)] == ["een minuut twintig"]


def test_the_rules_read_the_last_sentences_that_fit_together() -> None:
    short, long = "Wat zag je?", "x" * 200
    assert rule_window((short, long, "En toen?")) == ("En toen?",)


def test_a_turn_up_to_twice_the_window_is_read_whole_and_a_longer_one_cut_at_words() -> None:
    medium = "woord " * 80  # 480 characters: under 2 * TEXT_CHARS
    assert text_window(medium) == medium
    turn = "abcdefghij " * 60  # a cut at 250 characters falls inside a word
    window = text_window(turn)
    assert set(window.split()) == {"abcdefghij"}
    assert len(window) <= 2 * TEXT_CHARS + 1


def test_an_unknown_language_is_detected() -> None:
    assert read("Wat zag je bij de deur?", "fr").lang == "nl"


def test_a_capital_that_starts_the_message_is_no_name() -> None:
    assert read("Goed gedaan, echt.", "nl").has_name is False
    assert read("Op 2:00 loopt Roos weg.", "nl").has_name is True


def test_text_without_fillers_is_not_marked_as_speech() -> None:
    assert drop_fillers("ik zag dat ze moe waren", "nl") == ("ik zag dat ze moe waren", False)
    assert drop_fillers("eh ik zag het", "nl") == ("ik zag het", True)
    assert drop_fillers("so i think, um, they were tired", "en") == (
        "so i think, they were tired", True)
    assert drop_fillers("i saw it uhm , then they left", "en") == (
        "i saw it, then they left", True)


def test_a_punctuated_long_sentence_is_not_cut() -> None:
    sentence = ("i noticed they were really loud after the break. what did you make of that "
                "moment")
    assert split_run_on(sentence, "en") == [sentence]


def test_a_run_on_turn_is_not_cut_right_at_its_start_or_end() -> None:
    turn = "so what did you think of it when the class was loud after the break and what did"
    assert split_run_on(turn, "en") == [turn]


def test_a_model_file_of_another_lane_width_is_refused() -> None:
    with pytest.raises(ValueError, match="bit lanes"):
        model_from_json({"format": FORMAT, "lane_bits": LANE_BITS // 2})


def _rules(prepared: Prepared, verdicts: list[Verdict], n_tokens: int) -> list[str]:
    return rule_features(prepared, verdicts, verdicts[-1], "nl", False, n_tokens)


def test_the_model_reads_the_rules_as_it_was_trained() -> None:
    """The features at inference must be those of training (linear_model.json): a changed
    question flag or length bucket silently moves every score."""
    prepared = Prepared("leuk. wat zag je?", (), "", ("leuk.", "wat zag je?"))
    said = Verdict(Label.OTHER, "", 1.0, "leuk.")
    asked = Verdict(Label.OPEN_QUESTION, "wat", 2.0, "wat zag je?", question=True)
    assert "q:last" in _rules(prepared, [said, asked], 3)
    assert "q:last" not in _rules(prepared, [asked, said], 3)
    assert "len:0" in _rules(prepared, [said], 3) and "len:1" in _rules(prepared, [said], 4)
    assert "len:5" in _rules(prepared, [said], 65)


def test_time_stamps_are_no_characters_for_the_model() -> None:
    assert char_text(["op", "<ts>", "kijkt"]) == " op kijkt "
