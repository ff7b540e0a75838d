# Generated from schema/facades/learning.yaml by codegen. Do not edit.
"""LearningFacade's fast paths: statements rendered per backend at generation time, run on the pooled
driver connection (handwritten/runtime/queries/driver_sql.py).

Each column's input rule (text escapes, length, NOT NULL) and read rule is written out below; the hand-written
body calls these functions, and its SQLAlchemy form (<method>_reference) is held equal to them by
contract_tests/test_learning_fast.py.
"""

from __future__ import annotations

from typing import Any

from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.queries.crud import bound_limit
from sldb.handwritten.runtime.queries.driver_sql import (
    Statement,
    fetch_rows,
)
from sldb.handwritten.runtime.values.policy import bind_text, read_text

_APPROVED_FEW_SHOTS_OF_GROUP = Statement(
    postgresql="SELECT style_learning_reviews.few_shots_content FROM style_learning_reviews WHERE style_learning_reviews.status = 'approved' AND style_learning_reviews.group_id = $1::VARCHAR AND style_learning_reviews.few_shots_content IS NOT NULL AND length(style_learning_reviews.few_shots_content) > 0 ORDER BY style_learning_reviews.timestamp DESC, style_learning_reviews.id DESC LIMIT $2",
    mysql="SELECT style_learning_reviews.few_shots_content FROM style_learning_reviews WHERE style_learning_reviews.status = 'approved' AND style_learning_reviews.group_id = %s AND style_learning_reviews.few_shots_content IS NOT NULL AND length(style_learning_reviews.few_shots_content) > 0 ORDER BY style_learning_reviews.timestamp DESC, style_learning_reviews.id DESC LIMIT %s",
    sqlite="SELECT style_learning_reviews.few_shots_content FROM style_learning_reviews WHERE style_learning_reviews.status = 'approved' AND style_learning_reviews.group_id = ? AND style_learning_reviews.few_shots_content IS NOT NULL AND length(style_learning_reviews.few_shots_content) > 0 ORDER BY style_learning_reviews.timestamp DESC, style_learning_reviews.id DESC LIMIT ? OFFSET 0",
)


async def approved_few_shots_of_group(db: Database, *, group_id: Any, limit: Any) -> list[str | None]:
    """The few_shots_content of the rows of style_learning_reviews with status = 'approved' and group_id = group_id and few_shots_content is not empty, ordered by timestamp desc, id desc, at most limit, as values (on db.driver(write=False))."""
    params = (
        bind_text(group_id, 255, field="style_learning_reviews.group_id", nullable=False),
        bound_limit(limit),
    )
    async with db.driver(write=False) as conn:
        return [read_text(row[0]) for row in await fetch_rows(conn, _APPROVED_FEW_SHOTS_OF_GROUP, params)]
