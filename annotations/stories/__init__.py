"""Stories: articles about the same news event, and who published copied text first.

Owns the event terms of an article (terms.py), the term similarities of candidate pairs and the
average linkage over them (similarity.py), the grouping with its reasons (grouping.group_stories),
and the origin of each cluster of copied passages (origin.find_origins, origin.origin_note).
"""
