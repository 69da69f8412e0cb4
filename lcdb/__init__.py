"""lcdb: the Libya Conflict DataBase. The CLI (`lcdb.cli`) is a thin layer over `loaders`, `reports` and this
package's database helpers."""

__version__ = "0.1.0"
