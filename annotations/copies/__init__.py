"""Copied text between articles: which passages share words, exactly which words, and how much.

Owns the matching form of text (normalising with offsets), the fingerprints of every passage
(`fingerprint`) and the pairs they propose (`candidates`), the word alignment that confirms them,
and the coverage that turns pairs into duplicates, clusters, novelty and overlap. The rest uses
`overlap.find_overlaps` and `coverage`.
"""
