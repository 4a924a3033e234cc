"""The language layer: what any stage may know about Vietnamese administrative language (lexicons checked at
start-up, the date and deadline grammar, names of bodies, role cues, clauses). It imports no stage."""
