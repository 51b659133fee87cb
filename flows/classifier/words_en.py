"""English words the cue phrases of cues_en.py are built from: feelings, qualities of a
person, verdicts, intensifiers, the verbs or auxiliaries that open a yes/no question.
Kept apart from the cues so that module stays readable."""
from __future__ import annotations

from flows.classifier.lexicon import words

EMOTION = words("""
worried frustrated anxious nervous proud relieved surprised disappointed stuck torn overwhelmed
unsure uncertain scared afraid tired exhausted angry annoyed irritated upset sad lonely alone
guilty helpless confused pleased happy satisfied stressed tense embarrassed ashamed hurt
discouraged drained insecure conflicted uncomfortable vulnerable caught_off_guard thrown
powerless shocked excited hopeful curious hesitant torn_between defeated fed_up
""")
QUALITY = words("""
energy patience warmth humour humor enthusiasm passion commitment dedication honesty openness
courage calm care creativity attitude presence kindness resilience curiosity reflection
""")
PERSON = words("""
teacher colleague inspiration role_model natural star example pro professional person asset
educator mentor gem legend rock_star rockstar hero treasure superstar
""")
VERDICT = words("""
good great nice lovely brilliant excellent clear effective spot_on strong powerful smart clever
flat boring dull rushed cluttered messy chaotic confusing unclear harsh weak awkward odd
strange perfect amazing awesome fantastic wonderful beautiful poor bad worse better best
helpful unhelpful pointless useful overwhelming abrupt vague repetitive well_chosen
well-chosen well_done nicely a_shame a_pity shame pity fun engaging hilarious brave wise clunky
disorganised disorganized sloppy slick genius superb outstanding terrible awful mess lovely
""")
# Words in -ing that are no -ing form of a verb: "maybe nothing", "maybe during the break".
# Nor adjectives in -ing ("maybe confusing for the kids?").
NOT_A_GERUND = (r"(?!(?:some|any|every|no)thing\b|thing\b|during\b|morning\b|evening\b|"
                r"bring\b|spring\b|string\b|king\b|ring\b|sing\b|swing\b|wing\b|"
                r"(?:confus|bor|interest|excit|annoy|challeng|disturb|distract|amaz|overwhelm|"
                r"frustrat|surpris|tir|demand|worry|embarrass|intimidat|confront|disappoint|"
                r"miss|lack|interrupt)ing\b)")
INTENSIFIER = r"(?:a bit|a little|bit|rather|quite|really|very|so|super|pretty|way|slightly|fairly|extremely|incredibly|kind of|kinda|a tad)"
DESCRIPTIVE = words("long short hard difficult easy loud quiet calm busy noisy slow fast strict soft")
AUX = words("""
is are was were do does did have has had can could would will should shall may might am isn't
aren't wasn't weren't don't doesn't didn't haven't hasn't can't couldn't wouldn't won't
shouldn't
""")
PRON = r"(?:you|they|he|she|it|this|that|there|the|we|i|your|these|those|any|all|anyone|someone|kids|students)"
