"""Every database failure classified in one place, by the driver's codes, never by its message text.

classify() walks an exception and its causes (SQLAlchemy's `.orig`, then `__cause__`) and answers with the
first code it knows: the SQLSTATE of asyncpg's errors (and of SQLAlchemy's adapter of them), the error number
of PyMySQL's errors (aiomysql raises PyMySQL's classes; `args[0]`), the extended result code of sqlite3's
errors (aiosqlite and the worker-thread path raise sqlite3's). A socket error anywhere in the chain means
the server cannot be reached. What no table names is OTHER: a message that merely reads like a known failure
changes nothing.

The tables below are the only place a driver's code is interpreted; report.py (what the generated facades
call), bootstrap and the CLI all ask classify(). Log lines and messages carry the driver's
first line (cause_text) and never a URL or password.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from enum import Enum

import pymysql.err
from sqlalchemy.exc import DBAPIError, DisconnectionError, StatementError

from sldb.handwritten.runtime.contract.errors import (
    AlreadyExistsError,
    DatabaseOperationError,
    DatabaseUnavailableError,
    DataLayerError,
    DuplicateKeyError,
    InvalidValueError,
    LoginRefusedError,
    PermissionDeniedError,
    RetryableConflictError,
    UnknownDatabaseError,
    ValueRefusedError,
    mask_passwords,
)

CAUSE_CHARS = 500


class FailureClass(Enum):
    """What a database failure means for the caller."""

    UNAVAILABLE = "unavailable"  # cannot connect, connection lost, server shutting down, starting or not ready
    LOGIN_REFUSED = "login refused"  # wrong password, unknown user, host not allowed
    PERMISSION_DENIED = "permission denied"  # logged in, but no right to this database, table or action
    UNKNOWN_DATABASE = "unknown database"  # the database (or PostgreSQL schema, or SQLite file) is not there
    ALREADY_EXISTS = "already exists"  # CREATE of a database, schema, table, index or column that is there
    DUPLICATE_KEY = "duplicate key"  # a row with the same primary or unique key is stored
    RETRYABLE = "retryable"  # lost a conflict (deadlock, serialization, lock wait, busy); rolled back
    VALUE_REFUSED = "value refused"  # out of range, too long, wrong type, NULL, CHECK; or refused by our types
    OTHER = "other"  # anything else: a syntax error, a missing table, a bug


_F = FailureClass

# PostgreSQL: exact SQLSTATEs first, then the two-character class.
# https://www.postgresql.org/docs/current/errcodes-appendix.html
_PG_STATES: dict[str, FailureClass] = {
    "57P01": _F.UNAVAILABLE,  # admin_shutdown (also: our backend was terminated)
    "57P02": _F.UNAVAILABLE,  # crash_shutdown
    "57P03": _F.UNAVAILABLE,  # cannot_connect_now (starting up, recovering)
    "57P05": _F.UNAVAILABLE,  # idle_session_timeout: the server closed the connection
    "25P03": _F.UNAVAILABLE,  # idle_in_transaction_session_timeout: the server closed the connection
    "53300": _F.UNAVAILABLE,  # too_many_connections: this server takes no connection now
    "42501": _F.PERMISSION_DENIED,  # insufficient_privilege (no CREATEDB, no CONNECT, no USAGE)
    "3D000": _F.UNKNOWN_DATABASE,  # invalid_catalog_name: database does not exist
    "3F000": _F.UNKNOWN_DATABASE,  # invalid_schema_name: schema does not exist
    "42P04": _F.ALREADY_EXISTS,  # duplicate_database
    "42P06": _F.ALREADY_EXISTS,  # duplicate_schema
    "42P07": _F.ALREADY_EXISTS,  # duplicate_table (tables, indexes, sequences, views)
    "42701": _F.ALREADY_EXISTS,  # duplicate_column
    "42710": _F.ALREADY_EXISTS,  # duplicate_object (constraints, roles, types)
    "42723": _F.ALREADY_EXISTS,  # duplicate_function
    "23505": _F.DUPLICATE_KEY,  # unique_violation (in pg_catalog: a CREATE raced another, see _pg_class)
    "40001": _F.RETRYABLE,  # serialization_failure
    "40P01": _F.RETRYABLE,  # deadlock_detected
    "55P03": _F.RETRYABLE,  # lock_not_available (lock_timeout, NOWAIT)
    "23502": _F.VALUE_REFUSED,  # not_null_violation
    "23514": _F.VALUE_REFUSED,  # check_violation
}
_PG_STATE_CLASSES: dict[str, FailureClass] = {
    "08": _F.UNAVAILABLE,  # connection_exception (asyncpg: 08003 for a connection closed under a statement)
    "28": _F.LOGIN_REFUSED,  # invalid_authorization_specification, invalid_password
    "22": _F.VALUE_REFUSED,  # data_exception (asyncpg raises 22000 itself for an argument it cannot encode)
}
# A unique violation in the system catalogs: two sessions ran CREATE DATABASE / SCHEMA / TABLE [IF NOT
# EXISTS] at once and this one lost (pg_database_datname_index, pg_namespace_nspname_index, pg_type_...).
_PG_CATALOG_SCHEMA = "pg_catalog"

# MySQL / MariaDB: server error numbers (1xxx, 3xxx, 4xxx) and client error numbers (2xxx).
# https://mariadb.com/kb/en/mariadb-error-codes/ and https://dev.mysql.com/doc/mysql-errors/8.0/en/
_MYSQL_CODES: dict[int, FailureClass] = {
    2002: _F.UNAVAILABLE,  # CR_CONNECTION_ERROR: cannot connect through the socket
    2003: _F.UNAVAILABLE,  # CR_CONN_HOST_ERROR: cannot connect to host:port
    2005: _F.UNAVAILABLE,  # CR_UNKNOWN_HOST
    2006: _F.UNAVAILABLE,  # CR_SERVER_GONE_ERROR
    2013: _F.UNAVAILABLE,  # CR_SERVER_LOST (during a query)
    2055: _F.UNAVAILABLE,  # CR_SERVER_LOST_EXTENDED
    1040: _F.UNAVAILABLE,  # ER_CON_COUNT_ERROR: too many connections
    1053: _F.UNAVAILABLE,  # ER_SERVER_SHUTDOWN
    1927: _F.UNAVAILABLE,  # ER_CONNECTION_KILLED (MariaDB)
    4031: _F.UNAVAILABLE,  # ER_CLIENT_INTERACTION_TIMEOUT (MySQL 8: closed for inactivity)
    # Galera: "WSREP has not yet prepared node for application use" (not synced, not in the primary
    # component). Nothing ran; this node takes no statement until it has joined: another node may.
    1047: _F.UNAVAILABLE,  # ER_UNKNOWN_COM_ERROR
    1045: _F.LOGIN_REFUSED,  # ER_ACCESS_DENIED_ERROR: wrong password or unknown user
    1698: _F.LOGIN_REFUSED,  # ER_ACCESS_DENIED_NO_PASSWORD_ERROR
    1130: _F.LOGIN_REFUSED,  # ER_HOST_NOT_PRIVILEGED: this host may not connect
    1251: _F.LOGIN_REFUSED,  # ER_NOT_SUPPORTED_AUTH_MODE
    1044: _F.PERMISSION_DENIED,  # ER_DBACCESS_DENIED_ERROR: no right to the database (login or CREATE)
    1142: _F.PERMISSION_DENIED,  # ER_TABLEACCESS_DENIED_ERROR
    1143: _F.PERMISSION_DENIED,  # ER_COLUMNACCESS_DENIED_ERROR
    1227: _F.PERMISSION_DENIED,  # ER_SPECIFIC_ACCESS_DENIED_ERROR (needs SUPER, PROCESS, ...)
    1419: _F.PERMISSION_DENIED,  # ER_BINLOG_CREATE_ROUTINE_NEED_SUPER: a trigger, with binary logging on
    1049: _F.UNKNOWN_DATABASE,  # ER_BAD_DB_ERROR
    1007: _F.ALREADY_EXISTS,  # ER_DB_CREATE_EXISTS
    1050: _F.ALREADY_EXISTS,  # ER_TABLE_EXISTS_ERROR
    1060: _F.ALREADY_EXISTS,  # ER_DUP_FIELDNAME: duplicate column name
    1061: _F.ALREADY_EXISTS,  # ER_DUP_KEYNAME: duplicate index name
    1062: _F.DUPLICATE_KEY,  # ER_DUP_ENTRY
    1586: _F.DUPLICATE_KEY,  # ER_DUP_ENTRY_WITH_KEY_NAME
    1022: _F.DUPLICATE_KEY,  # ER_DUP_KEY
    1213: _F.RETRYABLE,  # ER_LOCK_DEADLOCK (InnoDB deadlock; Galera certification failure, brute-force abort)
    1205: _F.RETRYABLE,  # ER_LOCK_WAIT_TIMEOUT (MariaDB NOWAIT / SKIP LOCKED too)
    3572: _F.RETRYABLE,  # ER_LOCK_NOWAIT (MySQL 8)
    1048: _F.VALUE_REFUSED,  # ER_BAD_NULL_ERROR
    1264: _F.VALUE_REFUSED,  # ER_WARN_DATA_OUT_OF_RANGE
    1265: _F.VALUE_REFUSED,  # WARN_DATA_TRUNCATED
    1292: _F.VALUE_REFUSED,  # ER_TRUNCATED_WRONG_VALUE (e.g. an unreadable datetime)
    1365: _F.VALUE_REFUSED,  # ER_DIVISION_BY_ZERO
    1366: _F.VALUE_REFUSED,  # ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
    1406: _F.VALUE_REFUSED,  # ER_DATA_TOO_LONG
    1690: _F.VALUE_REFUSED,  # ER_DATA_OUT_OF_RANGE
    3819: _F.VALUE_REFUSED,  # ER_CHECK_CONSTRAINT_VIOLATED (MySQL 8)
    4025: _F.VALUE_REFUSED,  # ER_CONSTRAINT_FAILED: CHECK (MariaDB)
}

# Failures after which the server kept nothing of the transaction and another try may succeed: a lost conflict
# (a deadlock or serialization failure; Galera reports a failed certification as a deadlock, 1213) and a Galera
# node that ran nothing because it is not ready (1047). A lock wait timeout is not here: it already waited.
_PG_RUN_AGAIN = frozenset({"40001", "40P01"})
_MYSQL_RUN_AGAIN = frozenset({1213, 1047})
_MYSQL_NODE_NOT_READY = frozenset({1047})
# The server cannot run an ALTER in the ALGORITHM or LOCK form asked for (or knows no such form): the statement
# ran not at all, and the next, less online form may be tried (schema migration's fallbacks).
_MYSQL_FORM_REFUSED = frozenset(
    {
        1845,  # ER_ALTER_OPERATION_NOT_SUPPORTED: "LOCK=NONE is not supported for this operation. Try ..."
        1846,  # ER_ALTER_OPERATION_NOT_SUPPORTED_REASON: "ALGORITHM=INSTANT is not supported. Reason: ..."
        1800,  # ER_UNKNOWN_ALTER_ALGORITHM: an older server knows no ALGORITHM=INSTANT
        1801,  # ER_UNKNOWN_ALTER_LOCK
    }
)

# SQLite: extended result codes first, then the primary code (the low byte). https://sqlite.org/rescode.html
_SQLITE_CONSTRAINT_DATATYPE = 3091  # STRICT table, value of the wrong type (no name in Python 3.11's sqlite3)
_SQLITE_EXTENDED: dict[int, FailureClass] = {
    sqlite3.SQLITE_CONSTRAINT_UNIQUE: _F.DUPLICATE_KEY,
    sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY: _F.DUPLICATE_KEY,
    sqlite3.SQLITE_CONSTRAINT_NOTNULL: _F.VALUE_REFUSED,
    sqlite3.SQLITE_CONSTRAINT_CHECK: _F.VALUE_REFUSED,
    _SQLITE_CONSTRAINT_DATATYPE: _F.VALUE_REFUSED,
}
_SQLITE_PRIMARY: dict[int, FailureClass] = {
    sqlite3.SQLITE_BUSY: _F.RETRYABLE,  # another connection holds the write lock (busy_timeout ran out)
    sqlite3.SQLITE_LOCKED: _F.RETRYABLE,  # a table is locked by another statement of this connection/cache
    sqlite3.SQLITE_CANTOPEN: _F.UNKNOWN_DATABASE,  # "unable to open database file"
    sqlite3.SQLITE_READONLY: _F.PERMISSION_DENIED,
    sqlite3.SQLITE_PERM: _F.PERMISSION_DENIED,
    sqlite3.SQLITE_AUTH: _F.PERMISSION_DENIED,
    sqlite3.SQLITE_TOOBIG: _F.VALUE_REFUSED,
    sqlite3.SQLITE_MISMATCH: _F.VALUE_REFUSED,
}
# SQLite reports "table t already exists" as plain SQLITE_ERROR, the code of a syntax error: it stays OTHER.

_ERROR_TYPES: dict[FailureClass, type[DatabaseUnavailableError] | type[DatabaseOperationError]] = {
    _F.UNAVAILABLE: DatabaseUnavailableError,
    _F.LOGIN_REFUSED: LoginRefusedError,
    _F.PERMISSION_DENIED: PermissionDeniedError,
    _F.UNKNOWN_DATABASE: UnknownDatabaseError,
    _F.ALREADY_EXISTS: AlreadyExistsError,
    _F.DUPLICATE_KEY: DuplicateKeyError,
    _F.RETRYABLE: RetryableConflictError,
    _F.VALUE_REFUSED: ValueRefusedError,
    _F.OTHER: DatabaseOperationError,
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """exc, then what it wraps: SQLAlchemy's `.orig` (the driver's exception), otherwise `__cause__`."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        orig = current.orig if isinstance(current, StatementError) else None
        current = orig if isinstance(orig, BaseException) else current.__cause__


