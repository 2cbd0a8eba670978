"""What leaves or enters briefreader: exports, imports, the brief, the JSON report, agreement.

Owns jsonl/json/csv/Markdown/W3C export with the detectors' findings as machine annotations
(`export`), JSON that is safe to print and files written without replacing special files or
anything unasked (`writing`), importing another analyst's file without duplicates and with every
field cleaned (`importing`), the report of `analyze --json` (`report`) and Cohen's kappa between
analysts (`agreement`).
"""
