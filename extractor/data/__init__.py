"""Data tables shipped with the package (YAML), and the one way code reads them.

Every lexicon, registry and pattern vocabulary lives in a YAML file beside this module; code never
hard-codes them. `load_table` caches each file, so a table is parsed once per process.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is several times faster; fall back where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class DataError(ValueError):
    """A data table (shipped or a user's) that cannot be read or has the wrong shape."""


@cache
def load_table(name: str) -> Any:
    """The parsed content of the shipped table `name` (a file name under extractor/data)."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)


def load_user_table(path: str | Path) -> Any:
    """The parsed content of a user's YAML (or JSON) file, with a one-line error when it is unreadable."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text") from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise DataError(f"{path}: not valid YAML or JSON{where}") from None


@cache
def yuan_countries() -> dict[str, str]:
    """Country code → the currency a bare 元 means there (currencies.yaml `yuan_countries`)."""
    return {str(k): str(v) for k, v in load_table("currencies.yaml")["yuan_countries"].items()}


@cache
def home_currencies() -> dict[str, str]:
    """Country code → the currency its companies report in (currencies.yaml `home_currencies`, and a
    bare 元's currency in `yuan_countries`)."""
    table = load_table("currencies.yaml")
    return {str(k): str(v) for k, v in (table["home_currencies"] | table["yuan_countries"]).items()}


@cache
def market_currencies() -> dict[str, str]:
    """A stock market's word → the currency it quotes in (currencies.yaml `market_currencies`)."""
    return {str(k): str(v) for k, v in load_table("currencies.yaml")["market_currencies"].items()}


@cache
def known_units() -> frozenset[str]:
    """Every unit a claim may carry: the currency codes of currencies.yaml and the other units."""
    table = load_table("currencies.yaml")
    return frozenset(table["currencies"]) | frozenset(table["other_units"])
