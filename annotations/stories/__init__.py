"""Stories: articles about the same news event, and who published copied text first.

Owns the event terms of an article (terms.py), the candidate pairs from rare terms (pairs.py),
average linkage over them (linkage.py), the grouping with its reasons (grouping.group_stories),
and the origin of each cluster of copied passages (origin.find_origins, origin.origin_note).
"""
