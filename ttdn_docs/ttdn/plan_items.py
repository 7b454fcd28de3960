"""Kept importable from here: list items moved to ``ttdn_docs.generic.items``."""

from ttdn_docs.generic.items import Item as Item, ItemOrText as ItemOrText
