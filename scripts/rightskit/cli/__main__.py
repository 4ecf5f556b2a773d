"""`python -m rightskit.cli …` is the `rightskit` command."""
from rightskit.cli.main import run

run()
