"""python -m sldb.handwritten.cli ..."""

import sys

from sldb.handwritten.cli.main import main

sys.exit(main())
