"""The CLI is its own documentation: every command has help with an example; errors are one clean line."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from lcdb.cli import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


COMMANDS = list(_commands(main))


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_has_help_with_an_example(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_expected_commands_exist():
    names = {" ".join(p) for p, _ in COMMANDS}
    for expected in ("db url", "db status", "db stop", "db psql", "db upgrade", "db create-reader", "load",
                     "reextract", "report list", "report show", "report run", "export", "evaluate", "demo",
                     "actors merge", "reject"):
        assert expected in names
