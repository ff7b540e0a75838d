"""python -m handwritten.cli ..."""

import sys

from handwritten.cli.main import main

sys.exit(main())
