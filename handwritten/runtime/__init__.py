"""The runtime the generated code stands on: column types, settings, engine, migration, errors."""
