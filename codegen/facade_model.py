# Generated from codegen/facade_schema.json by datamodel-code-generator (make spec-models). Do not edit.

from __future__ import annotations

from typing import Annotated, Literal
from pydantic import BaseModel, ConfigDict, Field


class ShapeField(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[A-Za-z_][A-Za-z0-9_]*$")]
    type: Annotated[str, Field(min_length=1)]
    """
    A Python annotation.
    """


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


class ShapeSpec(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
    )
    name: Annotated[str, Field(pattern="^[A-Z][A-Za-z0-9]*$")]
    description: str | None = None
    fields: Annotated[list[ShapeField], Field(min_length=1)]


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
