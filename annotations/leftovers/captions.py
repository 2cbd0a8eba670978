"""Tests for captions and credits written as ordinary text: the picture's sentence, the byline's name.

Scrapers keep a page's photo captions as full sentences ("Firefighters battle a blaze near Athens on
Tuesday.") and its credits as bare names ("Jane Doe, AP Staff Writer"). No single word gives them
away, so these tests return evidence of different strength, which the cue table weighs: a position
marker such as "(left)" is nearly proof; a present-tense description of people is a hint that needs
a second one (a date at the end, "pictured", a credit on the next line).
"""

from __future__ import annotations

import re

POSITION = re.compile(
    r"\((?:left|right|center|centre|front|rear|middle|top|bottom|above|below|inset|l-r|l to r"
    r"|(?:second|third|far|top|bottom|front|back|standing|seated)(?: from)? (?:left|right)"
    r"|from (?:left|right)|(?:left|right) to (?:right|left)|clockwise from (?:top )?(?:left|right))\)"
    r"|\w, (?:far |second from |third from )?(?:left|right|center|centre|front|top|bottom), "
    r"|\bfrom left(?: to right)?,|\b(?:left to right|l-r|pictured (?:from )?left)\s*[:,]"
)
"""'(left)', '(second from right)', 'From left, ...': a caption naming who stands where."""

PICTURED = re.compile(
    r"\b(?:pictured|seen here|shown here|photographed|in this (?:undated |file |handout )?(?:photo"
    r"|picture|image|photograph)|in a (?:photo|picture|handout photo|file photo|photograph)"
    r"|poses? for (?:a )?(?:photo|photographs|pictures|portrait)|(?:photo|picture|image) (?:taken|made"
    r"|released|provided|shows?|obtained)|(?:is|are) (?:seen|pictured|shown)(?! as\b)|view shows)\b"
)

_VERBS = (
    "speak|gesture|wave|arrive|pose|listen|attend|react|walk|sit|celebrate|deliver|greet|shake hands"
    "|smile|pray|gather|inspect|look on|looks? at|embrace|hug|mourn|battle|ride|wait|survey|rescue"
    "|carry|raise|kneel|cheer|weep|applaud|chant|wade|bow|salute|stroll|jog|stretch|relax|flee|dive"
    "|dance|perform|sing|swim|climb|kiss|touch|unveil|examine|receive|accept|tour|board|depart"
    "|stand guard|take part|hold (?:a|up|hands|signs|placards|flags|banners|candles|photos|pictures)"
    "|talk (?:to|with)|watch as|march (?:through|in|along|past|towards?|down|across)"
    "|protest (?:outside|in front|against|near|in)|visit (?:a|the)|leave (?:a|the)|address (?:a|the)"
    "|lay (?:flowers|wreaths|a wreath|candles)|line up|clear (?:debris|rubble|snow)"
    "|search (?:for|through)|cross (?:a|the)|play (?:with|in)|clear|rise|billow|burn|hang|lie|fly"
    "|patrol|guard|help|repair|distribute|collect|unload|evacuate|treat|paint|tend|rebuild|remove"
)
_IRREGULAR = (
    "carries|cries|flies|tries|lies"
    "|(?:is|are) (?:seen|pictured|shown|displayed|lit|illuminated|silhouetted|reflected|escorted|detained)"
)
PRESENT = re.compile(
    r"^(?:[A-Z0-9][\w.'’-]*,? (?:(?![a-z]+(?:ed|ing)\b)[\w.'’()-]+,? ){0,5}?)"
    rf"(?:(?:{_VERBS.replace(' ', r'(?:s|es)? ')})(?:s|es)?|{_IRREGULAR})"
    r"\b(?! (?:that|to|it|he|she|they|as)\b)"
)
"""A capitalised subject then a present-tense verb of what a picture shows ('Mourners lay...')."""
_HEADS = frozenset(
    form
    for head in re.sub(r"\(\?:[^)]*\)", "", _VERBS).replace("?", "").split("|")
    for form in (head.split()[0], head.split()[0] + "s", head.split()[0] + "es")
) | frozenset(_IRREGULAR.split("(")[0].strip("|").split("|")) | {"is", "are", "looks"}
"""The first word of every verb PRESENT looks for, in all its forms: a cheap test before it."""
_EDGES = ".,;:!?\"'’”)—–-"

