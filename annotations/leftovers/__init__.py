"""Web-page leftovers: menus, related headlines, promos and sign-up forms, captions, credits, comments.

Owns the line shape (`shape`), what a cue is and how cues combine (`cues`), the table of cues read
from a passage's own text (`text_cues`, with page furniture in `page_cues`, whole-line tests in
`lines` and caption and credit tests in `captions`), the fast reading of a passage's own cues
(`scan`), how sure a passage is on its own (`roles`), the rules that read runs of passages as
blocks (`blocks`), where the headline sits (`headline`), the place-based rules for unsure passages
(`context`), template lines repeated across a corpus or an outlet (`templates`), and
`boilerplate.detect_boilerplate`, which labels each passage with a kind and a reason: what the
rest imports.
"""
