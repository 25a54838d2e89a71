#!/usr/bin/env python
from betterback.cli import main

if __name__ == "__main__":
    main()
