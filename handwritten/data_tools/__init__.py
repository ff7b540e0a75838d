"""Data tools the `sldb` command runs: copy between databases, merge a fallback file, purge by filter."""
