# Generated from schema/*.yaml by codegen. Do not edit.
"""Code generated from the specs under schema/: models, records, repositories, facades, manager, contract tests."""
