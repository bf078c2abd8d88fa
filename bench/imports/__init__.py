"""Import benchmark: the validated ``keepwell import`` path against a bare load of the same rows."""
