"""Web-page leftovers: menus, related headlines, promos and sign-up forms, captions, credits, comments.

Owns the line shape (`shape`), the table of named cues (`cues`, with whole-line tests in `lines`
and caption and credit tests in `captions`), the fast reading of a passage's own cues (`scan`),
the rules that read runs of passages as blocks (`blocks`), template lines repeated across a corpus
or an outlet (`templates`), and `boilerplate.detect_boilerplate`, which labels each passage with a
kind and a reason.
"""
