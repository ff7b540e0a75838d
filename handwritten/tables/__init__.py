"""What particular tables of the plugin need beyond their specs, registered for the generic schema code.

SCHEMA_EXTRAS is attached to the generated models' MetaData (generated/models/base.py), so start-up, `sldb
migrate`, copy and the fallback merge all find it with the tables:
- before uk_chat_content is created on an existing jargon table, its duplicates are merged (jargon_dedupe.py);
- after every migration, the counter triggers are present and the counters exact (counters.py); start-up
  looks first (counters.pending) and leaves a current schema alone;
- after start-up, jargon rows an older version wrote get their text key (jargon_keys.py);
- in the background after start-up (start() does not wait), the counters' backfill runs its batches
  (counter_backfill.py); until it ends, the statistics count the tables themselves (counter_readiness.py);
- `sldb migrate --dry-run` shows what these steps would do on the database, with the rows they touch (follow_up).
"""

from __future__ import annotations

from sldb.handwritten.runtime.schema.extras import SchemaExtras
from sldb.handwritten.runtime.schema.hooks import MigrationHook
from sldb.handwritten.tables import counters, jargon_keys
from sldb.handwritten.tables.jargon_dedupe import merge_before_unique_index

SCHEMA_EXTRAS = SchemaExtras(
    hooks={
        "merge_jargon_duplicates": MigrationHook(
            "merge_jargon_duplicates", "merge duplicate (chat_id, content) rows", merge_before_unique_index
        ),
    },
    after_migration=(counters.after_migration,),
    pending=(counters.pending,),
    after_start=(jargon_keys.fill_jargon_keys,),
    in_background=(counters.backfill_after_start,),
    settle=(counters.settle_counters,),
    background_status=(counters.backfill_status,),
    follow_up=(counters.follow_up, jargon_keys.follow_up),
)