def _pg_class(state: str, chain: list[BaseException]) -> FailureClass | None:
    found = _PG_STATES.get(state) or _PG_STATE_CLASSES.get(state[:2])
    if found is _F.DUPLICATE_KEY and any(getattr(e, "schema_name", None) == _PG_CATALOG_SCHEMA for e in chain):
        return _F.ALREADY_EXISTS  # asyncpg's error carries the server's schema_name field
    return found


def _sqlite_class(code: int) -> FailureClass | None:
    return _SQLITE_EXTENDED.get(code) or _SQLITE_PRIMARY.get(code & 0xFF)


def _mysql_code(error: BaseException) -> int | None:
    """The error number of a PyMySQL error (aiomysql raises PyMySQL's classes: `args[0]`), else None."""
    if isinstance(error, pymysql.err.MySQLError) and error.args and isinstance(error.args[0], int):
        return error.args[0]
    return None


def _class_of(error: BaseException, chain: list[BaseException]) -> FailureClass | None:
    """The class one exception of the chain names by its code, or None when it names none."""
    # Only the socket raises OSError inside a driver: refused, reset, timed out, no route, unknown host,
    # a Unix socket that is not there (ConnectionError, TimeoutError, socket.gaierror, FileNotFoundError).
    if isinstance(error, OSError):
        return _F.UNAVAILABLE
    if isinstance(error, DisconnectionError):  # the pool found the connection dead
        return _F.UNAVAILABLE
    if isinstance(error, InvalidValueError):  # our column types refused the value before it was sent
        return _F.VALUE_REFUSED
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str):
        return _pg_class(state, chain)
    code = _mysql_code(error)
    if code is not None:
        return _MYSQL_CODES.get(code)
    code = getattr(error, "sqlite_errorcode", None)  # set by sqlite3 on the errors SQLite reports
    if isinstance(error, sqlite3.Error) and isinstance(code, int):
        return _sqlite_class(code)
    return None


