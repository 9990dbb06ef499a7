/**
 * Just enough CSS colour to tell when text is painted in (nearly) the colour it sits on,
 * the oldest way to hide words from a reader while a machine still reads them.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) .. 1 (opaque). */
  a: number;
}

/** Colour names that mail actually uses; anything else is "unknown" and never judged. */
const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  snow: '#fffafa',
  ivory: '#fffff0',
  whitesmoke: '#f5f5f5',
  ghostwhite: '#f8f8ff',
  floralwhite: '#fffaf0',
  azure: '#f0ffff',
  mintcream: '#f5fffa',
  aliceblue: '#f0f8ff',
  seashell: '#fff5ee',
  linen: '#faf0e6',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  silver: '#c0c0c0',
  gray: '#808080',
  grey: '#808080',
  red: '#ff0000',
  green: '#008000',
  blue: '#0000ff',
  navy: '#000080',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
};

const HEX = /^#([0-9a-f]{3,8})$/i;
const FUNCTIONAL = /^rgba?\(\s*([\d.]+%?)[\s,]+([\d.]+%?)[\s,]+([\d.]+%?)(?:[\s,/]+([\d.]+%?))?\s*\)$/i;

/** Parse a CSS or html-attribute colour; undefined when it is not one we can judge. */
export function parseColour(value: string): Rgba | undefined {
  let text = value.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  text = NAMED[text] ?? text;
  // Legacy html attributes often omit the '#': bgcolor="ffffff".
  if (/^[0-9a-f]{6}$/.test(text)) text = `#${text}`;
  const hex = HEX.exec(text)?.[1];
  if (hex) return fromHex(hex);
  const fn = FUNCTIONAL.exec(text);
  if (!fn) return undefined;
  const channel = (v: string) => (v.endsWith('%') ? (Number.parseFloat(v) * 255) / 100 : Number.parseFloat(v));
  const alpha = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? Number.parseFloat(fn[4]) / 100 : Number.parseFloat(fn[4]);
  return { r: channel(fn[1]), g: channel(fn[2]), b: channel(fn[3]), a: alpha };
}

function fromHex(hex: string): Rgba | undefined {
  if (hex.length === 3 || hex.length === 4) {
    const [r, g, b, a] = [...hex].map((c) => Number.parseInt(c + c, 16));
    return { r, g, b, a: a === undefined ? 1 : a / 255 };
  }
  if (hex.length === 6 || hex.length === 8) {
    const at = (i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
    return { r: at(0), g: at(2), b: at(4), a: hex.length === 8 ? at(6) / 255 : 1 };
  }
  return undefined;
}

function luminance({ r, g, b }: Rgba): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio: 1 for identical colours, 21 for black on white. */
export function contrastRatio(a: Rgba, b: Rgba): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Text a reader cannot make out against its background: fully transparent, or so close in
 * colour that the contrast is almost nil (white on white, #fefefe on #ffffff). Hue matters
 * too: two different colours of equal brightness are still readable, so require both.
 */
export function isInvisibleOn(text: Rgba, background: Rgba): boolean {
  if (text.a <= 0.05) return true;
  const channelGap = Math.max(Math.abs(text.r - background.r), Math.abs(text.g - background.g), Math.abs(text.b - background.b));
  return channelGap <= 24 && contrastRatio(text, background) < 1.15;
}
