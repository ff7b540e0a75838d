"""The one schema comparison: read the live catalog, compare with the models, apply additive steps under a lock."""
