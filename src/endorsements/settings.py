"""Settings: shipped defaults, layered with the user's file and the environment.

The order (later wins) is: `defaults.toml` in the package, the user's TOML file
(`ENDORSEMENTS_CONFIG` or `~/.config/endorsements/config.toml`), then `ENDORSEMENTS_<KEY>`
environment variables, then explicit keyword overrides from the command line. Keeping the
defaults in a data file means the documentation and the code cannot disagree.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError

__version__ = "0.1.0"


@dataclass(frozen=True)
class Settings:
    model: str
    db: str
    min_confidence: float
    max_document_chars: int
    fetch_timeout: float
    fetch_max_bytes: int
    fetch_max_redirects: int
    user_agent: str
    #: Bearer token the web server asks of writes (ingest, review); "" disables writes.
    token: str
    fetch_allow_private: bool
    max_input_bytes: int
    prefilter: bool = True
    workers: int = 1

    def with_overrides(self, **overrides: Any) -> Settings:
        """Apply non-None overrides, e.g. from CLI flags."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **given) if given else self


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc}); fix or remove the file") from exc


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if kind is bool and not isinstance(raw, bool):
        # bool("false") is True: an environment variable needs reading, not casting.
        word = str(raw).strip().lower()
        if word in _TRUE | _FALSE:
            return word in _TRUE
        raise ConfigError(f"setting {name!r}: {raw!r} is not true or false")
    try:
        return kind(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: {raw!r} is not a valid {kind.__name__}") from exc


def user_config_path() -> Path:
    env = os.environ.get("ENDORSEMENTS_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "endorsements" / "config.toml"


def load_settings(**overrides: Any) -> Settings:
    """Build the effective settings (see the module docstring for the order)."""
    shipped = resources.files("endorsements").joinpath("defaults.toml").read_text("utf-8")
    values: dict[str, Any] = tomllib.loads(shipped)
    path = user_config_path()
    if path.is_file():
        user = _read_toml(path)
        unknown = set(user) - set(values)
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
        values.update(user)
    types = {f.name: type(values[f.name]) for f in fields(Settings)}
    for name in types:
        env = os.environ.get(f"ENDORSEMENTS_{name.upper()}")
        if env is not None and env != "":
            values[name] = env
    settings = Settings(**{n: _coerce(n, values[n], t) for n, t in types.items()})
    settings = settings.with_overrides(**overrides)
    return replace(settings, user_agent=settings.user_agent.replace("{version}", __version__))
