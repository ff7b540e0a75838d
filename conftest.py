"""pytest starts here: the shared fixtures (db, manager, session, backend, ...) are in tests/fixtures.py.

They are loaded as a plugin from this root conftest, so that both tests/ and generated/contract_tests/ see the
same session-scoped databases (a tests/conftest.py would reach only tests/, and registering it here as well
would load it twice).
"""

pytest_plugins = ["tests.fixtures"]
