"""The relational schema: SQLModel tables. Alembic migrations (top-level `alembic/`) are the only way it changes.

Importing this package registers every table on `SQLModel.metadata`, which Alembic's env.py targets.
"""

from schema.base import metadata  # noqa: F401  (naming convention must exist before any table)
from schema.articles import Article, ArticleBand, Story  # noqa: F401
from schema.actors import Actor, ActorAlias, ActorMention  # noqa: F401
from schema.extractions import (  # noqa: F401
    AllegationDenial,
    EmbargoAllegation,
    Event,
    EventParticipant,
    ForeignSupport,
    Rejection,
    Statement,
)
from schema.runs import LoadError, LoadRun  # noqa: F401
from schema.changes import ChangeLog  # noqa: F401
