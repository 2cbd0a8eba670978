"""The command line: help, version, and the machine-readable analysis."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main


def test_help_lists_options_and_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("--db", "--config", "--analyst", "analyze", "export", "import", "agreement"):
        assert word in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("briefreader ")


def test_analyze_json_on_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["version"] == 1
    assert len(data["articles"]) == 5
    assert data["problems"] == []
    article = data["articles"][4]
    assert article["date"] == "2023-06-15"
    passage = article["passages"][0]
    assert set(passage) >= {"index", "start", "end", "text", "boilerplate", "duplicates"}
    text = Path(article["path"]).read_text(encoding="utf-8")
    assert text[passage["start"] : passage["end"]] == passage["text"]


def test_analyze_reports_problems_and_exits_2_when_nothing_loads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01")
    assert main(["analyze", "--json", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert "bad.txt: skipped: binary" in err
    assert "no articles could be loaded" in err


def test_analyze_lists_problems_in_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("A sentence of text.", encoding="utf-8")
    assert main(["analyze", "--json", str(tmp_path)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [article["id"] for article in data["articles"]] == ["good"]
    assert data["problems"] == [{"path": str(tmp_path / "bad.txt"), "error": "skipped: empty file"}]


def test_analyze_text_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5 and lines[0].startswith("000")


def test_console_entry_point_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "analyze", "--json"], capture_output=True, check=False
    )
    assert result.returncode == 0
    assert len(json.loads(result.stdout.decode("utf-8"))["articles"]) == 5


def test_a_closed_pipe_ends_quietly() -> None:
    command = f"{sys.executable} -m tui analyze --json | head -c 10"
    result = subprocess.run(command, shell=True, capture_output=True, text=True, check=False)
    assert result.stdout == '{"version"'
    assert "Traceback" not in result.stderr


def test_analyze_json_is_one_compact_line_and_pretty_is_the_same_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["analyze", "--json"]) == 0
    compact = capsys.readouterr().out
    assert compact.count("\n") == 1 and ', "' not in compact[:200] and '":' in compact[:20]
    assert main(["analyze", "--json", "--pretty"]) == 0
    pretty = capsys.readouterr().out
    assert pretty.startswith('{\n  "version": 1,\n') and pretty.count("\n") > 100
    assert json.loads(pretty) == json.loads(compact)


@pytest.mark.parametrize("command", ["analyze", "export", "import", "agreement"])
def test_every_command_has_its_own_help_with_the_shared_options(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert f"briefreader {command}" in out and "--db" in out and "--config" in out


def test_a_usage_error_exits_2_with_the_commands_usage(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["agreement"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "briefreader agreement" in err and "--analysts" in err


def test_pretty_without_json_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--pretty"]) == 2
    assert "--pretty goes with --json" in capsys.readouterr().err


def test_analyze_text_groups_a_mixed_folder_by_story_with_full_outlet_labels(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = Path(__file__).parent / "data" / "stories" / "articles"
    assert main(["analyze", str(folder)]) == 0
    out = capsys.readouterr().out
    headers = [line for line in out.splitlines() if " articles, " in line and " outlets): " in line]
    assert len(headers) >= 5
    assert "The Globe and Mail " in out  # a label longer than 12 characters is not cut


def test_analyze_on_one_process_or_several_prints_the_same(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--json", "--jobs", "1"]) == 0
    alone = capsys.readouterr().out
    assert main(["analyze", "--json", "--jobs", "2"]) == 0
    assert capsys.readouterr().out == alone


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_analyze_refuses_a_count_of_jobs_that_is_no_count(
    jobs: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", "--jobs", jobs])
    assert exit_info.value.code == 2
    assert "--jobs: expected a whole number of 1 or more" in capsys.readouterr().err
