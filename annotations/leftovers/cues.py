"""The named cues that mark a passage as a web-page leftover: one table, easy to extend.

Each cue has a name (shown to the analyst in the reason), the kind of leftover it implies, a
weight (how sure it makes us, 0..1; cues combine as independent evidence) and a test. Tests see
the passage in lower case unless the cue is `cased`. A cue only looks at passages up to
`max_words` long, so a long paragraph that merely mentions "comments" or "Twitter" is left alone,
and only when one of its `needles` (plain substrings) occurs, which keeps the scan cheap.

To recognise a new kind of leftover, add one `Cue(...)` to `TEXT_CUES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from annotations.leftovers import captions
from annotations.leftovers.lines import (
    DATE,
    MONTH,
    has_no_word,
    is_breadcrumb,
    is_byline,
    is_timestamp,
    only_buttons,
)


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence that a passage is a leftover, and what kind it points to."""

    name: str
    kind: str
    weight: float
    why: str
    test: Callable[[str], object] | None = None
    """None for cues read from the neighbouring passages rather than the text."""
    max_words: int = 10_000
    needles: tuple[str, ...] = ()
    cased: bool = False
    at_end: bool = False
    """Only near the end of the article's text (author notes follow its last paragraph)."""
    tail: bool = False
    """The test reads only the passage's end, so its needles are looked for in the last TAIL chars."""


@dataclass(frozen=True, slots=True)
class Search:
    """A test that is one regular expression search, of the whole passage or of its end.

    The detector can combine such tests into one pattern that rules many cues out at once.
    """

    pattern: re.Pattern[str]
    size: int = 0
    """0: the whole passage; otherwise only its last `size` characters."""

    def __call__(self, text: str) -> object:
        return self.pattern.search(text[-self.size :] if self.size else text)


def _rx(pattern: str) -> Search:
    """A search compiled once (patterns are written for lower-case text)."""
    return Search(re.compile(pattern))


TAIL = 240
"""The longest end of a passage a `_tail` test reads."""


def _tail(pattern: str, size: int = 160) -> Search:
    """A search of the passage's last `size` characters, for cues about how a passage ends."""
    return Search(re.compile(pattern), size)


def _dated_tail(pattern: str, size: int) -> Callable[[str], object]:
    """A tail search that only runs on passages ending in a number, as dated captions do."""
    search = _tail(pattern, size)
    return lambda text: text.rstrip(". ")[-1:].isdigit() and search(text)


_SOCIAL_SITE = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit!?|pinterest|digg(?: it| this)?"
    r"|del\.icio\.us|delicious|newsvine|stumbleupon|google\+?|yahoo!?|tumblr|telegram|messenger"
    r"|copy link|share|tweet|flipboard|mix|sms|myspace|technorati|fark|slashdot|bluesky|threads"
    r"|return to top|back to top|print-friendly version|e-?mail (?:article|story)|save|aim)"
)
_AGENCY = (
    r"getty(?: images)?|ap(?: photo)?|afp|reuters|efe|anadolu(?: agency)?|kyodo|xinhua"
    r"|shutterstock|istock|alamy|aap|dpa|ansa|pti|ians|sipa|zuma|nurphoto|sopa|bloomberg"
)

_TOPIC = r"[\w .'&-]{1,30}"
_RELATED_HEADERS = (
    r"related(?: stories| articles| content| coverage| news| links| topics| reading| posts| items)?",
    r"related videos?|related searches|more news related to .{1,30}|more top stories",
    r"more (?:stories|news|headlines|articles|coverage|on this story|like this)",
    r"explore more on these topics|(?:related )?topics|reuse this content|more on these topics",
    r"recommended(?: for you| stories| reading| articles)?|you (?:may|might) (?:also )?like",
    r"you (?:may|might) (?:also )?be interested in|also read|read also|see also|also see",
    r"most (?:read|popular|viewed|shared|emailed|commented)(?: articles| stories| news)?",
    r"trending(?: now| stories)?|top (?:stories|news|headlines)|popular(?: now| stories)?",
    r"latest(?: news| stories| headlines)?|editor'?s picks|what to read next|further reading",
    r"in other news|don'?t miss|around the web|from the web|promoted stories|more to explore",
    rf"more from {_TOPIC}|more in {_TOPIC}|also on {_TOPIC}",
    rf"other (?:stories|news|headlines)(?: in {_TOPIC})?|key events|show key events only",
    r"(?:more|most|latest|top|related|popular|other|past|recent|today'?s|featured|inside)"
    r"(?: [\w'’&.-]+){0,4} (?:headlines|stories|news|articles|coverage|galleries|videos)"
    r"(?: (?:in|on|from|about) [\w'’&.-]+(?: [\w'’&.-]+)?)?",
    r"[\w'’&.-]+(?: [\w'’&.-]+){0,2} headlines",
)

