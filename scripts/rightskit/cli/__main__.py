"""`python -m rightskit.cli …` is the `rightskit` command."""
import sys

from rightskit.cli.main import main

sys.exit(main())