_NOT_CAPTION = re.compile(
    r"\b(?:said|says|told|will|would|could|should|has|have|had|was|were|is expected|are expected"
    r"|according to|I|we|you|our|my|if|because|but)\b|[“”\"]"
)
DATED_END = re.compile(
    r"(?:\b(?:on|in|at|during)\s+|,\s*)(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}"
    r"|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?:,?\s+\d{4})?"
    r"(?:,?\s+\d{4})?\.?\s*$",
    re.IGNORECASE,
)
"""A caption's date at its end: '... on Tuesday.', '..., March 3, 2022', ', 24 Nov 2007'."""


def describes_picture(text: str) -> bool:
    """A present-tense sentence of people doing something, with nothing said or reported.

    It must end as a sentence does: headlines are written in the present tense too.
    """
    return text.rstrip().endswith((".", ")", "]")) and _shows_people(text)


def _shows_people(text: str) -> bool:
    words = text.split(None, 8)[1:8]
    if _HEADS.isdisjoint(word.rstrip(_EDGES) for word in words):
        return False
    return PRESENT.search(text) is not None and not reports_speech(text)


_ROLE = re.compile(
    r"\b(?:staff|writer|reporter|correspondent|editor|columnist|contributor|journalist|producer"
    r"|photographer|bureau|desk|press|reuters|afp|ap|upi|bloomberg|agencies|wire|news service"
    r"|media|times|post|herald|tribune|journal|telegraph|guardian|daily|gazette|chronicle|\.com"
    r"|\.co\.uk|\.net)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|(?:de|da|van|von|der|del|la|le|al|bin|du))$")
_CREDIT_WORDS = frozenset(
    {"of", "the", "for", "and", "in", "at", "on", "&", "a", "with", "special", "to", "senior", "chief"}
)
_SPLIT = re.compile(r"\s*(?:,|\||\s[-–—]\s|\s/\s)\s*")


def is_named_credit(text: str) -> bool:
    """'Jane Doe, AP Staff Writer', 'MARK SMITH | Deputy Business Editor': a name, then a role or outlet."""
    parts = _SPLIT.split(text.strip().rstrip("."), maxsplit=1)
    if len(parts) != 2 or not parts[1]:
        return False
    name, credit = [word for word in parts[0].split() if word != "and"], parts[1].split()
    if " in " in f" {parts[0]} ":
        name = name[: name.index("in")]
    if not 2 <= len(name) <= 6 or not all(_NAME_WORD.match(word) for word in name):
        return False
    if len(credit) > 9 or _ROLE.search(parts[1]) is None:
        return False
    return all(
        word[0].isupper() or word[0].isdigit() or word.lower() in _CREDIT_WORDS or "." in word
        for word in credit
    )


_AGENCIES = frozenset(
    {"AFP", "AP", "Reuters", "REUTERS", "Getty Images", "GETTY IMAGES", "EPA", "Xinhua", "AAP", "PA", "ANP",
     "DPA", "Bloomberg", "Shutterstock", "Alamy", "AFP via Getty Images", "AP via Getty Images"}
)


def agency_after_sentence(text: str) -> bool:
    """'... outside the ministry. AFP': a picture agency's name after the caption's last sentence."""
    end = text.rstrip()[-32:]
    for stop in (". ", "! ", "? "):
        cut = end.rfind(stop)
        if cut > 0 and end[cut - 1].isalpha() and end[cut + 2 :].strip() in _AGENCIES:
            return True
    return False


def dated_picture(text: str) -> bool:
    """A picture's description that ends with the day it was taken, as agency captions do."""
    last = text.rstrip(". ")[-3:]
    if not (last[-1:].isdigit() or last.lower() == "day"):
        return False
    dated = DATED_END.search(text[-40:]) is not None
    return dated and (_shows_people(text) or PICTURED.search(text.lower()) is not None)


def reports_speech(text: str) -> bool:
    """Quotes, 'said', opinions or conditions: article prose, not a picture's description."""
    return _NOT_CAPTION.search(text) is not None
