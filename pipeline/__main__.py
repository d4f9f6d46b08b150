import sys

from pipeline.cli import main

if __name__ == "__main__":  # guarded: extraction workers are spawned and import this module
    sys.exit(main())
