"""Colour helpers and the outline of the value tags drawn at line ends."""
from __future__ import annotations

import colorsys
from typing import Any

import matplotlib.colors as mplcolors
import matplotlib.path as mplpath

__all__ = ['shade_color', 'tag_box_style', 'rgb2hls', 'hls2rgb']


def rgb2hls(r: float, g: float, b: float) -> tuple:
    """RGB (0..1 each) to hue, lightness, saturation."""
    return colorsys.rgb_to_hls(r, g, b)


def hls2rgb(h: float, l: float, s: float) -> tuple:  # noqa: E741
    """Hue, lightness, saturation to RGB (0..1 each)."""
    return colorsys.hls_to_rgb(h, l, s)


def shade_color(color: Any, percent: float) -> tuple:
    """``color`` made lighter (``percent`` > 0) or darker (< 0).

    The lightness is scaled by ``1 + percent / 100`` and clipped to 0..1,
    so -10 darkens a colour by a tenth: used for the edges of bars, which
    must stay visible against their own fill.
    """
    r, g, b = mplcolors.to_rgb(color)
    h, light, s = rgb2hls(r, g, b)
    light = min(1.0, max(0.0, light * (1.0 + percent / 100.0)))
    return hls2rgb(h, light, s)


def tag_box_style(x0: float, y0: float, width: float, height: float,
                  mutation_size: float, mutation_aspect: float = 1) -> mplpath.Path:
    """Outline of a value tag: a box whose left side points at the value.

    Usable as a matplotlib ``boxstyle`` callable: the box around the text is
    padded by a fifth of the font size and gets an arrow head on the left.
    """
    pad = mutation_size * 0.2
    left, bottom = x0 - pad, y0 - pad
    right, top = x0 + width + pad, y0 + height + pad
    tip = (left - pad, (bottom + top) / 2.0)
    verts = [(left, bottom), (right, bottom), (right, top), (left, top),
             tip, (left, bottom), (left, bottom)]
    codes = [mplpath.Path.MOVETO] + [mplpath.Path.LINETO] * 5 + [mplpath.Path.CLOSEPOLY]
    return mplpath.Path(verts, codes)
