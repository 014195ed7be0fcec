"""`checker eval`: score the checker's findings against gold annotations.

`gold` reads and validates gold files, `match` locates quotes and matches findings,
`score` computes the result (the public JSON), `render` prints it.
"""

from checker.eval.gold import GoldItem, GoldKind, GoldSet, load_gold
from checker.eval.score import SCHEMA_VERSION, EvalResult, evaluate

__all__ = [
    "SCHEMA_VERSION",
    "EvalResult",
    "GoldItem",
    "GoldKind",
    "GoldSet",
    "evaluate",
    "load_gold",
]
