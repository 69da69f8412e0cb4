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


def test_psycopg_warnings_do_not_reach_stderr_beside_the_commands_own_error() -> None:
    # ("error ignored terminating <Pipeline>" when the server dies mid-load: the command says so itself). A child
    # process, so that no test logging handler stands in for Python's own stderr fallback.
    import subprocess
    import sys

    script = (
        "import logging\n"
        "from lcdb.cli import main\n"
        "main(['report', 'list'], standalone_mode=False)\n"
        "logging.getLogger('psycopg').warning('error ignored terminating %r: %s', 'pipeline', 'connection lost')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "error ignored" not in result.stderr
