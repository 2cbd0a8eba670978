"""The cues read from a passage's own text: one table, easy to extend.

To recognise a new kind of leftover, add one `Cue(...)` to the group it belongs to, here or in
`page_cues` (promotions, navigation, metadata). The order is the order of the reasons shown.
"""

from __future__ import annotations

from annotations.leftovers import captions
from annotations.leftovers.cues import AGENCY, Cue, dated_tail, rx, tail
from annotations.leftovers.lines import DATE, MONTH
from annotations.leftovers.page_cues import PAGE_CUES

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

READER_CUES: tuple[Cue, ...] = (
    # Comments
    Cue("comment-prompt", "comments", 0.95, "invites the reader to the comments",
        rx(r"\b(?:view|show|hide|load) (?:all |the |\d+ )*(?:comments?|replies)\b|\blooking for "
            r"comments\b|\bfind comments\b|\bbe the first to (?:post a )?comment\b|\bcomments? (?:are"
            r"|have been|is) (?:now )?(?:closed|disabled|moderated)\b|\bcomment(?:ing)? (?:guidelines"
            r"|rules)\b|\b(?:log|sign) in to (?:comment|reply)\b|\breport this comment\b|^\d*\s*(?:comments?"
            r"|replies|talkbacks?)\s*(?:\(\d+\))?\s*[:»›]?$|^comments? by\b|^(?:do you have )?"
            r"comments? (?:on|about) this (?:story|article|post)\b|^comments?\s*[\[(]"
            r"|^(?:article |reader )?comments$|\btalkbacks? for\b"),
        max_words=30, needles=("comment", "repl", "talkback")),
    Cue("comment-button", "comments", 0.9, "a button or header that opens the comments",
        rx(r"^\+?\s*(?:(?:post|add|leave|write|submit|read|see) (?:a |your |the |all |new |\d+ )*"
            r"(?:comments?|replies|reply)|(?:join|add to) the (?:conversation|discussion)|report abuse|reply"
            r"|show more replies|have your say|what do you think\??|tell us what you think\.?"
            r"|your views)\b"), max_words=12),
    # Social embeds
    Cue("social-attribution", "social", 0.95, "'— Name (@handle) date' line of an embedded post",
        rx(rf"^[—–-]{{1,2}}\s*\S.{{0,80}}\(@[\w.@-]{{1,60}}\)\s*(?:{DATE})?\s*$"), max_words=20,
        needles=("(@",)),
    Cue("social-embed", "social", 0.9, "ends like an embedded post (handle and date, t.co or pic link)",
        tail(rf"\(@[\w.@-]{{1,60}}\)\s*{DATE}\s*$|\bpic\.twitter\.com/\w+|https?://t\.co/\w+\s*$"
              r"|\b(?:view this post on instagram|a post shared by)\b", 200),
        max_words=90, needles=("(@", "pic.twitter", "t.co/", "instagram", "post shared"), tail=True),
    # Captions and credits
    Cue("photo-credit", "caption", 0.9, "ends with a photo credit in parentheses",
        tail(rf"\((?:[a-z][\w.&' -]{{0,40}} ?/ ?){{1,4}}[a-z][\w.&' -]{{0,40}}\)\.?$"
              rf"|\((?:[^()]{{0,50}}\b(?:photo|image|picture|credit|handout|courtesy|file)\b[^()]{{0,50}}"
              rf"|(?:[^()]{{0,40}}\b)?(?:{AGENCY})\b[^()]{{0,30}})\)\.?$"),
        max_words=80, needles=(")",), tail=True),
    Cue("credit-slash", "caption", 0.85, "ends with a credit such as 'REUTERS/Jane Doe'",
        tail(rf"(?:\b(?i:{AGENCY}|epa(?:-efe)?)(?: [Ii]mages)?\s*/\s*[A-Z][\w.' -]{{1,40}}"
              rf"|[A-Z][\w.' -]{{1,40}}/(?i:{AGENCY}|epa(?:-efe)?|the [a-z][\w ]{{1,30}})"
              r"(?: via getty images)?|\b(?i:photo(?:graph)?|picture|image)s?(?: by)?\s*:\s*"
              r"[A-Z][\w.' -]{1,40}(?:/[A-Z][\w.' -]{1,40})?)\.?$"),
        max_words=80, needles=("/", ":"), cased=True, tail=True),
    Cue("photo-label", "caption", 0.85, "labels a picture or its credit",
        rx(r"^(?:(?:photo|photograph|image|picture|pic|illustration|graphic|credit|photo credit"
            r"|file photo|caption|courtesy)s?(?: by)?\s*[:/|]|(?:image|photo|picture|video) (?:source"
            r"|caption|credit)s?\s*[,:]|(?:file\s*[-–—]\s*)?in this (?:file |undated |handout )?"
            rf"(?:photo|image|picture)\b|file\s*[-–—]\s|(?:{AGENCY}|getty images|file photo"
            r"|ap photo/[\w. -]+|image|images|view image in fullscreen|enlarge this image|expand image"
            r"|open image in viewer)\.?$|credit\s*(?:\.\.\.|…)"
            r"|(?:getty images|shutterstock|istock(?:photo)?|alamy)\s*/\s*[\w.' -]{1,40}$)"), max_words=80),
    Cue("caption-verb", "caption", 0.6, "a present-tense picture description ending in a date",
        dated_tail(r"\b(?:speaks|gestures|looks on|waves|arrives|poses|listens|attends|reacts|is seen"
              r"|are seen|pictured|shakes hands|greets|stands|sits|walks|celebrates)\b.{0,160}\b(?:on|in)"
              rf"\s+(?:{DATE}|{MONTH}\s+\d{{1,2}})\.?\s*$", 240), max_words=50),
    Cue("caption-view", "caption", 0.75, "a picture's description ('A general view of ...')",
        rx(r"^(?:a |an )?(?:general|aerial|partial|close-up|wide|drone|night|file) view\b"), max_words=50),
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
        rx(r"^(?:photo|photograph|image|picture|video|illustration|graphic|pictures|photos|images)"
            r"(?: and (?:photo|video|text|words)s?)? (?:by|courtesy(?: of)?|copyright|credit|source)\b"
            r"|^image (?:caption|copyright)\b"), max_words=12),
    # Related articles
    Cue("related-header", "related", 0.95, "heads a list of other articles",
        rx(r"^(?:" + "|".join(_RELATED_HEADERS) + r")\s*[:»›>]?$"), max_words=8),
    Cue("read-more", "related", 0.9, "a 'read more' or 'see more' link",
        rx(r"^(?:read|see|show|view|load|find out|learn|discover|explore)\s+(?:more|all|the full"
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
        rx(r"^listen(?: to (?:this|the) (?:article|story|episode))?(?:\s*[·•|-]?\s*\d+(?::\d+)?\s*"
            r"(?:min(?:ute)?s?)?)?$"), max_words=10),
    Cue("teaser-ellipsis", "related", 0.6, "a teaser cut off with an ellipsis",
        tail(r"[^\W\d_]{2}\s*(?:…|\.\.\.)\s*$", 12), max_words=45, needles=("…", "..."), tail=True),
)
"""Comments, social embeds, captions and credits, related headlines."""

TEXT_CUES: tuple[Cue, ...] = READER_CUES + PAGE_CUES
