"""Backend identity and traits: the one table every postgresql/mysql/sqlite decision reads."""
