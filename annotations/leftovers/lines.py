"""Tests on a line's whole form: timestamps, runs of page buttons, bylines, breadcrumbs, separators.

They are functions rather than single patterns, either because a line must consist only of certain
tokens (a timestamp, a share bar) or because a nested pattern could backtrack on some lines.
"""

from __future__ import annotations

import re

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
DATE = (
    rf"(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})"
)
_TIME = r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?"

# Tokens a timestamp line is made of; a line with nothing else is a dateline or "Updated" stamp.
_STAMP_TOKEN = re.compile(
    rf"{DATE}|{_TIME}|\b(?:{MONTH}|{_WEEKDAY})(?![a-z])"
    r"|\b(?:published|updated?|posted|last|first|modified|created|edited|launched|article|date|on|at"
    r"|am|pm|gmt|utc|bst|wst|awst|acst|aest|nzst|nzdt|cat|eat|wat|msk|pkt"
    r"|cet|cest|edt|est|cdt|cst|mdt|mst|pdt|pst|et|pt|ist|aest|aedt|sgt|hkt|jst|hours?|hrs?"
    r"|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|ago|today|yesterday|read|min)\b\.?"
    r"|\b(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|co|uk|cn|in|au|za|ca|de|fr|info|news)\b"
    r"|\b\d+\s*(?:h|hr|hrs|m|min|mins|d|w|s|y)\b|\bjust now\b"
    r"|\d+|[\s,:;|/.()\[\]@–—-]+"
)
_STAMP_ANCHOR = re.compile(rf"{DATE}|{_TIME}|\bago\b|\bjust now\b|\bmin(?:ute)?s? read\b|\b{MONTH}\s+\d")


_DIGIT = re.compile(r"\d")


def is_timestamp(text: str) -> bool:
    """A line of dates, times and words like "Updated" only."""
    # Every anchor but "ago" holds a digit: a cheap test spares most lines the long pattern.
    if "ago" not in text and "just now" not in text and _DIGIT.search(text) is None:
        return False
    return _STAMP_ANCHOR.search(text) is not None and not _STAMP_TOKEN.sub("", text)


_WORD_CHAR = re.compile(r"[^\W_]")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
_BUTTON_ACTIONS = frozenset(
    {
        "print", "printer", "printable", "email", "e-mail", "mail", "share", "save", "bookmark",
        "tweet", "send", "subscribe", "reply", "report", "recommend", "comment", "comments", "digg",
        "rss", "follow"
    }
)
_BUTTON_WORDS = _BUTTON_ACTIONS | frozenset(
    {
        "e", "this", "article", "story", "page", "post", "news", "to", "a", "the", "friend",
        "friends", "and", "or", "version", "friendly", "font", "size", "text", "larger", "smaller",
        "reprints", "permissions", "link", "copy", "feed", "feeds", "don't", "dont", "t", "like",
        "abuse", "us", "on", "facebook", "twitter", "x", "linkedin", "whatsapp", "reddit",
        "delicious", "del", "icio", "yahoo", "google", "myweb", "newsvine", "stumbleupon",
        "technorati", "what's", "whats", "s", "tools", "list", "discuss", "at", "forum", "more",
        "options", "it", "view", "format", "your", "my", "web", "blog", "sphere", "these", "are",
        "favorites", "favourites", "messenger", "telegram", "pinterest", "flipboard", "threads", "what"
    }
)


def only_buttons(text: str) -> bool:
    """Every word is a button's word and one of them is an action: a run of page buttons."""
    words = _LETTER_RUNS.findall(_GLUED.sub(" ", text).lower())
    return (
        len(words) >= 2
        and not _BUTTON_WORDS.isdisjoint(words)
        and all(word in _BUTTON_WORDS for word in words)
        and not _BUTTON_ACTIONS.isdisjoint(words)
    )


def has_no_word(text: str) -> bool:
    """Separators, bullets and emoji: no letter or digit at all."""
    return _WORD_CHAR.search(text) is None


# Bylines are read in the original case: names are capitalised ("By contrast" is not a byline).
# They are checked word by word, not with one nested regex, so no line can make them backtrack.
_CASED_MONTH = MONTH.replace("(?:jan", "(?i:jan", 1)
_BYLINE_HEAD = re.compile(
    rf"(?:{_CASED_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}},?\s+)?"
    r"(?i:by|written by|words by|story by|posted by|reported by|text by|edited by|reporting by"
    r"|author|authors|reporter|editor|posted|writer|words)\s*:?\s+(?=[A-Z])"
)
_BYLINE_WORDS = frozenset(
    {
        "de", "da", "van", "von", "der", "den", "al", "bin", "la", "le", "du", "del", "staff",
        "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "news",
        "political", "senior", "chief", "business", "special", "to", "the", "of", "for", "in",
        "and", "associated", "press", "bureau", "desk", "agencies", "with", "updated", "published",
        "posted", "at", "on", "am", "pm", "a.m", "p.m", "hour", "hours", "minute", "minutes", "day",
        "days", "ago", "&",
    }
)
_BYLINE_EDGES = ",|/–—-."


def is_byline(text: str) -> bool:
    """'By' and names, then only names, roles, outlets, dates and times."""
    head = _BYLINE_HEAD.match(text)
    if head is None:
        return False
    for word in text[head.end() :].split():
        word = word.strip(_BYLINE_EDGES)
        if word and not (word[0].isupper() or word[0].isdigit() or word.lower() in _BYLINE_WORDS):
            return False
    return True


_CRUMB_SPACED = re.compile(r"\s(?:>|›|»|\||/|::|•|·)\s")
_CRUMB_TIGHT = re.compile(r"\s*[>›»]\s*")
_CRUMB_STOP = re.compile(r"[>›»|•·.!?]")


def is_breadcrumb(text: str) -> bool:
    """Short parts joined by separators ('Home > World > Asia', 'News | Sport | Weather')."""
    for splitter, fewest in ((_CRUMB_SPACED, 2), (_CRUMB_TIGHT, 3)):
        parts = splitter.split(text)
        if fewest <= len(parts) <= 13 and all(_is_crumb(part) for part in parts):
            return True
    return False


def _is_crumb(part: str) -> bool:
    part = part.strip()
    return 0 < len(part) <= 40 and _CRUMB_STOP.search(part) is None
