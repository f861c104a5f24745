"""Read YAML safely, refusing a key repeated in one mapping (plain YAML keeps the last)."""

from __future__ import annotations

import yaml

_MERGE_TAG = "tag:yaml.org,2002:merge"


class DuplicateKey(Exception):
    """A mapping names the same key twice; `line` and `column` are 1-based."""

    def __init__(self, key: object, line: int, column: int, first_line: int):
        self.key, self.line, self.column, self.first_line = key, line, column, first_line
        super().__init__(f"duplicate key {key!r} (first used on line {first_line})")


def _unique_keys(loader: type[yaml.SafeLoader]) -> type[yaml.SafeLoader]:
    """A subclass of `loader` whose mappings refuse repeated keys."""

    class UniqueKeyLoader(loader):  # type: ignore[misc, valid-type]
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
            first: dict[object, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == _MERGE_TAG:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    if key in first:
                        mark = key_node.start_mark
                        raise DuplicateKey(key, mark.line + 1, mark.column + 1, first[key])
                    first[key] = key_node.start_mark.line + 1
                except TypeError:  # an unhashable key: SafeConstructor reports it below
                    break
            return super().construct_mapping(node, deep)

    return UniqueKeyLoader


#: libyaml's parser where available (about ten times faster), else the pure-Python one.
FAST_LOADER = _unique_keys(getattr(yaml, "CSafeLoader", yaml.SafeLoader))
#: The pure-Python loader, which describes syntax errors more precisely.
PRECISE_LOADER = _unique_keys(yaml.SafeLoader)


def load_yaml(text: str) -> object:
    """Parse YAML text; raises yaml.YAMLError (syntax) or DuplicateKey."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.load(text, Loader=PRECISE_LOADER)
