import { type Declarations, hiddenForGood, lengthInPx, parseDeclarations, TINY_FONT_PX } from './css-style.ts';

/**
 * The simple rules of a message's `<style>` blocks: `body { ... }`, `.class { ... }`,
 * `td.class { ... }` and `#id { ... }`. Enough to see `.hide { display:none }` applied by class, the way both
 * newsletters and attackers write it.
 *
 * Responsive mail hides a block for desktop and shows it again inside `@media` for phones
 * (`.mobile-only { display:block !important }`): such a class is visible to some readers,
 * so it is remembered in `shownByMedia` and its hiding is not counted.
 */
export interface StyleSheet {
  byTag: Map<string, Map<string, string>>;
  byClass: Map<string, Map<string, string>>;
  byId: Map<string, Map<string, string>>;
  shownByMedia: Set<string>;
}

export function emptyStyleSheet(): StyleSheet {
  return { byTag: new Map(), byClass: new Map(), byId: new Map(), shownByMedia: new Set() };
}

const COMMENT = /\/\*[\s\S]*?\*\//g;
const SIMPLE_TAG = /^[a-z][a-z0-9]*$/i;
const SIMPLE_CLASS = /^(?:[a-z][a-z0-9]*)?\.([\w-]+)$/i;
const SIMPLE_ID = /^(?:[a-z][a-z0-9]*)?#([\w-]+)$/i;
const ANY_CLASS = /[.#]([\w-]+)/g;
const MAX_CSS_CHARS = 100_000;
/** The characters that give CSS its structure; everything between them is selectors or declarations. */
const STRUCTURE = /[{};]/g;

/** Add the rules of one `<style>` element's text to `sheet`. */
export function addStyleRules(sheet: StyleSheet, css: string): void {
  const text = css.slice(0, MAX_CSS_CHARS).replace(COMMENT, '');
  let depth = 0;
  let mediaDepth = -1;
  let selectorStart = 0;
  let selector = '';
  let blockStart = 0;
  for (const match of text.matchAll(STRUCTURE)) {
    const i = match.index;
    const c = match[0];
    if (c === '{') {
      selector = text.slice(selectorStart, i).trim();
      if (selector.startsWith('@')) {
        if (mediaDepth < 0 && /^@(?:media|supports)/i.test(selector)) mediaDepth = depth;
      } else {
        blockStart = i + 1;
      }
      depth++;
      selectorStart = i + 1;
    } else if (c === '}') {
      depth = Math.max(0, depth - 1);
      if (depth === mediaDepth) {
        mediaDepth = -1;
      } else if (blockStart > 0 && !selector.startsWith('@')) {
        addRule(sheet, selector, parseDeclarations(text.slice(blockStart, i)), mediaDepth >= 0);
        blockStart = 0;
      }
      selectorStart = i + 1;
    } else if (depth === 0) {
      selectorStart = i + 1;
    }
  }
}

function addRule(sheet: StyleSheet, selectorList: string, declarations: Map<string, string>, inMedia: boolean): void {
  if (inMedia) {
    if (!hiddenForGood(declarations) && showsAgain(declarations)) {
      for (const match of selectorList.matchAll(ANY_CLASS)) sheet.shownByMedia.add(match[1]);
    }
    return;
  }
  for (const raw of selectorList.split(',')) {
    const selector = raw.trim();
    if (SIMPLE_TAG.test(selector)) merge(sheet.byTag, selector.toLowerCase(), declarations);
    const cls = SIMPLE_CLASS.exec(selector)?.[1];
    if (cls) merge(sheet.byClass, cls, declarations);
    const id = SIMPLE_ID.exec(selector)?.[1];
    if (id) merge(sheet.byId, id, declarations);
  }
}

/** A media rule that undoes hiding: shown again, given a height or a readable font back. Width alone is layout. */
function showsAgain(d: Declarations): boolean {
  const display = d.get('display');
  if (display !== undefined && display !== 'none') return true;
  if (d.get('visibility') === 'visible' || d.get('overflow') === 'visible') return true;
  const maxHeight = d.get('max-height');
  if (maxHeight === 'none' || (lengthInPx(maxHeight) ?? 0) > 2) return true;
  const fontSize = lengthInPx(d.get('font-size'));
  if (fontSize !== undefined && fontSize >= TINY_FONT_PX) return true;
  const opacity = d.get('opacity');
  return opacity !== undefined && Number.parseFloat(opacity) > 0.05;
}

function merge(target: Map<string, Map<string, string>>, key: string, declarations: Map<string, string>): void {
  const existing = target.get(key);
  if (!existing) {
    target.set(key, new Map(declarations));
    return;
  }
  for (const [property, value] of declarations) existing.set(property, value);
}
