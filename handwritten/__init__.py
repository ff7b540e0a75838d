"""Hand-written code: the runtime (settings, engine, migration) and the query logic templates cannot express."""
