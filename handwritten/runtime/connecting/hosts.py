"""Host lists, the one parser: a setting's text (`db1:5432, db2, [::1]:5433`), a URL's netloc list
(`postgresql://u@db1,db2/db`) and SQLAlchemy's repeated `host=` query form all become, and come from, HostPorts
here: settings, `sldb --url` and the engine's connect arguments read no host list elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from sqlalchemy.engine import URL

from sldb.handwritten.runtime.contract.errors import SettingsError


@dataclass(frozen=True)
class HostPort:
    """One server of a host list."""

    host: str
    port: int

    def __str__(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"


def host_list_text(name: str, value: Any) -> str:
    """A host setting as text: a list or tuple of servers is joined with commas."""
    if isinstance(value, (list, tuple)):
        return ",".join(str(item).strip() for item in value)
    if not isinstance(value, str):
        raise SettingsError(name, f"{value!r}; accepted: a host, 'host:port', or several separated by commas")
    return value


def parse_hosts(name: str, value: str, default_port: int, *, allow_empty: bool = False) -> tuple[HostPort, ...]:
    """'db1:5432, db2, [::1]:5433' -> servers in order; a server without a port gets default_port."""
    found: list[HostPort] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        host, port = item, default_port
        if item.startswith("["):  # [IPv6]:port
            close = item.find("]")
            if close < 0 or (close + 1 < len(item) and item[close + 1] != ":"):
                raise SettingsError(name, f"{item!r} is not '[address]:port'")
            host = item[1:close]
            if close + 1 < len(item):
                port = port_number(name, item[close + 2 :])
        elif item.count(":") == 1:
            host, port_text = item.split(":")
            port = port_number(name, port_text)
        if not host.strip():
            raise SettingsError(name, f"{item!r} names no host")
        found.append(HostPort(host.strip(), port))
    if not found and not allow_empty:
        raise SettingsError(name, "names no server")
    return tuple(found)


def port_number(name: str, value: Any) -> int:
    port = whole_number(name, value, minimum=1)
    if port > 65535:
        raise SettingsError(name, f"{value!r} is out of range; accepted: 1 to 65535")
    return port


def whole_number(name: str, value: Any, minimum: int) -> int:
    """A setting's whole number, at least minimum."""
    try:
        number = int(str(value).strip())
    except ValueError:
        raise SettingsError(name, f"{value!r} is not a whole number") from None
    if number < minimum:
        raise SettingsError(name, f"{value!r} is below {minimum}")
    return number


def hosts_in_query(url: URL, name: str, default_port: int) -> tuple[HostPort, ...]:
    """The servers of a URL's repeated `host=` parameters (none when it has a single host)."""
    listed = url.query.get("host")
    if not listed:
        return ()
    return parse_hosts(name, ",".join((listed,) if isinstance(listed, str) else listed), default_port)


def without_hosts_in_query(url: URL) -> URL:
    return url.set(query={k: v for k, v in url.query.items() if k != "host"})


def host_setting_of(url: URL, default: str) -> str:
    """A URL's servers as a host setting: its host, or its repeated host= parameters (each host:port)."""
    listed = url.query.get("host")
    if listed:
        return ",".join((listed,) if isinstance(listed, str) else listed)
    return url.host or default


def query_of_hosts(hosts: Sequence[HostPort]) -> tuple[str, ...]:
    """The `host=` values a URL carries several servers in."""
    return tuple(str(h) for h in hosts)


# scheme://[user[:password]@]host-list[/database][?query]
_NETLOC = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/?]*@)?)(?P<hosts>[^/?]*)(?P<tail>.*)$", re.DOTALL)


def netloc_hosts_into_query(raw: str) -> str:
    """postgresql://u@db1:5432,db2:5432/db -> postgresql://u@/db?host=db1:5432&host=db2:5432, the form
    SQLAlchemy reads (a comma-separated netloc is not a URL it parses)."""
    m = _NETLOC.match(raw)
    if m is None or "," not in m.group("hosts"):
        return raw
    tail = m.group("tail")
    path, _, query = tail.partition("?")
    hosts = "&".join("host=" + quote(h.strip(), safe=":[]") for h in m.group("hosts").split(",") if h.strip())
    return f"{m.group('head')}{path or '/'}?{hosts}" + (f"&{query}" if query else "")
