"""Small edits of parsed YAML/JSON documents, for tests that build broken variants."""

from __future__ import annotations

from collections.abc import Callable

Mutation = Callable[[dict], None]


def _parent(data: dict, path: tuple) -> dict:
    target = data
    for key in path[:-1]:
        target = target[key]
    return target


def set_at(path: tuple, value: object) -> Mutation:
    """A mutation that sets the value at `path` (keys and list indices)."""

    def mutate(data: dict) -> None:
        _parent(data, path)[path[-1]] = value

    return mutate


def delete_at(path: tuple) -> Mutation:
    """A mutation that removes the entry at `path`."""

    def mutate(data: dict) -> None:
        del _parent(data, path)[path[-1]]

    return mutate
