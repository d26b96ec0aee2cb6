"""Russian and Ukrainian claim extraction (issue 6): the English pipeline's stages over
pymorphy3-lemmatised tokens, with per-language lexicons in lang/ru and lang/uk.

Modules: text (tokens, morphology, sentences), lexicon (data files), numbers (figures and
hedges), kinds (counted nouns and claim kinds), sides, claimants (and certainty), places, dates,
bulletins (the General Staff's loss list), assemble (claims).
"""

from warclaims.extract.slavic.assemble import extract_claims_slavic

__all__ = ["extract_claims_slavic"]
