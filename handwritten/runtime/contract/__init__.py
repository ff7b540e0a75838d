"""The contract every other room stands on: the Database a facade receives and the connections it gives (the
SQLite one driven through a worker thread), the typed errors, the layer's loggers."""
