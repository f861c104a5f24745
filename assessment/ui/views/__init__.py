"""Page bodies that are large enough to be compiled once as modules."""
