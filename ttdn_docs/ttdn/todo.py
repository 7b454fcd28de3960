"""Kept importable from here: the «còn phải điền» marker moved to ``ttdn_docs.generic.todo``."""

from ttdn_docs.generic.todo import (
    HAND_BLANK as HAND_BLANK,
    blank_todos as blank_todos,
    TODO_WORD as TODO_WORD,
    find_todos as find_todos,
    todo as todo,
    todo_hint as todo_hint,
    todo_problems as todo_problems,
)
