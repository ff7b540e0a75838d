"""How caller values become stored values: the input policy, JSON and text forms, the column types, record conversions."""