def classify(exc: BaseException) -> FailureClass:
    """What exc means, from the codes in it and its causes; OTHER when none is known."""
    chain = list(_chain(exc))
    for error in chain:
        found = _class_of(error, chain)
        if found is not None:
            return found
    # SQLAlchemy saw the connection die without a code we know (asyncpg: "connection is closed").
    if any(isinstance(e, DBAPIError) and e.connection_invalidated for e in chain):
        return _F.UNAVAILABLE
    return _F.OTHER


def _mysql_codes(exc: BaseException) -> set[int]:
    return {code for code in map(_mysql_code, _chain(exc)) if code is not None}


def rolled_back(exc: BaseException) -> bool:
    """Whether the server rolled back all of the failed transaction for a reason another try may not meet:
    then a method whose work is that one transaction may run again (the generated facades' `retry: true`)."""
    states = {getattr(e, "sqlstate", None) for e in _chain(exc)}
    return bool(states & _PG_RUN_AGAIN) or bool(_mysql_codes(exc) & _MYSQL_RUN_AGAIN) or _trigger_load_aborted(exc)


def _trigger_load_aborted(exc: BaseException) -> bool:
    """MariaDB Galera: a transaction a replicated write-set brute-force aborts while the statement loads its
    table's triggers fails with a syntax error in a trigger's body (1064, at another place of the same body each
    time: tests/cluster/test_galera.py), not with 1213. The layer's triggers are fixed, tested text, so such an
    error is that abort: rolled back like a certification failure, and a retry meets no syntax error."""
    return any(
        _mysql_code(e) == 1064 and "has an error in its body" in str(e.args[1] if len(e.args) > 1 else "")
        for e in _chain(exc)
    )


