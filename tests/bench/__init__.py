"""`make bench`: every hot path through the manager beside the raw driver (not part of `make test`)."""
