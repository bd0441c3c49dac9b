"""Ready-made sizers: fixed stakes and percentages of the available cash."""
from __future__ import absolute_import, division, print_function, unicode_literals

from .fixedsize import FixedReverser, FixedSize, FixedSizeTarget, SizerFix
from .percents_sizer import (AllInSizer, AllInSizerInt, PercentSizer,
                             PercentSizerInt)

__all__ = ['FixedSize', 'SizerFix', 'FixedReverser', 'FixedSizeTarget',
           'PercentSizer', 'AllInSizer', 'PercentSizerInt', 'AllInSizerInt']
