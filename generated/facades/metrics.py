# Generated from schema/facades/metrics.yaml by codegen. Do not edit.
"""MetricsFacade: Counts of messages and learning work, overall or for one group, and recent trends."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from sldb.generated.shapes.metrics import DetailedMetrics, GroupStatistics, TrendsData
from sldb.handwritten.facades import metrics as queries
from sldb.handwritten.runtime.contract.database import Database
from sldb.handwritten.runtime.failures.report import log_failure


class MetricsFacade:
    """Counts of messages and learning work, overall or for one group, and recent trends."""

    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_group_statistics(self, group_id: str | None = None) -> GroupStatistics:
        """Counts of raw and filtered messages and of persona and style reviews, in one group or in all."""
        try:
            return await queries.get_group_statistics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_group_statistics", exc, group_id=group_id)
            return {
                "raw_messages": 0,
                "filtered_messages": 0,
                "persona_reviews": 0,
                "style_reviews": 0,
                "group_id": group_id,
            }

    async def get_detailed_metrics(self, group_id: str | None = None) -> DetailedMetrics:
        """Message counts (raw, filtered, bot) and learning counts (reviews, batches, style patterns), in one group or in all."""
        try:
            return await queries.get_detailed_metrics(self._db.replica(), group_id=group_id)
        except SQLAlchemyError as exc:
            log_failure("get_detailed_metrics", exc, group_id=group_id)
            return {
                "messages": {"raw": 0, "filtered": 0, "bot": 0},
                "learning": {"persona_reviews": 0, "style_reviews": 0, "batches": 0, "style_patterns": 0},
                "group_id": group_id,
            }

    async def get_trends_data(
        self,
    ) -> TrendsData:
        """Raw messages per local day (YYYY-MM-DD) over the last 7 days, oldest day first, and the 10 most recently started learning batches."""
        try:
            return await queries.get_trends_data(self._db.replica())
        except SQLAlchemyError as exc:
            log_failure("get_trends_data", exc)
            return {"daily_messages": {}, "recent_batches": []}
