"""Hand-over between laptops: export a conference as a sealed package, and import one.

The chair sees what a package adds, changes, removes and disputes, entry by entry,
before anything is written, and settles each conflict (theirs, mine or an edited merge).
"""