TEXT_CUES: tuple[Cue, ...] = (
    # Comments
    Cue("comment-prompt", "comments", 0.95, "invites the reader to the comments",
        _rx(r"\b(?:view|show|hide|load) (?:all |the |\d+ )*(?:comments?|replies)\b|\blooking for "
            r"comments\b|\bfind comments\b|\bbe the first to (?:post a )?comment\b|\bcomments? (?:are"
            r"|have been|is) (?:now )?(?:closed|disabled|moderated)\b|\bcomment(?:ing)? (?:guidelines"
            r"|rules)\b|\b(?:log|sign) in to (?:comment|reply)\b|\breport this comment\b|^\d*\s*(?:comments?"
            r"|replies|talkbacks?)\s*(?:\(\d+\))?\s*[:»›]?$|^comments? by\b|^(?:do you have )?"
            r"comments? (?:on|about) this (?:story|article|post)\b|^comments?\s*[\[(]"
            r"|^(?:article |reader )?comments$|\btalkbacks? for\b"),
        max_words=30, needles=("comment", "repl", "talkback")),
    Cue("comment-button", "comments", 0.9, "a button or header that opens the comments",
        _rx(r"^\+?\s*(?:(?:post|add|leave|write|submit|read|see) (?:a |your |the |all |new |\d+ )*"
            r"(?:comments?|replies|reply)|(?:join|add to) the (?:conversation|discussion)|report abuse|reply"
            r"|show more replies|have your say|what do you think\??|tell us what you think\.?"
            r"|your views)\b"), max_words=12),
    # Social embeds
    Cue("social-attribution", "social", 0.95, "'— Name (@handle) date' line of an embedded post",
        _rx(rf"^[—–-]{{1,2}}\s*\S.{{0,80}}\(@[\w.@-]{{1,60}}\)\s*(?:{DATE})?\s*$"), max_words=20,
        needles=("(@",)),
    Cue("social-embed", "social", 0.9, "ends like an embedded post (handle and date, t.co or pic link)",
        _tail(rf"\(@[\w.@-]{{1,60}}\)\s*{DATE}\s*$|\bpic\.twitter\.com/\w+|https?://t\.co/\w+\s*$"
              r"|\b(?:view this post on instagram|a post shared by)\b", 200),
        max_words=90, needles=("(@", "pic.twitter", "t.co/", "instagram", "post shared"), tail=True),
    # Captions and credits
    Cue("photo-credit", "caption", 0.9, "ends with a photo credit in parentheses",
        _tail(rf"\((?:[a-z][\w.&' -]{{0,40}} ?/ ?){{1,4}}[a-z][\w.&' -]{{0,40}}\)\.?$"
              rf"|\((?:[^()]{{0,50}}\b(?:photo|image|picture|credit|handout|courtesy|file)\b[^()]{{0,50}}"
              rf"|(?:[^()]{{0,40}}\b)?(?:{_AGENCY})\b[^()]{{0,30}})\)\.?$"),
        max_words=80, needles=(")",), tail=True),
    Cue("credit-slash", "caption", 0.85, "ends with a credit such as 'REUTERS/Jane Doe'",
        _tail(rf"(?:\b(?i:{_AGENCY}|epa(?:-efe)?)(?: [Ii]mages)?\s*/\s*[A-Z][\w.' -]{{1,40}}"
              rf"|[A-Z][\w.' -]{{1,40}}/(?i:{_AGENCY}|epa(?:-efe)?|the [a-z][\w ]{{1,30}})"
              r"(?: via getty images)?|\b(?i:photo(?:graph)?|picture|image)s?(?: by)?\s*:\s*"
              r"[A-Z][\w.' -]{1,40}(?:/[A-Z][\w.' -]{1,40})?)\.?$"),
        max_words=80, needles=("/", ":"), cased=True, tail=True),
    Cue("photo-label", "caption", 0.85, "labels a picture or its credit",
        _rx(r"^(?:(?:photo|photograph|image|picture|pic|illustration|graphic|credit|photo credit"
            r"|file photo|caption|courtesy)s?(?: by)?\s*[:/|]|(?:image|photo|picture|video) (?:source"
            r"|caption|credit)s?\s*[,:]|(?:file\s*[-–—]\s*)?in this (?:file |undated |handout )?"
            rf"(?:photo|image|picture)\b|file\s*[-–—]\s|(?:{_AGENCY}|getty images|file photo"
            r"|ap photo/[\w. -]+|image|images|view image in fullscreen|enlarge this image|expand image"
            r"|open image in viewer)\.?$|credit\s*(?:\.\.\.|…)"
            r"|(?:getty images|shutterstock|istock(?:photo)?|alamy)\s*/\s*[\w.' -]{1,40}$)"), max_words=80),
    Cue("caption-verb", "caption", 0.6, "a present-tense picture description ending in a date",
        _dated_tail(r"\b(?:speaks|gestures|looks on|waves|arrives|poses|listens|attends|reacts|is seen"
              r"|are seen|pictured|shakes hands|greets|stands|sits|walks|celebrates)\b.{0,160}\b(?:on|in)"
              rf"\s+(?:{DATE}|{MONTH}\s+\d{{1,2}})\.?\s*$", 240), max_words=50),
    Cue("caption-view", "caption", 0.75, "a picture's description ('A general view of ...')",
        _rx(r"^(?:a |an )?(?:general|aerial|partial|close-up|wide|drone|night|file) view\b"), max_words=50),
    Cue("credit-tail", "caption", 0.8, "a sentence followed by the picture agency's name",
        captions.agency_after_sentence, max_words=60, cased=True),
    Cue("caption-position", "caption", 0.8, "says who stands where in a picture ('(left)')",
        captions.POSITION.search, max_words=70,
        needles=("(", "from left", "left to right", "l-r", ", left,", ", right,", ", centre,", ", center,")),
    Cue("caption-pictured", "caption", 0.45, "says what a picture shows ('pictured', 'in this photo')",
        captions.PICTURED.search, max_words=45,
        needles=("pictur", "seen here", "shown here", "photo", "image", "poses", "is seen", "are seen",
                 "is shown", "are shown", "view shows")),
    Cue("caption-present", "caption", 0.45, "a present-tense sentence of people doing something",
        captions.describes_picture, max_words=45, cased=True),
    Cue("caption-dated", "caption", 0.65, "a present-tense picture description ending in its date",
        captions.dated_picture, max_words=45, cased=True),
    Cue("photo-by", "caption", 0.85, "credits a picture ('Photo by ...', 'Image copyright ...')",
        _rx(r"^(?:photo|photograph|image|picture|video|illustration|graphic|pictures|photos|images)"
            r"(?: and (?:photo|video|text|words)s?)? (?:by|courtesy(?: of)?|copyright|credit|source)\b"
            r"|^image (?:caption|copyright)\b"), max_words=12),
    # Related articles
    Cue("related-header", "related", 0.95, "heads a list of other articles",
        _rx(r"^(?:" + "|".join(_RELATED_HEADERS) + r")\s*[:»›>]?$"), max_words=8),
    Cue("read-more", "related", 0.9, "a 'read more' or 'see more' link",
        _rx(r"^(?:read|see|show|view|load|find out|learn|discover|explore)\s+(?:more|all|the full"
            r"|full)(?:\s+(?:stories|news|articles|coverage|here|about|on|at|from|of our)\b[^.!?]{0,60})?"
            r"\s*[:»›>…]?(?:\s*:.*)?$|^(?:continue|keep) reading\b.{0,40}$|^read the (?:full|whole|rest)"
            r"\b.{0,40}$|^more\s*[»›>]|^click (?:here|for)\b.{0,60}$|^(?:read|see) (?:next|also|more)"
            r"\s*:|^(?:watch|listen|video|audio|gallery|photos|read more)\s*:|^(?:previous|next|related)"
            r" (?:story|article|post)\s*:|^watch (?:on youtube|the video|now|live)\b.{0,40}$"
            r"|^[\[(]\s*(?:related|read more|see also|also read|more)\s*:[^\])]{1,120}[\])]$"
            r"|^(?!.*[.!]$)(?:related(?: stories| story| articles?| content| coverage)?|also read|read also"
            r"|see also|more on this|further reading|recommended|trending|most read|editor'?s pick)"
            r"\s*[:|]\s*\S"),
        max_words=16),
    Cue("audio-player", "promo", 0.9, "an audio player's label ('Listen to this article · 4 min')",
        _rx(r"^listen(?: to (?:this|the) (?:article|story|episode))?(?:\s*[·•|-]?\s*\d+(?::\d+)?\s*"
            r"(?:min(?:ute)?s?)?)?$"), max_words=10),
    Cue("teaser-ellipsis", "related", 0.6, "a teaser cut off with an ellipsis",
        _tail(r"[^\W\d_]{2}\s*(?:…|\.\.\.)\s*$", 12), max_words=45, needles=("…", "..."), tail=True),
    # Promotions: sharing, subscriptions, ads, cookies
    Cue("share-prompt", "promo", 0.9, "a share, print or follow button",
        _rx(rf"^[•·*-]?\s*(?:(?:share|tweet|email|e-mail|print|save|bookmark|pin|send|forward|recommend"
            r"|add|gift)(?:\s+(?:this|the|to|on|via|with|it))*(?:\s+(?:article|story|page|post|link|video"
            r"|gallery|a friend|friend|facebook|twitter|x|linkedin|whatsapp|email|reddit|version|full"
            rf"|del\.icio\.us|digg|favorites))*\s*[:!]?|(?:{_SOCIAL_SITE}\s*(?:[|,·•/]|-\s)?\s*){{2,}})$"
            r"|^click to (?:share|email|e-mail|print|tweet|pin)\b|\(opens in (?:a )?new window\)$"
            r"|^follow (?:us|[\w@.-]+(?: [\w.-]+){0,3} on (?:twitter|x|facebook|instagram|threads|bluesky"
            r"|linkedin|youtube|tiktok))\b|^(?:link copied!?|copy link|link copied to clipboard)$"
            r"|^our standards\s*:|\bspread the (?:news|word) by\b|^share (?:&|and) save\b"),
        max_words=12),
    Cue("subscribe-prompt", "promo", 0.9, "asks the reader to subscribe, sign up or log in",
        _rx(r"\b(?:receive|get) (?:our |the )?(?:free )?e-?newsletters?\b|\bdelivered (?:straight |"
            r"directly? )?to your (?:inbox|desktop)\b|\brss reader\b|\b(?:headlines|news|updates"
            r"|newsletter) emailed to you\b|\b(?:receive|get) news via\b|\bsign(?:\s|-)?up (?:for|to)"
            r" (?:our|my)\b|\bsign(?:\s|-)?up\b.{0,60}\bnewsletters?\b|\bsubscribe (?:now|today|here)\b"
            r"|\bsubscribe to (?:our|my)\b|\bsubscribe for (?:just|only|as little|[$£€])|\b(?:newsletters?"
            r"|briefing|alerts?) (?:sign-?up|delivered)\b|\bsent to your inbox\b|\benter your e-?mail\b"
            r"|\balready a subscriber\b|\balready have an account\b|\bstart your (?:free )?trial\b"
            r"|\bsubscribers only\b|\bsupport (?:our|independent|quality) journalism\b|\bunlimited "
            r"digital access\b|\bthanks? for (?:signing up|subscribing)\b|\bby (?:signing up|subscribing"
            r"|registering|clicking)[^.]{0,40}\byou agree\b|\bget (?:our|the) [\w ]{0,30}newsletter\b"
            r"|\byou must (?:be registered|have registered|be logged in|log in)\b|\blog in to access\b"
            r"|\bsign(?:\s|-)?up for (?:free\b|(?:our|my|the|a) (?:free |daily |weekly |morning |evening )?"
            r"(?:newsletter|briefing|digest|alert|email|bulletin))|\bunsubscribe (?:at any time|anytime)\b"
            r"|\b(?:please )?enter (?:a |your )?valid e-?mail\b|\byou(?:'re|’re| are) (?:all set|subscribed"
            r"|signed up|now subscribed)\b|\bcheck your inbox\b|\bwe(?:'ll|’ll| will) never share your\b"
            r"|\bno spam\b|\bsign me up\b|\bby submitting your (?:e-?mail|details)\b|\bfree articles? "
            r"(?:left|remaining)\b|\bto continue reading\b|\bbecome a (?:member|subscriber|patron)\b"
            r"|\bget home delivery\b|\bregister (?:now|today|for free)\b"
            r"|\b(?:create|register for) a free account\b|\bregister to (?:read|continue|comment|access)\b"
            r"|\b(?:log in|login|sign in) or (?:register|subscribe|sign up)\b"
            r"|\bapps? for (?:ios|iphone|android)\b|\b(?:ios|iphone) (?:and|or|&) android\b"
            r"|\b(?:our|this) journalism is (?:funded|supported|made possible)\b|\breaders like you\b"
            r"|\b(?:newsletter|briefing|digest) (?:in your inbox"
            r"|every (?:morning|evening|day|week))"),
        max_words=35, needles=(
            "newsletter", "delivered to your", "delivered straight", "delivered direct", "rss", "emailed",
            "news via", "sign up", "sign-up", "signup", "signing up", "signed up", "sign me", "subscri",
            "alerts delivered", "alert delivered", "briefing delivered", "inbox", "enter your",
            "have an account", "start your", "journalism", "unlimited digital", "you agree", "you must",
            "log in", "valid e", "all set", "never share", "no spam", "submitting", "free article",
            "continue reading", "become a", "home delivery", "register now", "register today",
            "register for", "free account", "readers like", "briefing every", "digest every",
            "register to", " or register", " or subscribe", " or sign up", "ios", "iphone", "android",
        )),
    Cue("promo-invite", "promo", 0.85, "invites the reader to an app, alerts or a newsletter",
        _rx(r"^(?:get|join|receive|stay|never miss|don'?t miss|download|follow us)\b.{0,100}"
            r"\b(?:newsletters?|inbox|alerts|(?:morning|evening|daily|weekly) (?:email|briefing)|google news"
            r"|our app|the app)\b"), max_words=30),
    Cue("subscribe-button", "promo", 0.9, "a subscribe, sign-up or app button",
        _rx(r"^(?:newsletters?|subscribe|sign up|register|create (?:an|a free) account|my account"
            r"|free newsletters?|get (?:the|our) app|download (?:the|our) app|get our rss feed"
            r"|(?:premium|registered|subscriber) (?:article|content)|sign up for .{1,40}|sign up here"
            r"|(?:subscribe|sign up|log in|sign in) (?:to|for) (?:continue|read|keep reading).{0,30}"
            r"|account|(?:contribute|donate|support us) (?:now|today)|donate|(?:your )?e-?mail(?: address)?"
            r"\s*\*?|sign up now|join (?:now|today|us)|subscribe now|get the newsletter|get (?:it|started)"
            r"|(?:i agree|i accept)(?: to)? (?:the )?terms.{0,40}|first name|last name|zip code|postcode"
            r"|(?:free )?(?:daily|weekly|morning|evening) (?:newsletter|briefing|digest|email))\s*[:!.*]?$"),
        max_words=8),
    Cue("advertisement", "promo", 0.95, "an advertisement label",
        _rx(r"^(?:(?:advertisement|advert|ad)\s*[-–—·:|]\s*(?:scroll to continue|continue reading below"
            r"|story continues below)|supported by|advertisement|advertising|advert|ads?"
            r"|sponsored(?: content| post| links?| stories)?"
            r"|paid (?:content|post|partner content)|promoted(?: content| stories)?|partner content"
            r"|(?:story|article) continues (?:below|after)(?: (?:this )?(?:advertisement|ad))?"
            r"|scroll (?:down )?to continue(?: with content| reading)?|continue reading (?:the )?(?:main )?"
            r"story(?: below)?|remove ads|ad feedback|skip advert(?:isement)?|ad choices|adchoices"
            r"|(?:article|story|content) continues below (?:this )?(?:ad|advertisement)"
            r"|continue reading below|advertisement\s*[-–—:]?\s*(?:[\w']+ )?continues? below!?"
            r"|(?:ad|advertisement) (?:ends|closes) in \d+"
            r"|advertise with us|advertise here|report (?:this )?ad)"
            r"\s*[:.]?$|\bsponsored by\b"), max_words=12),
    Cue("cookie-notice", "promo", 0.95, "a cookie or consent banner",
        _rx(r"\bwe use cookies\b|\b(?:this|our) (?:site|website) uses cookies\b|\bby (?:continuing|using)"
            r" (?:to (?:use|browse) )?(?:this|our) (?:site|website)\b|\bmanage (?:your )?(?:privacy"
            r"|consent|cookie) (?:settings|preferences)\b"),
        max_words=150, needles=("cookie", "by continuing", "by using", "manage")),
    Cue("legal-links", "promo", 0.85, "privacy, terms or cookie links",
        _rx(r"\bour (?:privacy (?:policy|notice|statement)|terms (?:of (?:use|service)|and conditions))\b"
            r"|^(?!.*[.!?]$).*\b(?:privacy (?:policy|notice|statement)|terms (?:of (?:use|service)"
            r"|and conditions|& conditions)|do not sell my|your privacy choices|accessibility statement"
            r"|cookie (?:policy|settings|preferences|notice)|(?:accept|reject|allow|decline) (?:all"
            r"|cookies))\b"),
        max_words=15, needles=("privacy", "terms", "do not sell", "accessibility", "cookie",
                               "accept", "reject", "allow", "decline")),
    # Navigation
    Cue("nav-control", "navigation", 0.95, "a page control such as 'Back to top' or 'Skip to content'",
        _rx(r"^[•·*-]?\s*(?:home(?:page)?|menu|search|skip to [\w ]{1,20}|skip navigation"
            r"|you are here\s*:.*|back to top|top of page|return to top|go to top"
            r"|next(?: article| story| page)?|previous(?: article| story| page)?|prev|close"
            r"|main menu|navigation|site ?map|contact us|about us|help|faq"
            r"|index|back|top|go|submit|log ?in|log ?out|sign ?in|sign ?out|email|e-mail|password"
            r"|username|user name|forgot (?:your )?password\??|remember me|rss(?: feeds?)?|xml/rss"
            r"(?: feeds?)?|print(?: version| edition)?|e-?mail this(?: article| story| page)?"
            r"(?: to a friend)?|e-?mail to a friend|send to a friend|text size|font size|(?:large|small)"
            r"(?:er)? (?:font|text)|(?:adjust|change) (?:font|text) size|a\s*a\s*a|reprints?(?: and "
            r"permissions)?|permalink|tools|article tools|page tools|jump to|back to [\w .'&-]{1,30}"
            r"|return to [\w .'&-]{1,30}|go to [\w .'&-]{1,30}|click to enlarge|enlarge(?: this)? "
            r"(?:image|photo)|view (?:gallery|slideshow)|show caption|hide caption|toggle caption"
            r"|expand|collapse|what'?s this\??|story tools|font|disclaimer|links|hosted by.{0,30}"
            r"|printable version|printer[- ]friendly(?: version)?|where am i\??"
            r"|page:?[\d\s]+(?:next)?\s*[»›]?)\s*[:»›>]?$"),
        max_words=8),
    Cue("section-name", "navigation", 0.45, "a site section name on its own",
        _rx(r"^(?:news|world|u\.?s\.?|uk|politics|business|markets|economy|tech(?:nology)?|science"
            r"|health|sports?|entertainment|culture|lifestyle|travel|opinion|editorials?|weather"
            r"|traffic|video|videos|photos|podcasts?|blogs?|obituaries|classifieds|horoscopes|local"
            r"|national|international|asia|europe|africa|americas|middle east|more|español|live"
            r"|live updates|breaking(?: news)?)\s*$"), max_words=3),
    Cue("breadcrumb", "navigation", 0.85, "a trail or list of links separated by >, | or »",
        is_breadcrumb, max_words=25, needles=(">", "›", "»", "|", " / ", "::", "•", "·")),
    # Metadata
    Cue("byline", "metadata", 0.85, "a byline ('By Jane Doe, Reuters')", is_byline,
        max_words=16, cased=True),
    Cue("credit-byline", "metadata", 0.85, "a name with a role or outlet ('Jane Doe, AP Staff Writer')",
        captions.is_named_credit, max_words=14, cased=True, needles=(",", "|", " - ", " – ", " — ", " / ")),
    Cue("disclaimer", "other", 0.85, "a disclaimer or a note on the publisher's standards",
        _rx(r"^disclaimer\b|\b(?:the )?(?:views|opinions) expressed\b.{0,120}\b(?:are (?:those|solely|not)"
            r"|do not (?:necessarily )?(?:reflect|represent))|\bdo(?:es)? not (?:necessarily )?(?:reflect"
            r"|represent) the (?:views|opinions|position|policy)\b|\bfor (?:general )?(?:information(?:al)?"
            r"|educational|entertainment) purposes only\b|\b(?:is|are|does) not (?:intended (?:as|to be)|a"
            r" substitute for) (?:professional |financial |legal |medical |investment )*advice\b|\bnot "
            r"responsible for the content of (?:external|third[- ]party)\b|\bis a member of (?:the )?"
            r"[\w' ]{0,40}(?:press council|ipso|independent press standards|trust project|news media "
            r"council)\b|\b(?:regulated by ipso|editors' code of practice)\b|\bwe may (?:earn|receive) "
            r"(?:a )?(?:commission|affiliate)|\baffiliate (?:links?|commission)\b"),
        max_words=50, needles=(
            "disclaimer", "expressed", "reflect the", "represent the", "purposes only", "advice",
            "responsible for the content", "council", "ipso", "trust project", "editors' code",
            "affiliate", "a commission",
        )),
    Cue("funding-note", "other", 0.85, "says who paid for or partnered in the reporting",
        _rx(r"^(?:this|our) (?:article|story|reporting|report|series|project|coverage|content|piece"
            r"|journalism) (?:was|is) (?:produced|reported|made possible|published|supported|funded)"
            r" (?:with|through|by|in) (?:the )?(?:support|a grant|funding|partnership)"), max_words=50),
    Cue("about-publisher", "other", 0.8, "a note about the author, the site or its publisher",
        _rx(r"^(?i:about (?:the )?(?:authors?|publisher|us|this (?:site|blog|newspaper|newsletter|series"
            r"|story|report|project)|the (?:writer|reporter|photographer)))\s*(?::|$)|^(?i:about) (?:the )?"
            r"[A-Z][\w.&'’ -]{1,40}\s*[:—–]\s+\S|^(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4} is (?:an?"
            r"|the) (?:[\w-]+ ){0,4}(?:news|media|publishing|journalism) (?:organi[sz]ation|outlet|company"
            r"|site|website|publisher|platform|service|brand|group|network)\b"),
        max_words=60, cased=True),
    Cue("author-role", "metadata", 0.8, "a reporter's title on its own ('Science correspondent')",
        _rx(r"^(?:[\w.'’-]+ ){0,4}(?:correspondent|editor|reporter|writer|columnist|contributor"
            r"|journalist)$"), max_words=5),
    Cue("author-bio", "metadata", 0.6, "a note at the end on who wrote it ('Jane Doe is a reporter...')",
        _rx(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} is (?:a |an |the )?(?:[\w'’.-]+ ){0,5}"
            r"(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|producer"
            r"|photographer|critic)\b(?: (?:covering|who covers|based in|for|at|of|and)\b|[.,]|$)"),
        max_words=40, needles=("reporter", "correspondent", "editor", "writer", "columnist",
                               "journalist", "contributor", "producer", "photographer", "critic"),
        cased=True, at_end=True),
    Cue("timestamp", "metadata", 0.85, "a dateline or timestamp line", is_timestamp, max_words=16),
    Cue("filed-under", "metadata", 0.85, "tags, categories or topics of the page",
        _rx(r"^(?:filed under|categories|category|tags?|topics?|keywords|posted in|more on)\s*:"),
        max_words=30),
    Cue("credit-line", "metadata", 0.85, "a reporting credit or source note",
        _rx(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b"
            r"|\badditional reporting by\b|\b(?:reporting|writing|editing) by [\w'’.-]+ [\w'’.-]+"
            r"(?:\s*[;,)]|\s+and\b|$)|\binformation (?:for|in) this (?:report|story|article)\b"
            r"|\bbrought to you by\b|\bthis (?:story|article|report) (?:has been|was) (?:updated"
            r"|corrected|amended)\b|\bthis (?:article|story|piece) (?:was |has been )?(?:originally|first)"
            r" (?:appeared|ran|published"
            r"|was published)\b|^(?:originally|first) (?:appeared|published) (?:on|in) [\w.' -]{1,40}"
            r"\.?$|\ba version of this (?:article|story)\b|^(?:source|sources|via|editor|editing"
            r"|courtesy|produced by|with inputs from)\s*:|\bthe full article contains\b"),
        max_words=25, needles=("contribut", "reporting", "writing by", "editing", "information",
                               "brought to you", "this story", "this article", "this report",
                               "this piece", "appeared", "published", "version of", "source", "via",
                               "editor", "courtesy", "produced", "inputs", "full article")),
    Cue("agency-line", "metadata", 0.85, "a news agency's name on its own",
        _rx(rf"^[(—–-]*\s*(?:{_AGENCY}|epa|upi|bbc|cnn|(?:the )?associated press|wire services?"
            r"|agencies|agence france-? ?presse|with agencies)\s*\)?\.?$"), max_words=5),
    Cue("copyright", "copyright", 0.95, "a copyright or rights notice",
        _rx(r"^(?:\(c\)|copyright)\s*(?:©|\(c\))?\s*\d{4}\b|^copyright\b[^.]{0,80}$|©|\ball rights "
            r"reserved\b|\b(?:this material|content) may not be (?:published|reproduced|broadcast"
            r"|rewritten|redistributed)\b|\bmay not be (?:published|reproduced|broadcast|rewritten"
            r"|redistributed)[^.]{0,60}\bwithout (?:the )?(?:prior )?(?:written )?permission\b"
            r"|\breproduction (?:in whole or in part )?(?:is )?(?:prohibited|forbidden)\b"
            r"|\b(?:copying|republication|redistribution) of [\w ]{0,30}content\b|™ is a trade ?mark\b"),
        max_words=40, needles=("(c)", "copyright", "©", "rights reserved", "may not be published",
                               "may not be reproduced", "may not be broadcast", "may not be rewritten",
                               "may not be redistributed", "reproduction", "copying", "republication",
                               "redistribution", "™")),
    Cue("posted-by", "metadata", 0.85, "a 'Posted by ... on ...' line",
        _rx(r"^(?:posted|submitted) (?:by|on|at|in)\b.{0,120}$|^(?:with (?:a )?(?:report|files"
            r"|reporting) from|from (?:our )?correspondents? in)\b"), max_words=25),
    Cue("feedback-prompt", "comments", 0.85, "asks readers for letters, feedback or their stories",
        _rx(r"\bsend us your (?:feedback|views|stories|photos|pictures|tips)\b|^(?:send |write )?(?:us )?"
            r"(?:a )?letters? to the editor\b|\bsend (?:a|your) letters? to the editor\b|\bwe welcome "
            r"your (?:feedback|comments|views)\b|\bhave a view on this\b|\bwe want your (?:local )?"
            r"(?:stories|photos|videos|pics)\b|\bpost your (?:own|comment)\b|\bdiscuss this (?:article"
            r"|story)\b|\bdiscuss (?:at|in) (?:the|our) forums?\b|\bhave your say (?:on|in)\b"
            r"|^(?:have|got) (?:a|an) (?:news |story )?(?:tip|story idea|story|idea for a story)\b.{0,60}\?"
            r"|\b(?:e-?mail|contact) us at\b|\bwe(?:'d|’d| would) love (?:your feedback|to hear from you)\b"
            r"|\btake our (?:short )?survey\b|^(?:contact|e-?mail|reach) (?:the )?(?:authors?|reporters?"
            r"|writers?|editors?)\b"),
        max_words=20, needles=("send", "letter", "welcome your", "have a view", "want your",
                               "post your", "discuss", "have your say", "tip", "story idea", "us at",
                               "love your", "love to hear", "survey", "contact", "e-mail", "email",
                               "reach")),
    Cue("button-run", "promo", 0.85, "only button words ('E-mail this Article Print this Article')",
        only_buttons, max_words=14, cased=True),
    Cue("tagged-link", "related", 0.75, "a headline tagged with a section, date or video length",
        _rx(r"[^\W_]\s+\[[A-Z][\w /&.'’-]{1,25}\]$|\(\d{1,2}:\d{2}\)$"
            r"|\s[|–-]\s*\d{1,2}/\d{1,2}/\d{2,4}$"), max_words=15, cased=True),
    Cue("rating-widget", "other", 0.85, "a rating, vote or counter widget",
        _rx(r"^\(?\d+\s+votes?\)?$|^rate this\b|^loading\s*(?:\.\.\.|…)?$|^like this:?$"
            r"|^(?:like|dislike|recommend)(?: it| this)?\s*[?!]?$"
            r"|\bthumbs (?:up|down)\b|^\d[\d,.]*k?\s*(?:likes?|shares?|views?|reads?|reactions?)$"
            r"|^was this (?:article|story) (?:helpful|useful)|^\[?[-–]\]?\s*text\s*\[?\+\]?$"),
        max_words=8),
    Cue("no-words", "other", 0.9, "no letter or digit (separators, bullets, emoji)", has_no_word),
)

# Cues read from a passage's neighbours or from the rest of the corpus rather than its own text.
EMBED_TEXT = Cue("embed-text", "social", 0.9, "text of the post attributed on the next line")
BETWEEN_LEFTOVERS = Cue("between-leftovers", "other", 0.6, "a short line among leftovers")
TRAILS_ARTICLE = Cue("trails-article", "other", 0.55, "a short unpunctuated line before leftovers")
HEADLINE_IN_BODY = Cue("headline-in-body", "related", 0.55, "a headline-like line amid the article")
ABOVE_HEADLINE = Cue("above-headline", "other", 0.55, "an unpunctuated line above the headline")
BELOW_HEADLINE = Cue("below-headline", "metadata", 0.55, "a short line between headline and text")
AFTER_TEXT = Cue("after-text", "other", 0.55, "a short line after the article's last paragraph")
BEFORE_TEXT = Cue("before-text", "other", 0.55, "a line with a weak cue above the first paragraph")
TEMPLATE_LINE = Cue("template-line", "other", 0.45, "recurs across articles in different places")
TEMPLATE_LINE_COMMON = Cue("template-line", "other", 0.7, "recurs across many articles")
TEMPLATE_LINE_OUTLET = Cue(
    "template-line", "other", 0.5, "recurs in other articles of the same outlet, among different text"
)


def combined(found: Sequence[Cue]) -> float:
    """Independent pieces of evidence: the chance that at least one of them is right."""
    doubt = 1.0
    for cue in found:
        doubt *= 1.0 - cue.weight
    return 1.0 - doubt


def phrase_cues(phrases: tuple[str, ...] | list[str]) -> tuple[Cue, ...]:
    """The analyst's extra phrases from the config, each its own cue."""
    cues: list[Cue] = []
    for phrase in dict.fromkeys(" ".join(phrase.lower().split()) for phrase in phrases):
        if phrase:
            cues.append(
                Cue(f"phrase '{phrase[:40]}'", "other", 0.9, "a configured phrase", _contains(phrase))
            )
    return tuple(cues)


STOPWORDS = frozenset(
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
        "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
        "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
        "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself",
        "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
        "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
        "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours"
    }
)


def _contains(phrase: str) -> Callable[[str], bool]:
    return lambda text: phrase in text
