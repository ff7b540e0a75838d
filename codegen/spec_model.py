# Generated from codegen/spec_schema.json by datamodel-code-generator (make spec-models). Do not edit.

from __future__ import annotations

from typing import Annotated, Literal
from pydantic import BaseModel, ConfigDict, Field
from typing_extensions import TypeAliasType


class SqlFunction(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    sql: Literal["now"]


class FactoryDefault(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    factory: Literal["list", "dict", "unix_time"]


MysqlLengthAdditionalProperty = TypeAliasType(
    "MysqlLengthAdditionalProperty", Annotated[int, Field(ge=1)]
)


class IndexSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    columns: Annotated[list[str], Field(min_length=1)]
    unique: bool = False
    mysql_length: dict[str, MysqlLengthAdditionalProperty] | None = None
    """
    Prefix length in characters, per column, for TEXT columns on MySQL.
    """
    before_create: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    Name of a registered preparation (handwritten/runtime/schema/hooks.py), run in the same transaction, before this index is created on an existing table.
    """
    may_fail_on_duplicates: bool = False
    """
    A unique index added to a table that exists already: accept that its build fails where the rows hold duplicates (migration logs the failure, leaves the index out and tries again at the next start). The checker asks for this or before_create when such an index is added (codegen/applied.py).
    """


class UniqueConstraintSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    columns: Annotated[list[str], Field(min_length=1)]


class RedundantIndexSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: str
    columns: Annotated[list[str], Field(min_length=1)]
    kept: str
    """
    The index of this table that serves these columns instead.
    """
    reason: Annotated[str, Field(min_length=1)]


class RelationshipSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    target: Annotated[str, Field(pattern="^[A-Z][A-Za-z0-9]*$")]
    back_populates: str
    lazy: Literal["select", "selectin", "joined", "raise"] = "select"
    uselist: bool = False


class MergeSpec(BaseModel):
    """
    How `sldb copy --merge` treats a row whose natural key the target already holds: that row is kept, the `add` columns are summed into it, and references to the merged row point at it. Printed into the table's info as {'merge': {'key': [...], 'add': [...]}}.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    key: Annotated[list[str], Field(min_length=1)]
    """
    The columns of the natural key (a unique index).
    """
    add: list[str] = []
    """
    Number columns added together (counts).
    """


class ColumnSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    type: Literal[
        "integer",
        "big_integer",
        "string",
        "text",
        "float",
        "boolean",
        "datetime",
        "json",
        "binary",
    ]
    """
    float is double precision on every backend; text holds up to 4 GiB on MySQL (LONGTEXT).
    """
    length: Annotated[int | None, Field(ge=1, le=16383)] = None
    """
    Required for string.
    """
    nullable: bool = True
    primary_key: bool = False
    autoincrement: bool = False
    index: bool = False
    """
    Create the unnamed ix_<table>_<column> index.
    """
    unique: bool = False
    foreign_key: Annotated[
        str | None, Field(pattern="^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$")
    ] = None
    references: Annotated[
        str | None, Field(pattern="^[a-z][a-z0-9_]*\\.[a-z][a-z0-9_]*$")
    ] = None
    """
    An id-valued column that is not a declared foreign key: the table.column whose ids it holds. Printed into Column(info={'references': ...}); `sldb copy --merge` and `sldb purge` follow it.
    """
    internal: bool = False
    """
    The layer's own bookkeeping column, kept in the table, never in a record or a shape returned to callers: the layer writes and reads it in its own statements; the generated record leaves it out, a shape field may not name it, and the model's Column carries info={'internal': True}.
    """
    default: str | int | float | bool | FactoryDefault | SqlFunction | None = None
    """
    Python-side default: a literal, a factory called per row, or an SQL function evaluated in the INSERT.
    """
    server_default: str | None = None
    """
    Literal the database fills in when an INSERT omits the column.
    """
    onupdate: SqlFunction | None = None
    attribute: Annotated[str | None, Field(pattern="^[a-z][a-z0-9_]*$")] = None
    """
    Python attribute name when the column name is reserved by SQLAlchemy (metadata).
    """
    description: str | None = None


class TableSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    class_: Annotated[str, Field(alias="class", pattern="^[A-Z][A-Za-z0-9]*$")]
    """
    ORM class name, as the plugin imports it.
    """
    table: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    description: Annotated[str, Field(min_length=1)]
    in_seed: bool = True
    """
    False for the tables newer plugin versions added beyond the design document.
    """
    maintained_by: Literal["triggers"] | None = None
    """
    Who writes the rows: triggers means triggers on other tables keep them (counters, see handwritten/tables/counters.py); the ORM class carries info={'maintained_by': 'triggers'} and sldb copy skips the table.
    """
    columns: Annotated[list[ColumnSpec], Field(min_length=1)]
    indexes: Annotated[list[IndexSpec], Field(validate_default=True)] = []
    unique_constraints: Annotated[
        list[UniqueConstraintSpec], Field(validate_default=True)
    ] = []
    redundant_indexes: Annotated[
        list[RedundantIndexSpec], Field(validate_default=True)
    ] = []
    """
    Indexes that older plugin versions created and this spec deliberately does not create, because another index serves the same columns.
    """
    relationships: Annotated[list[RelationshipSpec], Field(validate_default=True)] = []
    merge: MergeSpec | None = None


class DomainSpec(BaseModel):
    """
    One YAML file under schema/: the tables of one model file of the plugin.
    """

    model_config = ConfigDict(
        extra="forbid",
    )
    domain: Annotated[str, Field(pattern="^[a-z][a-z0-9_]*$")]
    """
    Name of the domain; equals the file name without .yaml and names every generated module.
    """
    description: Annotated[str, Field(min_length=1)]
    tables: Annotated[list[TableSpec], Field(min_length=1)]
