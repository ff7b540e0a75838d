"""Reaching a database: settings, host lists, pools per event loop, liveness, the SQLite thread, creating the database."""
