"""The cues of page furniture: sharing, subscriptions, ads and cookies, navigation, metadata."""

from __future__ import annotations

from annotations.leftovers import captions
from annotations.leftovers.cues import AGENCY, Cue, rx
from annotations.leftovers.lines import has_no_word, is_breadcrumb, is_byline, is_timestamp, only_buttons

SOCIAL_SITE = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|email|e-mail|print|reddit!?|pinterest|digg(?: it| this)?"
    r"|del\.icio\.us|delicious|newsvine|stumbleupon|google\+?|yahoo!?|tumblr|telegram|messenger"
    r"|copy link|share|tweet|flipboard|mix|sms|myspace|technorati|fark|slashdot|bluesky|threads"
    r"|return to top|back to top|print-friendly version|e-?mail (?:article|story)|save|aim)"
)
"""Sharing buttons and the sites they name."""

PAGE_CUES: tuple[Cue, ...] = (
    # Promotions: sharing, subscriptions, ads, cookies
    Cue("share-prompt", "promo", 0.9, "a share, print or follow button",
        rx(rf"^[•·*-]?\s*(?:(?:share|tweet|email|e-mail|print|save|bookmark|pin|send|forward|recommend"
            r"|add|gift)(?:\s+(?:this|the|to|on|via|with|it))*(?:\s+(?:article|story|page|post|link|video"
            r"|gallery|a friend|friend|facebook|twitter|x|linkedin|whatsapp|email|reddit|version|full"
            rf"|del\.icio\.us|digg|favorites))*\s*[:!]?|(?:{SOCIAL_SITE}\s*(?:[|,·•/]|-\s)?\s*){{2,}})$"
            r"|^click to (?:share|email|e-mail|print|tweet|pin)\b|\(opens in (?:a )?new window\)$"
            r"|^follow (?:us|[\w@.-]+(?: [\w.-]+){0,3} on (?:twitter|x|facebook|instagram|threads|bluesky"
            r"|linkedin|youtube|tiktok))\b|^(?:link copied!?|copy link|link copied to clipboard)$"
            r"|^our standards\s*:|\bspread the (?:news|word) by\b|^share (?:&|and) save\b"),
        max_words=12),
    Cue("subscribe-prompt", "promo", 0.9, "asks the reader to subscribe, sign up or log in",
        rx(r"\b(?:receive|get) (?:our |the )?(?:free )?e-?newsletters?\b|\bdelivered (?:straight |"
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
        rx(r"^(?:get|join|receive|stay|never miss|don'?t miss|download|follow us)\b.{0,100}"
            r"\b(?:newsletters?|inbox|alerts|(?:morning|evening|daily|weekly) (?:email|briefing)|google news"
            r"|our app|the app)\b"), max_words=30),
    Cue("subscribe-button", "promo", 0.9, "a subscribe, sign-up or app button",
        rx(r"^(?:newsletters?|subscribe|sign up|register|create (?:an|a free) account|my account"
            r"|free newsletters?|get (?:the|our) app|download (?:the|our) app|get our rss feed"
            r"|(?:premium|registered|subscriber) (?:article|content)|sign up for .{1,40}|sign up here"
            r"|(?:subscribe|sign up|log in|sign in) (?:to|for) (?:continue|read|keep reading).{0,30}"
            r"|account|(?:contribute|donate|support us) (?:now|today)|donate|(?:your )?e-?mail(?: address)?"
            r"\s*\*?|sign up now|join (?:now|today|us)|subscribe now|get the newsletter|get (?:it|started)"
            r"|(?:i agree|i accept)(?: to)? (?:the )?terms.{0,40}|first name|last name|zip code|postcode"
            r"|(?:free )?(?:daily|weekly|morning|evening) (?:newsletter|briefing|digest|email))\s*[:!.*]?$"),
        max_words=8),
    Cue("advertisement", "promo", 0.95, "an advertisement label",
        rx(r"^(?:(?:advertisement|advert|ad)\s*[-–—·:|]\s*(?:scroll to continue|continue reading below"
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
        rx(r"\bwe use cookies\b|\b(?:this|our) (?:site|website) uses cookies\b|\bby (?:continuing|using)"
            r" (?:to (?:use|browse) )?(?:this|our) (?:site|website)\b|\bmanage (?:your )?(?:privacy"
            r"|consent|cookie) (?:settings|preferences)\b"),
        max_words=150, needles=("cookie", "by continuing", "by using", "manage")),
    Cue("legal-links", "promo", 0.85, "privacy, terms or cookie links",
        rx(r"\bour (?:privacy (?:policy|notice|statement)|terms (?:of (?:use|service)|and conditions))\b"
            r"|^(?!.*[.!?]$).*\b(?:privacy (?:policy|notice|statement)|terms (?:of (?:use|service)"
            r"|and conditions|& conditions)|do not sell my|your privacy choices|accessibility statement"
            r"|cookie (?:policy|settings|preferences|notice)|(?:accept|reject|allow|decline) (?:all"
            r"|cookies))\b"),
        max_words=15, needles=("privacy", "terms", "do not sell", "accessibility", "cookie",
                               "accept", "reject", "allow", "decline")),
    # Navigation
    Cue("nav-control", "navigation", 0.95, "a page control such as 'Back to top' or 'Skip to content'",
        rx(r"^[•·*-]?\s*(?:home(?:page)?|menu|search|skip to [\w ]{1,20}|skip navigation"
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
        rx(r"^(?:news|world|u\.?s\.?|uk|politics|business|markets|economy|tech(?:nology)?|science"
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
        rx(r"^disclaimer\b|\b(?:the )?(?:views|opinions) expressed\b.{0,120}\b(?:are (?:those|solely|not)"
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
        rx(r"^(?:this|our) (?:article|story|reporting|report|series|project|coverage|content|piece"
            r"|journalism) (?:was|is) (?:produced|reported|made possible|published|supported|funded)"
            r" (?:with|through|by|in) (?:the )?(?:support|a grant|funding|partnership)"), max_words=50),
    Cue("about-publisher", "other", 0.8, "a note about the author, the site or its publisher",
        rx(r"^(?i:about (?:the )?(?:authors?|publisher|us|this (?:site|blog|newspaper|newsletter|series"
            r"|story|report|project)|the (?:writer|reporter|photographer)))\s*(?::|$)|^(?i:about) (?:the )?"
            r"[A-Z][\w.&'’ -]{1,40}\s*[:—–]\s+\S|^(?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4} is (?:an?"
            r"|the) (?:[\w-]+ ){0,4}(?:news|media|publishing|journalism) (?:organi[sz]ation|outlet|company"
            r"|site|website|publisher|platform|service|brand|group|network)\b"),
        max_words=60, cased=True),
    Cue("author-role", "metadata", 0.8, "a reporter's title on its own ('Science correspondent')",
        rx(r"^(?:[\w.'’-]+ ){0,4}(?:correspondent|editor|reporter|writer|columnist|contributor"
            r"|journalist)$"), max_words=5),
    Cue("author-bio", "metadata", 0.6, "a note at the end on who wrote it ('Jane Doe is a reporter...')",
        rx(r"^[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} is (?:a |an |the )?(?:[\w'’.-]+ ){0,5}"
            r"(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|producer"
            r"|photographer|critic)\b(?: (?:covering|who covers|based in|for|at|of|and)\b|[.,]|$)"),
        max_words=40, needles=("reporter", "correspondent", "editor", "writer", "columnist",
                               "journalist", "contributor", "producer", "photographer", "critic"),
        cased=True, at_end=True),
    Cue("timestamp", "metadata", 0.85, "a dateline or timestamp line", is_timestamp, max_words=16),
    Cue("filed-under", "metadata", 0.85, "tags, categories or topics of the page",
        rx(r"^(?:filed under|categories|category|tags?|topics?|keywords|posted in|more on)\s*:"),
        max_words=30),
    Cue("credit-line", "metadata", 0.85, "a reporting credit or source note",
        rx(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|\bcontributed reporting\b"
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
        rx(rf"^[(—–-]*\s*(?:{AGENCY}|epa|upi|bbc|cnn|(?:the )?associated press|wire services?"
            r"|agencies|agence france-? ?presse|with agencies)\s*\)?\.?$"), max_words=5),
    Cue("copyright", "copyright", 0.95, "a copyright or rights notice",
        rx(r"^(?:\(c\)|copyright)\s*(?:©|\(c\))?\s*\d{4}\b|^copyright\b[^.]{0,80}$|©|\ball rights "
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
        rx(r"^(?:posted|submitted) (?:by|on|at|in)\b.{0,120}$|^(?:with (?:a )?(?:report|files"
            r"|reporting) from|from (?:our )?correspondents? in)\b"), max_words=25),
    Cue("feedback-prompt", "comments", 0.85, "asks readers for letters, feedback or their stories",
        rx(r"\bsend us your (?:feedback|views|stories|photos|pictures|tips)\b|^(?:send |write )?(?:us )?"
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
        rx(r"[^\W_]\s+\[[A-Z][\w /&.'’-]{1,25}\]$|\(\d{1,2}:\d{2}\)$"
            r"|\s[|–-]\s*\d{1,2}/\d{1,2}/\d{2,4}$"), max_words=15, cased=True),
    Cue("rating-widget", "other", 0.85, "a rating, vote or counter widget",
        rx(r"^\(?\d+\s+votes?\)?$|^rate this\b|^loading\s*(?:\.\.\.|…)?$|^like this:?$"
            r"|^(?:like|dislike|recommend)(?: it| this)?\s*[?!]?$"
            r"|\bthumbs (?:up|down)\b|^\d[\d,.]*k?\s*(?:likes?|shares?|views?|reads?|reactions?)$"
            r"|^was this (?:article|story) (?:helpful|useful)|^\[?[-–]\]?\s*text\s*\[?\+\]?$"),
        max_words=8),
    Cue("no-words", "other", 0.9, "no letter or digit (separators, bullets, emoji)", has_no_word),
)
