"""A small TCP proxy a test controls: forward to a server, cut every connection, refuse or stall new ones.

It runs on the test's event loop. `refuse()` closes the listening socket (clients get "connection refused",
as from a server that is down); `stall()` accepts connections and never answers (as a black-holed host);
`cut()` aborts every open connection (as a restart or a network drop); `forward()` goes back to normal.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from typing import Literal

Mode = Literal["forward", "stall"]
CHUNK = 65536


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target_host = target_host
        self.target_port = target_port
        self.port = 0
        self.mode: Mode = "forward"
        self.accepted = 0
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.StreamWriter] = set()
        self._servers: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        """Listen on a free local port (the same port again after refuse()); returns it."""
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", self.port, reuse_address=True)
        self.port = int(self._server.sockets[0].getsockname()[1])
        return self.port

    @property
    def open_connections(self) -> int:
        """Client connections currently open through the proxy."""
        return sum(1 for w in self._clients if not w.is_closing())

    def forward(self) -> None:
        self.mode = "forward"

    def stall(self) -> None:
        self.mode = "stall"

    async def refuse(self) -> None:
        """Stop listening: new connections are refused until accept()."""
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def accept(self) -> None:
        """Listen again on the same port, forwarding."""
        self.forward()
        if self._server is None:
            await self.start()

    def cut(self) -> int:
        """Abort every open connection (both sides); returns how many client connections were cut."""
        cut = self.open_connections
        for writer in [*self._clients, *self._servers]:
            # abort() closes the socket only on the loop's next turn; a server that goes away has closed it
            # already, so shut it down now: the peer sees the end of the stream before its next call.
            sock = writer.transport.get_extra_info("socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            writer.transport.abort()
        self._clients.clear()
        self._servers.clear()
        return cut

    async def close(self) -> None:
        await self.refuse()
        self.cut()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    # -- plumbing --------------------------------------------------------------------------------

    async def _accept(self, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        self.accepted += 1
        if self.mode == "stall":
            self._clients.add(client_writer)
            return  # never answered; cut() or close() ends it
        try:
            server_reader, server_writer = await asyncio.open_connection(self.target_host, self.target_port)
        except OSError:
            client_writer.transport.abort()
            return
        self._clients.add(client_writer)
        self._servers.add(server_writer)
        for reader, writer in ((client_reader, server_writer), (server_reader, client_writer)):
            task = asyncio.get_running_loop().create_task(self._pipe(reader, writer))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(CHUNK):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.transport.abort()
            self._clients.discard(writer)
            self._servers.discard(writer)
