"""Events: who did what to whom, coded in PLOVER, with actors, negation, modality, date and place.
May import attribution, times, actors, nlp and the bottom layer.
"""
