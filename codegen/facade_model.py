# Generated from codegen/facade_schema.json by datamodel-code-generator (make spec-models). Do not edit.

from __future__ import annotations

from typing import Annotated, Literal
from pydantic import BaseModel, ConfigDict, Field, RootModel, StringConstraints


class ShapeField(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[A-Za-z_][A-Za-z0-9_]*$")]
    type: Annotated[str, Field(min_length=1)]
    """
    A Python annotation.
    """
    from_: Annotated[str | None, Field(alias="from", pattern="^[a-z][a-z0-9_]*$")] = (
        None
    )
    """
    With projects: the column this field is read from, when its name differs.
    """
    json_: Annotated[
        Literal["object", "list", "lenient_object", "lenient_list"] | None,
        Field(alias="json"),
    ] = None
    """
    With projects: the column holds JSON text, decoded on read. object / list: the decoded value when it is an object / a list, otherwise {} / [] (NULL, blank, not JSON, another type). lenient_object / lenient_list: the decoded value whatever its type; {} / [] when NULL or blank; the text as stored when it is not JSON.
    """
    null_as: Annotated[str | None, Field(min_length=1)] = None
    """
    With projects: a Python literal, as source text, the field takes when the column is NULL.
    """


class TemplateImpl(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    template: Literal["get_by_id", "delete_by_id", "count"]
    """
    get_by_id: the row's record or None. delete_by_id: whether a row was deleted. count: rows matching where.
    """
    table: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    where: dict[str, str | int | bool] | None = None
    """
    count only: column = literal conditions.
    """


class ValueType(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern="^(bool|id|float( -?[0-9]+\\.\\.-?[0-9]+)?|ids|time|json|bytes|(int|bigint)( -?[0-9]+\\.\\.-?[0-9]+( clamp)?)?|text( [a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*| [1-9][0-9]*)?)\\??$"
        ),
    ]
    """
    What a value may be (handwritten/runtime/values/policy.py, Rule): bool (True/False, 0/1, 'true'/'false'); int (whole number, 32-bit signed) and bigint (64-bit signed), optionally 'LO..HI' (refused outside; with ' clamp' set to the nearer bound instead); float (a finite number; optionally 'LO..HI', refused outside); id (a row id: a whole number within INTEGER, the type of every key); ids (a list of ids); time (epoch seconds or milliseconds, ISO 8601 text or a datetime, years 1..9999); text (a str, a number as its text, or a dict/list as its JSON), optionally 'table.column', whose length bounds it, or a number of characters; json (any value JSON can hold, finite numbers); bytes. A trailing '?' accepts None.
    """


class WhereItem(RootModel[str]):
    root: Annotated[
        str,
        Field(
            pattern="^[a-z][a-z0-9_]*( = (true|false|-?[0-9]+|'[a-z0-9_]*')| is not empty)?$"
        ),
    ]


class OrderByItem(RootModel[str]):
    root: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*( (asc|desc))?$")]


class ExistingKeyItem(RootModel[str]):
    root: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]


class OnExistingItem(RootModel[str]):
    root: Annotated[
        str, Field(pattern="^[a-z][a-z0-9_]*( (kept|added) if [a-z][a-z0-9_]*)?$")
    ]


class OptionalItem(RootModel[str]):
    root: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]


class SetItem(RootModel[str]):
    root: Annotated[
        str, Field(pattern="^[a-z][a-z0-9_]*( = (true|false|-?[0-9]+)| at most)?$")
    ]


