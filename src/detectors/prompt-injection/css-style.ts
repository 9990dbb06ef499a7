import { parseColour, type Rgba } from './css-colour.ts';

/**
 * CSS declarations and the ways they hide an element's text from a reader. Only what mail
 * clients honour and senders use: no cascade beyond inline styles and simple tag, class and id rules.
 */

/** Why a piece of text is not seen by the person reading the message. */
export type HiddenReason =
  | 'display-none'
  | 'visibility-hidden'
  | 'opacity-zero'
  | 'tiny-font'
  | 'zero-size'
  | 'off-screen'
  | 'clipped'
  | 'same-colour'
  | 'hidden-attribute'
  | 'template'
  | 'aria-hidden';

export type Declarations = ReadonlyMap<string, string>;

const DECLARATION = /([a-z-]+)\s*:\s*([^;]+)/g;

/** `color: #fff; display:none !important` -> Map { color => '#fff', display => 'none' }. */
export function parseDeclarations(style: string): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const match of style.toLowerCase().matchAll(DECLARATION)) {
    const value = match[2].includes('!') ? match[2].replace(/!\s*important/, '').trim() : match[2].trim();
    if (value) declarations.set(match[1], value);
  }
  return declarations;
}

const LENGTH = /^(-?[\d.]+)(px|pt|em|rem|%|ex|ch|vw|vh|cm|mm|in)?$/;
const PX_PER_UNIT: Record<string, number> = { px: 1, pt: 4 / 3, rem: 16, cm: 37.8, mm: 3.78, in: 96 };

/**
 * A CSS length in CSS pixels; `em`, `ex`, `ch` and `%` are relative to `fontPx` (the font size
 * the element inherits). Undefined for viewport units, keywords and anything unparsable.
 */
export function lengthInPx(value: string | undefined, fontPx = 16): number | undefined {
  if (value === undefined) return undefined;
  const match = LENGTH.exec(value.trim().split(/\s+/)[0] ?? '');
  if (!match) return undefined;
  const number = Number.parseFloat(match[1]);
  if (Number.isNaN(number)) return undefined;
  const unit = match[2] ?? 'px';
  if (unit === '%') return (number * fontPx) / 100;
  if (unit === 'em') return number * fontPx;
  if (unit === 'ex' || unit === 'ch') return (number * fontPx) / 2;
  const factor = PX_PER_UNIT[unit];
  return factor === undefined ? undefined : number * factor;
}

/** Text below this size cannot be read; 1px preheaders and 0px salad both fall under it. */
export const TINY_FONT_PX = 3.5;
/** Positions this far off the page are never meant to be seen. */
const OFF_SCREEN_PX = -500;

/**
 * Hiding that descendants cannot undo: display:none, opacity 0, a clipped box of no size, a box
 * moved off the page, clipping to nothing. (Visibility, font size and text-indent are inherited
 * and a child may set them back, so the html walk follows those separately.)
 */
export function hiddenForGood(d: Declarations): HiddenReason | undefined {
  if (d.get('display') === 'none') return 'display-none';
  const opacity = d.get('opacity');
  if (opacity !== undefined && Number.parseFloat(opacity) <= 0.05) return 'opacity-zero';
  if (isZeroSize(d)) return 'zero-size';
  if (isOffScreen(d)) return 'off-screen';
  if (isClipped(d)) return 'clipped';
  return undefined;
}

/** `hidden`/`visible` when the declarations set visibility, else undefined (inherited). */
export function visibilityOf(d: Declarations): 'hidden' | 'visible' | undefined {
  const visibility = d.get('visibility');
  if (visibility === undefined) return undefined;
  return visibility === 'hidden' || visibility === 'collapse' ? 'hidden' : 'visible';
}

/** Whether a text-indent pushes the text off the page; undefined when not set (inherited). */
export function indentsOffScreen(d: Declarations): boolean | undefined {
  const indent = d.get('text-indent');
  if (indent === undefined) return undefined;
  const px = lengthInPx(indent);
  return px !== undefined && px <= OFF_SCREEN_PX;
}

function isZeroSize(d: Declarations): boolean {
  const overflow = d.get('overflow') ?? d.get('overflow-y') ?? d.get('overflow-x');
  if (overflow !== 'hidden' && overflow !== 'clip') return false;
  for (const property of ['max-height', 'height', 'max-width', 'width']) {
    const size = lengthInPx(d.get(property));
    if (size !== undefined && size <= 2) return true;
  }
  return false;
}

function isOffScreen(d: Declarations): boolean {
  for (const property of ['margin-left', 'margin-top']) {
    const margin = lengthInPx(d.get(property));
    if (margin !== undefined && margin <= OFF_SCREEN_PX * 2) return true;
  }
  const position = d.get('position');
  if (position !== 'absolute' && position !== 'fixed') return false;
  for (const property of ['left', 'top', 'right']) {
    const offset = lengthInPx(d.get(property));
    if (offset !== undefined && offset <= OFF_SCREEN_PX) return true;
  }
  return false;
}

function isClipped(d: Declarations): boolean {
  const clip = d.get('clip');
  if (clip && /^rect\(\s*0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?[\s,]+0(?:px)?\s*\)$/.test(clip)) return true;
  const clipPath = d.get('clip-path');
  if (clipPath && /inset\(\s*(?:50|100)%/.test(clipPath)) return true;
  const transform = d.get('transform');
  return transform !== undefined && /scale\(\s*0(?:\.0+)?\s*[,)]/.test(transform);
}

/** The text colour these declarations set, if it is one we can judge. */
export function textColourOf(d: Declarations): Rgba | undefined {
  const colour = d.get('color');
  return colour === undefined ? undefined : parseColour(colour);
}

/**
 * The background these declarations paint: a colour, `unknown` (an image or gradient we cannot
 * judge against) or undefined (nothing set: the parent's background shows through).
 */
export function backgroundOf(d: Declarations): Rgba | 'unknown' | undefined {
  const image = d.get('background-image');
  if (image && image !== 'none') return 'unknown';
  const shorthand = d.get('background');
  if (shorthand !== undefined) {
    if (/url\(|gradient\(/.test(shorthand)) return 'unknown';
    const colour = shorthand
      .split(/\s+(?![^(]*\))/)
      .map(parseColour)
      .find(Boolean);
    if (colour && colour.a > 0.05) return colour;
  }
  const colour = d.get('background-color');
  if (colour === undefined) return undefined;
  const parsed = parseColour(colour);
  if (!parsed) return 'unknown';
  return parsed.a > 0.05 ? parsed : undefined;
}
