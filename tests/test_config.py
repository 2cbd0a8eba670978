"""Settings: created with the defaults on first use; a bad file gives a message and the defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotations.config import DEFAULT_TAGS, config_path, load_config


def test_first_use_writes_the_default_file_and_reads_it_back() -> None:
    assert not config_path().exists()
    config = load_config()
    assert config_path().exists()
    assert config.tags == DEFAULT_TAGS
    assert config.problem is None
    assert config.boilerplate_threshold == 0.5
    assert load_config() == config


def test_an_existing_file_is_never_overwritten() -> None:
    config_path().parent.mkdir(parents=True)
    config_path().write_text('tags = ["mine"]\n', encoding="utf-8")
    assert load_config().tags == ("mine",)
    assert config_path().read_text(encoding="utf-8") == 'tags = ["mine"]\n'


def test_settings_are_read(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text(
        'tags = ["a", "b", "a", " c "]\n[boilerplate]\nphrases = ["Sponsor message", " "]\n'
        'threshold = 0.7\n[keymap]\nnext_passage = "J"\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.tags == ("a", "b", "c")
    assert config.boilerplate_phrases == ("Sponsor message",)
    assert config.boilerplate_threshold == 0.7
    assert config.keymap == {"next_passage": "J"}


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("tags = [\n", "Invalid value"),
        ('tags = "key-fact"\n', "'tags' must be a list"),
        ("[boilerplate]\nthreshold = 3\n", "threshold must be a number from 0 to 1"),
        ('[boilerplate]\nphrases = "x"\n', "phrases must be a list"),
        ("keymap = 1\n", "[keymap]"),
        ("\xff\xfe", ""),
    ],
)
def test_a_bad_file_gives_one_line_naming_it_and_the_defaults(tmp_path: Path, text: str, detail: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(text.encode("latin-1"))
    config = load_config(path)
    assert config.tags == DEFAULT_TAGS
    assert config.problem is not None
    assert str(path) in config.problem and detail in config.problem
    assert "\n" not in config.problem
    assert config.problem.endswith("using defaults")


def test_a_missing_file_given_on_the_command_line_is_reported(tmp_path: Path) -> None:
    config = load_config(tmp_path / "nope.toml")
    assert config.problem is not None and "no such file" in config.problem
    assert not (tmp_path / "nope.toml").exists()


def test_tag_names_are_cleaned_limited_and_folded_by_letter_case(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    long = "x" * 41
    path.write_text(
        'tags = ["quote", "Quote", "key\\u001b]0;pwned\\u0007-fact", "' + long + '", " QUOTE ", "claim"]\n',
        encoding="utf-8",
    )
    config = load_config(path)
    assert config.tags == ("quote", "key-fact", "claim")
    problem = config.problem or ""
    assert str(path) in problem and "\n" not in problem and "\x1b" not in problem
    assert "'Quote' is 'quote' in another letter case" in problem
    assert "control characters removed" in problem and "longer than 40 characters" in problem
    assert not problem.endswith("using defaults")


def test_a_tag_of_only_control_characters_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('tags = ["\\u001b[2J", "mine"]\n', encoding="utf-8")
    assert load_config(path).tags == ("mine",)


def test_phrases_and_problems_carry_no_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "\x1b]0;pwned\x07"
    folder.mkdir()
    path = folder / "c.toml"
    path.write_text('tags = ["a", "A"]\n[boilerplate]\nphrases = ["Sponsored\\u001b[31m  post", "\\u0007"]\n',
                    encoding="utf-8")
    config = load_config(path)
    assert config.boilerplate_phrases == ("Sponsored post",)
    assert config.problem is not None and "\x1b" not in config.problem and "\x07" not in config.problem
    missing = load_config(folder / "missing.toml").problem or ""
    assert "no such file" in missing and "\x1b" not in missing
