"""sldb: the AstrBot self-learning plugin's data layer, generated from YAML.

The one import package this project installs. Its parts are the repository's folders, linked here:
`sldb.generated` (written by the generator from `schema/`), `sldb.handwritten` (the runtime, the hand-written
queries and the `sldb` command) and `sldb.codegen` (the generator). The plugin needs only
`sldb.generated.manager.SQLAlchemyDatabaseManager`.
"""
