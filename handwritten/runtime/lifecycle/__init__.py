"""The manager's life: start-up sequence, stop, the SQLite fallback's mark."""
