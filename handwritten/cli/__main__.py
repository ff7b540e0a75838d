"""python -m sldb.handwritten.cli ..."""

import sys

from sldb.handwritten.cli import main

sys.exit(main())
