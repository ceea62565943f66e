"""The documentation keeps up with the code: every command, option and export column is
documented, and every command's --help ends with an example that parses."""

from __future__ import annotations

import re
import shlex
from dataclasses import fields
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from endorsements.cli import app
from endorsements.serve.export import EXPORT_COLUMNS
from endorsements.settings import Settings

DOCS = Path(__file__).resolve().parent.parent / "docs"
CLI_MD = DOCS / "cli.md"
EXPORT_MD = DOCS / "export.md"

GROUP = typer.main.get_command(app)
COMMANDS = dict(GROUP.commands)


def cli_doc() -> str:
    return CLI_MD.read_text(encoding="utf-8")


def section(name: str) -> str:
    """The text of the `## \\`endorsements NAME\\`` section of docs/cli.md, up to the next ##."""
    match = re.search(
        rf"^## `endorsements {re.escape(name)}`\n(.*?)(?=^## |\Z)", cli_doc(), re.M | re.S
    )
    assert match, f"docs/cli.md has no section '## `endorsements {name}`'"
    return match.group(1)


def test_there_are_commands() -> None:
    assert set(COMMANDS) >= {"ingest", "extract", "show", "export", "eval"}


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_has_a_section(name: str) -> None:
    assert f"\n## `endorsements {name}`\n" in cli_doc()


def test_no_section_for_a_command_that_does_not_exist() -> None:
    documented = re.findall(r"^## `endorsements (\S+)`$", cli_doc(), re.M)
    assert sorted(documented) == sorted(COMMANDS)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_and_argument_is_documented_in_its_section(name: str) -> None:
    text = section(name)
    missing = []
    for param in COMMANDS[name].params:
        if param.param_type_name == "option":
            missing += [
                opt for opt in [*param.opts, *param.secondary_opts] if f"`{opt}" not in text
            ]
        elif param.name.upper() not in text:
            missing.append(param.name.upper())
    assert missing == [], f"docs/cli.md, section {name}: not documented: {missing}"


def test_global_options_are_documented() -> None:
    text = cli_doc()
    for param in GROUP.params:
        for opt in param.opts:
            assert f"`{opt}`" in text


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_ends_with_an_example(name: str) -> None:
    result = CliRunner().invoke(app, [name, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    last = result.stdout.rstrip().splitlines()[-1].strip()
    assert last.startswith("Example: endorsements "), last


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_example_parses_and_is_in_the_docs(name: str) -> None:
    """The example names this command and only options it has; docs/cli.md shows it too."""
    example = COMMANDS[name].epilog.removeprefix("Example: ")
    argv = shlex.split(example)
    assert argv[:2] == ["endorsements", name]
    # Parsing checks option names, choices and arity without running anything.
    COMMANDS[name].make_context(name, argv[2:])
    assert example in section(name)


def test_every_setting_has_its_environment_variable_documented() -> None:
    text = cli_doc()
    names = [f"ENDORSEMENTS_{f.name.upper()}" for f in fields(Settings)] + ["ENDORSEMENTS_CONFIG"]
    assert [n for n in names if f"`{n}`" not in text] == []


def test_exit_codes_are_documented() -> None:
    text = cli_doc()
    for code in ("0", "1", "2"):
        assert re.search(rf"^\| `{code}` \|", text, re.M), code


def test_every_export_column_is_documented() -> None:
    """docs/export.md's Columns table lists exactly EXPORT_COLUMNS, in order."""
    text = EXPORT_MD.read_text(encoding="utf-8")
    match = re.search(r"^## Columns\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, "docs/export.md has no '## Columns' section"
    documented = re.findall(r"^\| `([a-z_]+)` \|", match.group(1), re.M)
    assert documented == list(EXPORT_COLUMNS)
    assert [c for c in EXPORT_COLUMNS if f"`{c}`" not in text] == []


def test_export_example_header_is_the_real_header() -> None:
    assert ",".join(EXPORT_COLUMNS) in EXPORT_MD.read_text(encoding="utf-8").splitlines()
