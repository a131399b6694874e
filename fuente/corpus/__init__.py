"""Corpus passes: what needs more than one article, run over the stored documents after they
are written (one actor across articles, syndicated copies, one claim across articles, reports
that cannot both hold). May import the store, the stages' pure functions and the bottom layer;
the writer's transactions stay the store's.
"""
