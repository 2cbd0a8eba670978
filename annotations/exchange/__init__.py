"""What leaves or enters briefreader: exports, imports, the brief, the JSON report, agreement.

Owns jsonl/json/csv/Markdown/W3C export (`export`, written by `writing` without replacing special
files or anything unasked), importing another analyst's file without duplicates and with every
field cleaned (`importing`), the detectors' findings as machine annotations, Cohen's kappa between
analysts, and JSON that is safe to print (`jsontext`).
"""