class FastStatement(BaseModel):
    """
    One statement of a fast path. The generator renders its SQL for PostgreSQL (asyncpg, $1), MySQL/MariaDB (aiomysql, %s) and SQLite (?) and writes, in generated/fast/<module>.py, an async function of this name that runs it on the pooled driver connection (handwritten/runtime/queries/driver_sql.py): text parameters go through the column's input rule (escapes, length, NOT NULL) and rows become the table's record, with each column's conversion written out. Give exactly one of select, insert and update.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    """
    The generated function's name.
    """
    select: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    A table: the function(db, <where columns>, limit) returns its rows as records (every column the record holds), on db.driver(write=False): the driver connection of the pool reading() uses (in a fast_transaction method: on the transaction's connection).
    """
    column: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    select only: the one column the rows give (not a boolean: its read differs per backend); the function then returns a list of its values, its read rule applied, instead of records, and only this column and those the statement names need a conversion written out.
    """
    where: Annotated[list[WhereItem], Field(validate_default=True)] = []
    """
    select, update: conditions joined by AND: `column` (column = a parameter of its name), `column = literal` (true, false, an integer or a quoted lowercase word, 'approved', written into the SQL: text every column's input rule stores as it is) or `column is not empty` (IS NOT NULL AND length(column) > 0: MySQL's PAD SPACE collations would also drop whitespace-only text with != ''). An update with where changes the rows it matches instead of rows by keys.
    """
    order_by: Annotated[list[OrderByItem], Field(validate_default=True)] = []
    """
    select only: `column` or `column desc`, in order.
    """
    limit: bool = False
    """
    select only: a `limit` parameter bounds the rows.
    """
    for_update: bool = False
    """
    select in a fast_transaction method only: a locking read (FOR UPDATE on PostgreSQL and MySQL, which also makes MySQL read the newest committed row rather than the transaction's snapshot; SQLite's BEGIN IMMEDIATE already holds the write lock).
    """
    insert: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    A table with an integer primary key: the function(db, values) inserts one row of values (a mapping of every column but the key and those whose default is SQL, `default: {sql: now}`, which the statement fills as SQLAlchemy's insert does) on db.driver(write=True) (the driver connection of the pool autocommit() uses) and returns its key (RETURNING on PostgreSQL and SQLite, the driver's lastrowid on MySQL).
    """
    existing_key: Annotated[list[ExistingKeyItem], Field(validate_default=True)] = []
    """
    insert only: the columns of a unique index. A row with the same key already stored is left as it is and its primary key returned (ON CONFLICT DO UPDATE SET id = id RETURNING id; MySQL: ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), then a locking read by key when a trigger made that 0).
    """
    on_existing: Annotated[list[OnExistingItem], Field(validate_default=True)] = []
    """
    insert with existing_key only: instead of leaving the stored row as it is, these assignments change it (ON CONFLICT DO UPDATE SET; MySQL: ON DUPLICATE KEY UPDATE, then id = LAST_INSERT_ID(id)), in order, and its key is returned: `column` (the proposed value), `column kept if flag` (its own value while the boolean column flag is true, else the proposed one) or `column added if flag` (its value, 0 when NULL, plus the proposed one while flag is true, else the proposed one). MySQL applies them in order, each seeing those before: no item may read a flag an earlier item set.
    """
    optional: Annotated[list[OptionalItem], Field(validate_default=True)] = []
    """
    on_existing columns changed only when the caller gave them: the function also takes given (the names the caller gave) and each of these assignments becomes CASE WHEN <name in given> THEN ... ELSE column END, one statement for every set of given names.
    """
    update: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    A table with an integer primary key: the function(db, keys, <set columns>) sets the `set` columns of the rows whose key is in keys (a list of ints) in one UPDATE on db.driver(write=True) and returns how many rows matched (MySQL counts matched rows: FOUND_ROWS), 0 for no keys without a statement. PostgreSQL takes the keys as one array parameter (key = ANY($n::INTEGER[])); MySQL and SQLite get one placeholder per key (IN (%s, ...)), the text completed per list length at run time. With `where`, the function(db, <set columns>, <where columns>) changes the rows the conditions match instead, and takes no keys.
    """
    set: Annotated[list[SetItem], Field(validate_default=True)] = []
    """
    update only (at least one): `column` (set to a parameter of its name), `column = literal` (true, false or an integer) or `column at most` (a parameter of its name caps the stored value: set to it when the stored value is NULL or above it, else left).
    """


class ShapeSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[A-Z][A-Za-z0-9]*$")]
    description: str | None = None
    projects: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    A table this shape is one row of: the generator writes a function of the shape's name in snake case (StyleReviewView -> style_review_view) that builds the shape from a row or record of the table, each field from the column of its name (or 'from'), as the table's record reads it.
    """
    fields: Annotated[list[ShapeField], Field(min_length=1)]


class ParamSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z_][a-z0-9_]*$")]
    type: Annotated[str, Field(min_length=1)]
    """
    A Python annotation.
    """
    default: str | None = None
    """
    A Python literal, as source text.
    """
    accepts: (
        ValueType
        | dict[
            Annotated[str, StringConstraints(pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")],
            ValueType,
        ]
        | None
    ) = None
    """
    The value the parameter accepts, checked by the generated facade before the hand-written body runs (InvalidValueError naming the method and field otherwise). Required on every parameter of an access: write method and on every id parameter. For a dict parameter: the type of each key it may hold; a key given None without '?' counts as absent.
    """


class MethodSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    description: Annotated[str, Field(min_length=1)]
    params: list[ParamSpec]
    returns: Annotated[str, Field(min_length=1)]
    """
    A Python annotation.
    """
    not_ready_default: str | None = None
    """
    Python expression returned while the database is not started; without it the call raises DatabaseNotReadyError.
    """
    on_failure: str | None = None
    """
    Python expression returned (after logging the error with its context) when the database fails during the call, as the plugin expects; without it the error is raised as a DataLayerError.
    """
    access: Literal["read", "write"]
    """
    read: the method only reads, on db.reading() or db.snapshot() (it never takes a write lock; generated/manager.py lists it in READ_ONLY_METHODS); write: it may write.
    """
    replica: bool = False
    """
    Whether a read replica may answer (PostgreSQL with postgresql_read_hosts): the answer may be up to max_replica_lag_s old. The generated facade hands the method db.replica(), whose reading() and snapshot() use a replica within the lag bound, else the primary, and which cannot write. Only on access: read.
    """
    retry: bool = False
    """
    Whether the generated facade runs the method again (handwritten/runtime/failures/retry.py, at most 6 tries) after a failure in which the server rolled back all of its transaction: a deadlock or serialization failure, a Galera certification conflict (1213), a Galera node not ready (1047). Only for a hand-written access: write method whose work is one transaction or one autocommit statement, so that nothing of a failed try is kept.
    """
    fast: Annotated[list[FastStatement], Field(validate_default=True)] = []
    """
    Makes the method a fast path: its statements, rendered per backend at generation time into generated/fast/<module>.py, which the hand-written body calls instead of SQLAlchemy. The body's SQLAlchemy form stays in handwritten/facades/<module>.py as <method>_reference; generated/contract_tests/test_<module>_fast.py runs both on every backend over the same inputs and compares results and stored rows. Only on a hand-written method.
    """
    fast_transaction: bool = False
    """
    The method's fast statements run together in one transaction (several writes, or a locking read and what it decides): the generated functions take the connection db.driver_transaction() gives (a driver connection in BEGIN ... COMMIT; on SQLite BEGIN IMMEDIATE, on the event loop's own connection when the write lock is free) instead of db, and the hand-written body opens it around them. Only on a method with fast statements.
    """
    impl: Literal["handwritten"] | TemplateImpl
    """
    handwritten: a function of the same name in handwritten/facades/<module>.py; otherwise a template writes it.
    """
    extension: bool = False
    """
    True for methods beyond the plugin's current manager surface.
    """
    fixes: str | None = None
    """
    Where today's behaviour lost data or failed, what this method does instead.
    """


class FacadeSpec(BaseModel):
    """
    One YAML file under schema/facades/: the methods one facade offers, which the manager delegates to.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    facade: Annotated[str, Field(pattern="^[A-Z][A-Za-z0-9]*Facade$")]
    module: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    """
    Equals the file name without .yaml; names generated/facades/<module>.py and handwritten/facades/<module>.py.
    """
    description: Annotated[str, Field(min_length=1)]
    shapes: Annotated[list[ShapeSpec], Field(validate_default=True)] = []
    """
    Fixed dict shapes the methods return, generated as TypedDicts.
    """
    methods: Annotated[list[MethodSpec], Field(min_length=1)]
