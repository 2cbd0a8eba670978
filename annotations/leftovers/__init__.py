"""Web-page leftovers: comment prompts, related headlines, promos, captions, embedded posts.

Owns the line shape, the table of named cues, template lines repeated across a corpus, and
`boilerplate.detect_boilerplate`, which labels each passage with a kind and a reason.
"""
