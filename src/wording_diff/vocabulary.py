"""The fixed vocabularies of wording-diff, defined once: every module and the JSON
contract (``wording-diff.compare/1``) use these."""

# The ten scope dimensions (../shared/DESIGN.md, "Scope dimensions").
DIMENSIONS = (
    "time",
    "place",
    "actor",
    "object",
    "modality",
    "hedge",
    "definition",
    "quantity",
    "condition",
    "polarity",
)
# How a qualifier changed between two versions.
KINDS = ("added", "removed", "replaced", "unchanged")
# What a change does to the claim.
EFFECTS = ("narrows", "broadens", "neutral", "reverses", "unclear")
# The verdict on a pair (and on a whole comparison).
VERDICTS = ("narrowed", "broadened", "mixed", "unchanged", "reversed")
# What a claim is to its speaker: said as their own (asserted), asked (a question asks to
# confirm its claim), quoted (a mention of someone's words), reported (said to have been
# said), retracted (declared wrong or withdrawn) or restricted (said after the fact to
# have meant less).
STANCES = ("asserted", "asked", "quoted", "reported", "retracted", "restricted")
POLARITIES = ("positive", "negative")
# How a claim of A relates to the claims of B.
RELATIONS = ("matched", "retracted", "restricted", "dropped", "new")
