"""The keymap in the settings: entries that cannot apply are named with the settings problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.config import load_config
from tui.keymap import checked, is_key


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_binding_ids_and_keys_are_reported_and_left_out(tmp_path: Path) -> None:
    path = _config(tmp_path, '[keymap]\nnext_pasage = "j"\nnext_passage = "J,ctrl+jj"\nquit = "Q"\n'
                   'tag_1 = "f1"\n')
    config = checked(load_config(path))
    assert config.keymap == {"quit": "Q", "tag_1": "f1"}
    problem = config.problem or ""
    assert str(path) in problem and "\n" not in problem
    assert "no binding has the id 'next_pasage'" in problem
    assert "next_passage = 'J,ctrl+jj': unknown key 'ctrl+jj'" in problem


def test_a_good_keymap_passes_unchanged(tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, '[keymap]\nnext_passage = "j,down"\nhelp = "question_mark,f1"\n'))
    assert checked(config) is config


def test_keymap_remarks_join_the_other_settings_problems(tmp_path: Path) -> None:
    config = checked(load_config(_config(tmp_path, 'tags = ["a", "A"]\n[keymap]\nnope = "x"\n')))
    assert config.problem is not None
    assert "'A' is 'a' in another letter case" in config.problem and "'nope'" in config.problem


@pytest.mark.parametrize(("key", "usable"), [
    ("j", True), ("ctrl+down", True), ("shift+tab", True), ("f5", True), ("question_mark", True),
    ("?", True), ("ctrl+jj", False), ("hyper+", False), ("cmd+a", False), ("", False),
])
def test_key_names(key: str, usable: bool) -> None:
    assert is_key(key) is usable


def test_the_reader_starts_with_the_checked_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui import app as app_module

    seen = []
    monkeypatch.setattr(app_module.BriefReaderApp, "run", lambda self: seen.append(self.config))
    path = _config(tmp_path, '[keymap]\nnope = "x"\n')
    app_module.run_app([], db=None, config=str(path), analyst="ann")
    assert seen and "'nope'" in (seen[0].problem or "") and seen[0].keymap == {}
