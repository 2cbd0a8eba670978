"""Hostile and broken inputs: each is one line in `problems` and everything else still loads."""

from __future__ import annotations

import gzip
import shutil
import socket
import tracemalloc
import zlib
from pathlib import Path

import pytest

from annotations.corpus.loading import load_corpus
from annotations.corpus.models import Corpus
from annotations.corpus.reading import TooLarge, gunzip_capped

DATA = Path(__file__).parent / "data" / "inputs"
GOOD = "Officials met in Beijing on Sunday for talks.\n\nThe talks went on for two days.\n"

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>
"""


def _external_entity(secret: Path) -> str:
    return f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss version="2.0"><channel><title>Exfil</title>
<item><title>Leak</title><description>before &x; after</description></item></channel></rss>
"""


def _reasons(corpus: Corpus) -> dict[str, str]:
    reasons: dict[str, str] = {}
    for problem in corpus.problems:
        reasons.setdefault(Path(problem.path).name, problem.error)
    return reasons


def _gzip_bomb(path: Path, megabytes: int) -> None:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"<p>" + b"a" * (2**20 - 3)
    with path.open("wb") as handle:
        handle.write(packer.compress(b"<html><body>"))
        for _ in range(megabytes):
            handle.write(packer.compress(chunk))
        handle.write(packer.flush())


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """A folder with every bad input beside one good article."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD)
    (folder / "malformed.json").write_text('{"title": "x", "text": ')
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "notstring.json").write_text('{"title": "x", "text": {"nested": true}}')
    with (folder / "huge.html").open("wb") as handle:
        handle.truncate(50 * 2**20)
    (folder / "notext.html").write_text("<html><head><title>t</title></head><body><img src=x></body></html>")
    (folder / "laughs.xml").write_text(BILLION_LAUGHS)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    (folder / "exfil.rss").write_text(_external_entity(secret))
    _gzip_bomb(folder / "bomb.html.gz", 64)
    (folder / "lies.html").write_text('{"title": "JSON inside", "text": "Read as a record, not a page."}')
    (folder / "empty.txt").mkdir()
    (folder / "utf16.txt").write_bytes("Plain words in UTF-16 without a mark.".encode("utf-16-le"))
    (folder / "notutf16.txt").write_bytes(bytes(range(1, 32)).decode("ascii").encode("utf-16-le") * 10)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    return folder


def test_every_bad_input_is_one_line_and_the_rest_loads(hostile: Path) -> None:
    corpus = load_corpus([hostile])
    assert sorted(a.id for a in corpus.articles) == ["good", "lies", "utf16"]
    reasons = _reasons(corpus)
    assert reasons["malformed.json"].startswith("skipped: malformed JSON (")
    assert reasons["deep.json"].startswith("skipped: malformed JSON (depth limit exceeded")
    assert reasons["notstring.json"] == 'skipped: its "text" is an object, not text'
    assert reasons["huge.html"] == "skipped: too large (50.0 MB, limit 8 MB)"
    assert reasons["notext.html"] == "skipped: no text in the page"
    assert reasons["laughs.xml"].startswith("skipped: the feed declares XML entities")
    assert reasons["exfil.rss"].startswith("skipped: the feed declares XML entities")
    assert reasons["bomb.html.gz"] == "skipped: decompresses to more than 8 MB (the limit); stopped"
    assert reasons["empty.txt"] == "skipped: a folder (named like a file) with no article files in it"
    assert reasons["utf16.txt"] == "loaded: UTF-16 without a byte-order mark: read as UTF-16-LE"
    assert reasons["notutf16.txt"].startswith("skipped: looks like UTF-16 without a byte-order mark")
    assert reasons["binary.txt"] == "skipped: binary file (contains NUL bytes)"
    assert all("\n" not in reason and len(reason) < 200 for reason in reasons.values())


def test_no_entity_is_expanded_and_no_file_is_read(hostile: Path) -> None:
    corpus = load_corpus([hostile])
    for article in corpus.articles:
        assert "lol" not in article.text and "TOP-SECRET" not in article.text


def test_a_suffix_that_lies_is_read_by_content(hostile: Path) -> None:
    article = next(a for a in load_corpus([hostile]).articles if a.id == "lies")
    assert (article.title, article.passages[0].text) == ("JSON inside", "Read as a record, not a page.")


def test_utf16_without_a_byte_order_mark_is_read(hostile: Path) -> None:
    article = next(a for a in load_corpus([hostile]).articles if a.id == "utf16")
    assert article.passages[0].text == "Plain words in UTF-16 without a mark."


def test_a_gzip_bomb_stops_while_decompressing(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    _gzip_bomb(bomb, 256)
    data = bomb.read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match="more than 8 MB"):
            gunzip_capped(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 2**20, "decompressed far past the limit before stopping"


def test_damaged_gzip_is_a_problem(tmp_path: Path) -> None:
    packed = gzip.compress(b"<p>" + " ".join(str(n * 7919) for n in range(5000)).encode())
    (tmp_path / "cut.html.gz").write_bytes(packed[: len(packed) // 2])
    (tmp_path / "good.txt").write_text(GOOD)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    assert _reasons(corpus)["cut.html.gz"].startswith("skipped: damaged gzip data")


def test_reading_never_touches_the_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise OSError("network access while reading")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    for name in ("harbour.html", "wire.rss", "port.atom", "wire.jsonl", "newsplease.json"):
        shutil.copy(DATA / name, tmp_path)
    (tmp_path / "remote.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/rss.dtd">'
        '<rss version="2.0"><channel><title>R</title><item><title>t</title>'
        "<description>Remote DTD, never fetched.</description></item></channel></rss>"
    )
    corpus = load_corpus([tmp_path])
    assert calls == []
    assert any(a.source == "R" for a in corpus.articles)


def test_hostile_file_names_never_reach_the_screen_raw(tmp_path: Path) -> None:
    evil = "00_\x1b]0;pwned\x07\x1b[31mred\x9b2J.txt"
    (tmp_path / evil).write_text(GOOD)
    (tmp_path / "\x1b]52;c;cm0gLXJmIH4=\x07.json").write_text('{"broken": ')
    corpus = load_corpus([tmp_path])
    [article] = corpus.articles
    for value in (article.id, article.label, article.path, article.title, *(p.path for p in corpus.problems)):
        assert not any(ord(char) < 32 or 0x7F <= ord(char) <= 0x9F for char in value), repr(value)
    assert article.id == "00_red"


def test_a_page_of_too_many_elements_is_refused_before_reading(tmp_path: Path) -> None:
    (tmp_path / "flood.html").write_text("<html><body>" + "<p>x</p>" * 40_000 + "</body></html>")
    (tmp_path / "flood.json").write_text('{"text": "' + "<p>x</p>" * 40_000 + '"}')
    (tmp_path / "good.txt").write_text(GOOD)
    corpus = load_corpus([tmp_path])
    assert [a.id for a in corpus.articles] == ["good"]
    reasons = _reasons(corpus)
    assert reasons["flood.html"].startswith("skipped: too many elements for a news page (40,00")
    assert reasons["flood.json"].startswith("skipped: too many elements for a news page")


def test_entities_declared_in_a_web_page_are_neither_expanded_nor_shown(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    tmp_path = tmp_path / "pages"
    tmp_path.mkdir()
    laughs = BILLION_LAUGHS.split("<rss")[0].replace("DOCTYPE rss", "DOCTYPE html")
    (tmp_path / "laughs.html").write_text(laughs + "<html><body><p>Laughs: &lol9; end.</p></body></html>")
    (tmp_path / "exfil.html").write_text(
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]>'
        "<html><body><p>before &x; after</p></body></html>"
    )
    corpus = load_corpus([tmp_path])
    texts = {a.id: [p.text for p in a.passages] for a in corpus.articles}
    assert texts == {"exfil": ["before &x; after"], "laughs": ["Laughs: &lol9; end."]}
