"""The decision wizard: the chair's statutory decision for every child."""
