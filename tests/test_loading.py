"""Loading a folder never fails as a whole: each bad file gets a one-line reason."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.corpus import loading
from annotations.corpus.loading import load_corpus

GOOD = "Officials met in Beijing on Sunday for talks.\n\nThe talks went on for two days.\n"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def _reasons(corpus) -> dict[str, str]:
    return {Path(problem.path).name: problem.error for problem in corpus.problems}


def test_no_path_opens_the_bundled_seeds() -> None:
    corpus = load_corpus()
    assert corpus.name == "bundled seeds"
    assert [article.id for article in corpus.articles] == [
        "000_94b3302978ea934b",
        "001_370de34e8836bc97",
        "002_519ce421c1688948",
        "003_5509a64aef06d40f",
        "004_2946bd023fe5b57f",
    ]
    assert corpus.problems == ()


def test_folders_are_searched_recursively_in_sorted_order(tmp_path: Path) -> None:
    _write(tmp_path / "b" / "2.txt", GOOD)
    _write(tmp_path / "a" / "z.md", GOOD)
    _write(tmp_path / "a" / "y.txt", GOOD)
    _write(tmp_path / "notes.json", "{}")
    corpus = load_corpus([tmp_path])
    assert [article.id for article in corpus.articles] == ["y", "z", "2"]


def test_same_stem_gets_distinct_ids(tmp_path: Path) -> None:
    _write(tmp_path / "reuters" / "story.txt", GOOD)
    _write(tmp_path / "ap" / "story.txt", GOOD)
    corpus = load_corpus([tmp_path])
    assert [article.id for article in corpus.articles] == ["ap/story", "reuters/story"]


def test_bad_files_are_skipped_with_reasons_and_the_rest_loads(tmp_path: Path) -> None:
    _write(tmp_path / "good.txt", GOOD)
    _write(tmp_path / "binary.txt", bytes(range(256)) * 40)
    _write(tmp_path / "nul.txt", b"text with a \x00 NUL byte")
    _write(tmp_path / "empty.txt", b"")
    _write(tmp_path / "blank.txt", " \n\t\n  \r\n")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "folder.txt").mkdir()
    _write(tmp_path / "folder.txt" / "inner.txt", GOOD)
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    corpus = load_corpus([tmp_path])
    assert [article.id for article in corpus.articles] == ["inner", "good"]
    reasons = _reasons(corpus)
    assert "binary" in reasons["binary.txt"]
    assert "NUL" in reasons["nul.txt"]
    assert reasons["empty.txt"] == "skipped: empty file"
    assert reasons["blank.txt"] == "skipped: empty file"
    assert reasons["broken.txt"] == "skipped: broken symbolic link"
    assert reasons["loop.txt"] == "skipped: symbolic link loop"
    assert "too large (50.0 MB" in reasons["huge.txt"]
    assert all("\n" not in reason for reason in reasons.values())


def test_paths_given_directly_are_reported_too(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    corpus = load_corpus([tmp_path / "missing.txt", tmp_path / "loop.txt"])
    assert corpus.articles == ()
    assert _reasons(corpus) == {
        "missing.txt": "skipped: no such file or folder",
        "loop.txt": "skipped: symbolic link loop",
    }


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = _write(tmp_path / "secret.txt", GOOD)
    _write(tmp_path / "open.txt", GOOD)
    real_open = Path.open

    def guarded(self: Path, *args, **kwargs):
        if self.name == target.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", guarded)
    corpus = load_corpus([tmp_path])
    assert [article.id for article in corpus.articles] == ["open"]
    assert _reasons(corpus) == {"secret.txt": "skipped: permission denied"}


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    target = _write(tmp_path / "secret.txt", GOOD)
    target.chmod(0)
    assert _reasons(load_corpus([tmp_path])) == {"secret.txt": "skipped: permission denied"}


def test_cp1252_file_loads_with_a_warning(tmp_path: Path) -> None:
    _write(tmp_path / "old.txt", "Caf\u00e9 owners said \u201cno\u201d.".encode("cp1252"))
    corpus = load_corpus([tmp_path])
    assert corpus.articles[0].passages[0].text == "Caf\u00e9 owners said \u201cno\u201d."
    assert "cp1252" in _reasons(corpus)["old.txt"]


def test_hostile_text_loads_without_escape_sequences(tmp_path: Path) -> None:
    _write(tmp_path / "x.txt", "[bold]x[/] \x1b]0;title\x07[@click=app.quit]q[/]\x1b[2J")
    article = load_corpus([tmp_path]).articles[0]
    assert article.passages[0].text == "[bold]x[/] [@click=app.quit]q[/]"


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loading, "MAX_BYTES", 10)
    _write(tmp_path / "a.txt", GOOD)
    assert "too large" in _reasons(load_corpus([tmp_path]))["a.txt"]


def test_progress_is_reported_per_file(tmp_path: Path) -> None:
    for name in "abc":
        _write(tmp_path / f"{name}.txt", GOOD)
    seen: list[tuple[int, int]] = []
    load_corpus([tmp_path], progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_a_folder_mixing_every_type_loads_each_by_its_content(tmp_path: Path) -> None:
    data = Path(__file__).parent / "data" / "inputs"
    for name in ("harbour.html", "newsplease.json", "wire.jsonl", "wire.rss", "port.atom"):
        _write(tmp_path / name, (data / name).read_bytes())
    _write(tmp_path / "00_thesun.co.uk.txt", GOOD)
    _write(tmp_path / "notes.md", "# Notes\n\n" + GOOD)
    corpus = load_corpus([tmp_path])
    assert [(a.id, a.label) for a in corpus.articles] == [
        ("00_thesun.co.uk", "thesun.co.uk"),
        ("harbour", "Coastal Herald"),
        ("newsplease", "coastalherald.example"),
        ("notes", "notes"),
        ("port", "Port Authority News"),
        ("wire.jsonl#w1", "Wire Service·1"),
        ("wire.jsonl#w2", "Wire Service·2"),
        ("wire.jsonl#w6", "Wire Service·3"),
        ("wire.rss#1", "Harbour Wire·1"),
        ("wire.rss#2", "Harbour Wire·2"),
    ]
    assert len(corpus.problems) == 4


def test_the_same_stem_in_two_formats_gets_two_ids(tmp_path: Path) -> None:
    _write(tmp_path / "story.txt", GOOD)
    _write(tmp_path / "story.json", '{"title": "x", "text": "Other text."}')
    assert [a.id for a in load_corpus([tmp_path]).articles] == ["story.json", "story.txt"]


def test_a_folder_with_nothing_to_read_says_so(tmp_path: Path) -> None:
    _write(tmp_path / "photo.jpg", b"\xff\xd8\xff")
    corpus = load_corpus([tmp_path])
    assert [(p.path, p.error) for p in corpus.problems] == [
        (str(tmp_path), "skipped: a folder with no article files in it")
    ]
