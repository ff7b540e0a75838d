# Generated from schema/*.yaml by codegen. Do not edit.
"""Every ORM model, under the class names the plugin imports, and their shared Base."""

from sldb.generated.models.base import Base
from sldb.generated.models.library import (
    Book,
    Loan,
)

__all__ = [
    "Base",
    "Book",
    "Loan",
]

# Table name -> domain, in spec order: how the runtime and tools find a table's spec.
DOMAIN_OF_TABLE: dict[str, str] = {
    "books": "library",
    "loans": "library",
}

# Indexes older plugin versions created that these specs leave out: name -> (table, index kept instead).
REDUNDANT_INDEXES: dict[str, tuple[str, str]] = {
    "idx_book_shelf": ("books", "ix_books_shelf"),
}
