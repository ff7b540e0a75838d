"""What went wrong and what to do about it: driver errors classified by code, the one retry loop, the facades' failure log."""
