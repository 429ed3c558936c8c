
not masked