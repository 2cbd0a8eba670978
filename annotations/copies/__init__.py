"""Copied text between articles: which passages share words, exactly which words, and how much.

Owns the matching form of text (normalising with offsets), shingle fingerprints and the index that
proposes pairs, the word alignment that confirms them, and the coverage that turns pairs into
duplicates, clusters, novelty and overlap. The rest uses `overlap.find_overlaps` and `coverage`.
"""
