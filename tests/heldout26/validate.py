#!/usr/bin/env python3
"""Consistency checker for this synthetic evaluation set: tests/gold_checker.py run on the folder holding this file.

Usage:  python3 validate.py [DIR]      (DIR defaults to the folder holding this file)
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from gold_checker import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else HERE))
