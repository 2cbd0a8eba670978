"""What leaves or enters briefreader: exports, imports, the brief, the JSON report, agreement.

Owns jsonl/json/csv/Markdown/W3C export, importing another analyst's file without duplicates,
the detectors' findings as machine annotations, and Cohen's kappa between analysts.
"""