def node_not_ready(exc: BaseException) -> bool:
    """Whether exc says this Galera node takes no statement now: its connections are of no use until it has
    joined again, so the engine drops them and opens new ones on a node that is ready."""
    return bool(_mysql_codes(exc) & _MYSQL_NODE_NOT_READY)


def online_form_refused(exc: BaseException) -> bool:
    """Whether MySQL/MariaDB refused an ALTER's ALGORITHM= or LOCK= form (and ran nothing of it)."""
    return bool(_mysql_codes(exc) & _MYSQL_FORM_REFUSED)


def typed_error(failure: FailureClass, message: str) -> DataLayerError:
    """The typed error for a failure of this class (errors.py), saying message."""
    return _ERROR_TYPES[failure](message)


def _driver_error(exc: BaseException) -> BaseException:
    """The exception the driver raised: SQLAlchemy's wrapper and its asyncpg adapter taken off."""
    inner = exc.orig if isinstance(exc, StatementError) and isinstance(exc.orig, BaseException) else exc
    if type(inner).__module__.startswith("sqlalchemy.") and inner.__cause__ is not None:
        inner = inner.__cause__  # SQLAlchemy's asyncpg adapter re-raises asyncpg's error as its cause
    return inner


def _message(error: BaseException) -> str:
    if isinstance(error, pymysql.err.MySQLError) and len(error.args) == 2 and isinstance(error.args[0], int):
        return f"({error.args[0]}) {error.args[1]}"  # PyMySQL's str() is the repr of (code, message)
    return str(error)


def cause_text(exc: BaseException) -> str:
    """The driver's own words for exc in one line: its type and first line, shortened, passwords masked."""
    error = _driver_error(exc)
    first = (_message(error).strip().splitlines() or [""])[0]
    if len(first) > CAUSE_CHARS:
        first = f"{first[:CAUSE_CHARS]}... ({len(first)} chars)"
    return mask_passwords(f"{type(error).__name__}: {first}" if first else type(error).__name__)


def is_unavailable(exc: BaseException) -> bool:
    """Whether exc means the database could not be reached (or was lost), rather than refusing a statement."""
    return classify(exc) is _F.UNAVAILABLE
