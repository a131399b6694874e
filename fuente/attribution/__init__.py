"""Attribution: who said what, with quotation marks, cues, reported speech, the speaker behind each
source and what the lead rests on. May import actors, nlp and the bottom layer.
"""
