"""The ground: articles and their passages as frozen values, and how files become them.

Owns decoding untrusted bytes, finding and loading files (text today; web pages, JSON records and
feeds beside it), metadata (title, date, outlet) and segmentation into passages. Imports nothing
else from the core.
"""
