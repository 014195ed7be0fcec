"""Rule files and vocabulary: loading, checking and the data they become.

Usage::

    from checker.rules import load_rules, OperatorSpec
    ruleset = load_rules(Path("rules"), operators={"time_relation": OperatorSpec(...)})
    for rule in ruleset.active(): ...
    ruleset.vocab.find_all("roles", text)
"""

from checker.errors import RuleSetError
from checker.rules.loader import DEFAULT_RULES_DIR, RuleSet, collect_rules, load_rules
from checker.rules.schema import (
    FAMILY_FOLDERS,
    MESSAGE_PLACEHOLDERS,
    AppliesTo,
    Condition,
    OperatorSpec,
    Param,
    ParamKind,
    Rule,
    RuleSpec,
    RuleStatus,
    render_message,
)
from checker.rules.vocab import (
    VOCAB_KINDS,
    CountEntry,
    EventTypeEntry,
    ModalityEntry,
    OrgEntry,
    PredicateEntry,
    RoleEntry,
    VenueEntry,
    VocabEntry,
    Vocabulary,
    collect_vocabulary,
    load_vocabulary,
)

__all__ = [
    "DEFAULT_RULES_DIR",
    "FAMILY_FOLDERS",
    "MESSAGE_PLACEHOLDERS",
    "VOCAB_KINDS",
    "AppliesTo",
    "Condition",
    "CountEntry",
    "EventTypeEntry",
    "ModalityEntry",
    "OperatorSpec",
    "OrgEntry",
    "Param",
    "ParamKind",
    "PredicateEntry",
    "RoleEntry",
    "Rule",
    "RuleSet",
    "RuleSetError",
    "RuleSpec",
    "RuleStatus",
    "VenueEntry",
    "VocabEntry",
    "Vocabulary",
    "collect_rules",
    "collect_vocabulary",
    "load_rules",
    "load_vocabulary",
    "render_message",
]
