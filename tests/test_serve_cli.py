"""`endorsements serve`: the real command in a subprocess, answering HTTP on its port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from endorsements.cli import app

PORT = 18503


def _wait_for(url: str, proc: subprocess.Popen, seconds: float = 30) -> httpx.Response:
    deadline = time.monotonic() + seconds
    while True:
        try:
            return httpx.get(url, timeout=2)
        except httpx.TransportError:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.1)


@pytest.mark.slow
def test_serve_answers_until_stopped(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    env = os.environ | {"ENDORSEMENTS_TOKEN": "from-env"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "endorsements.cli", "serve", "--port", str(PORT), "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        home = _wait_for(f"http://127.0.0.1:{PORT}/", proc)
        assert home.status_code == 200
        assert "0 endorsements from 0 documents" in home.text
        api = httpx.get(f"http://127.0.0.1:{PORT}/api/endorsements").json()
        assert api == {"items": [], "next_cursor": None}
        # The token came from ENDORSEMENTS_TOKEN: a wrong one is refused, not "read-only".
        denied = httpx.post(
            f"http://127.0.0.1:{PORT}/api/endorsements/1/verify",
            headers={"Authorization": "Bearer wrong"},
        )
        assert denied.status_code == 403
        assert denied.json()["error"]["message"] == "wrong token"
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=20)
    first = stderr.splitlines()[0]
    assert first == (f"serving Ledger('{db}') on http://127.0.0.1:{PORT}/ read-write (token set)")


def test_serve_on_a_taken_port_fails_with_exit_1(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", PORT + 1))
        taken.listen()
        result = CliRunner().invoke(
            app, ["serve", "--port", str(PORT + 1), "--db", f"sqlite:///{tmp_path / 'l.db'}"]
        )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0].endswith("read-only (no token)")
    assert lines[-1] == (
        f"error: cannot listen on 127.0.0.1:{PORT + 1} (is it in use? choose another --port)"
    )


def test_serve_with_a_missing_directory_names_it(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'nowhere' / 'l.db'}"
    result = CliRunner().invoke(app, ["serve", "--db", db])
    assert result.exit_code == 1
    assert result.stderr == (
        f"error: cannot open ledger {db}: directory {tmp_path / 'nowhere'} does not exist "
        "(create it first, or point the db setting elsewhere)\n"
    )


def test_serve_rejects_a_bad_port() -> None:
    assert CliRunner().invoke(app, ["serve", "--port", "70000"]).exit_code == 2
