import { Parser } from 'htmlparser2';
import { HTML_PARSER_OPTIONS, type HtmlTokens, replayHtml } from '../../mime/html.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { isInvisibleOn, parseColour, type Rgba } from './css-colour.ts';
import {
  backgroundOf,
  type HiddenReason,
  hiddenForGood,
  indentsOffScreen,
  lengthInPx,
  parseDeclarations,
  TINY_FONT_PX,
  textColourOf,
  visibilityOf,
} from './css-style.ts';
import { addStyleRules, emptyStyleSheet } from './style-sheet.ts';

/**
 * One walk over the html that separates what a person sees from what only a machine reads:
 * text hidden by CSS or attributes (followed down the tree the way CSS inherits), prose in
 * comments, and title/alt attributes. Shared by the prompt-injection detectors via `ctx.feature`.
 */

/** Consecutive hidden text, as a reader would have seen it had it been shown. */
export interface HiddenRun {
  text: string;
  reason: HiddenReason;
  /** Visible characters before this run: small for preheaders. */
  visibleCharsBefore: number;
}

export interface HtmlVisibility {
  hiddenRuns: HiddenRun[];
  /** Comment texts with markup stripped, when they hold a few words. */
  comments: string[];
  /** `title` and `alt` attribute texts of more than one word. */
  attributeTexts: { attribute: 'title' | 'alt'; text: string }[];
  visibleChars: number;
  /** What the reader sees (bounded), whitespace collapsed: to tell hidden duplicates of shown text from hidden news. */
  visibleText: string;
}

/** Read only the start of very large bodies: enough for anything meant to be read. */
const MAX_HTML_CHARS = 300_000;
const MAX_HIDDEN_CHARS = 50_000;
const MAX_COLLECTED = 200;
const MAX_VISIBLE_TEXT_CHARS = 100_000;
const NOT_RENDERED = new Set(['script', 'style', 'head', 'title', 'svg', 'xml', 'object']);
/** Elements that separate words when rendered, so hidden text from two of them does not run together. */
const BREAKS = new Set(['p', 'div', 'br', 'td', 'th', 'tr', 'li', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'hr']);
const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
const LINK_BLUE: Rgba = { r: 0, g: 0, b: 238, a: 1 };
/** Anything besides padding: a text node worth looking at. */
const MEANINGFUL =
  /(?!\u034f)[^\s\u00a0\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/;
/** Padding characters that preheaders repeat after their teaser; not text anyone reads. */
const PADDING =
  /(?:\u034f|[\s\u00a0\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0])+/g;

/** The rendering state an element passes to its children. */
interface Frame {
  notRendered: boolean;
  /** Hiding no descendant can undo (display:none, hidden attribute, zero-size box...). */
  hiddenForGood?: HiddenReason;
  visibilityHidden: boolean;
  fontPx: number;
  indentOff: boolean;
  colour: Rgba;
  background: Rgba | 'unknown';
  /** Text colour (nearly) equals the background: recomputed only when either changes. */
  sameColour: boolean;
  /**
   * Inside a block that is hidden but shown again by a media query on some screens; descendant
   * selectors (`.mobile-only table {display:table}`) show its content too. A merely restyled
   * block (`.column {display:block}`) does not count: its hidden content stays hidden.
   */
  responsive: boolean;
}

/** What one style attribute value does; mail repeats the same few strings, so it is cached. */
interface StyleEffect {
  declarations: Map<string, string>;
  forGood?: HiddenReason;
  visibility?: 'hidden' | 'visible';
  fontSize?: string;
  indentOff?: boolean;
  colour?: Rgba;
  background?: Rgba | 'unknown';
}

function effectOf(d: Map<string, string>): StyleEffect {
  return {
    declarations: d,
    forGood: hiddenForGood(d),
    visibility: visibilityOf(d),
    fontSize: d.get('font-size'),
    indentOff: indentsOffScreen(d),
    colour: textColourOf(d),
    background: backgroundOf(d),
  };
}

/**
 * Style attribute values seen recently, across messages: mail from one sender repeats the same
 * strings, and parsing them is most of the walk's own cost. Entries are never mutated.
 */
const INLINE_EFFECTS = new Map<string, StyleEffect>();
const MAX_INLINE_EFFECTS = 20_000;

function inlineEffect(style: string): StyleEffect {
  let effect = INLINE_EFFECTS.get(style);
  if (!effect) {
    if (INLINE_EFFECTS.size >= MAX_INLINE_EFFECTS) INLINE_EFFECTS.clear();
    effect = effectOf(parseDeclarations(style));
    INLINE_EFFECTS.set(style, effect);
  }
  return effect;
}

export function hiddenTextOf(ctx: ScanContext): HtmlVisibility {
  return ctx.feature('prompt-injection.hidden-text', (c) => analyseHtmlVisibility(c.message.html, c.message.htmlTokens));
}

/** `tokens`: the parser's events for `html` recorded by the MIME parser's walk, replayed instead of tokenising again. */
export function analyseHtmlVisibility(html: string, tokens?: HtmlTokens): HtmlVisibility {
  const view: HtmlVisibility = { hiddenRuns: [], comments: [], attributeTexts: [], visibleChars: 0, visibleText: '' };
  if (!html) return view;
  const visible: string[] = [];
  const sheet = emptyStyleSheet();
  const root: Frame = {
    notRendered: false,
    visibilityHidden: false,
    fontPx: 16,
    indentOff: false,
    colour: BLACK,
    background: WHITE,
    sameColour: false,
    responsive: false,
  };
  const stack: Frame[] = [root];
  let run: HiddenRun | undefined;
  let hiddenChars = 0;
  let css = '';
  let inStyle = false;

  /** Tag, class and id rules in that order, the inline style over them. */
  const effectFor = (name: string, attrs: Record<string, string>): StyleEffect | undefined => {
    const inline = attrs.style ? inlineEffect(attrs.style) : undefined;
    if (sheet.byTag.size === 0 && sheet.byClass.size === 0 && sheet.byId.size === 0) return inline;
    const rules: Map<string, string>[] = [];
    const byTag = sheet.byTag.get(name);
    if (byTag) rules.push(byTag);
    for (const cls of attrs.class ? attrs.class.split(/\s+/) : []) {
      const rule = sheet.byClass.get(cls);
      if (rule) rules.push(rule);
    }
    const byId = attrs.id ? sheet.byId.get(attrs.id) : undefined;
    if (byId) rules.push(byId);
    if (rules.length === 0) return inline;
    const merged = new Map<string, string>();
    for (const rule of [...rules, inline?.declarations ?? []]) for (const [k, v] of rule) merged.set(k, v);
    return effectOf(merged);
  };

  /** Responsive mail hides a block on desktop and shows it on phones: then it is not hidden. */
  const shownResponsively = (attrs: Record<string, string>): boolean =>
    sheet.shownByMedia.size > 0 && (attrs.class ?? '').split(/\s+/).some((cls) => sheet.shownByMedia.has(cls));

  const closeRun = () => {
    if (run && MEANINGFUL.test(run.text) && view.hiddenRuns.length < MAX_COLLECTED) {
      run.text = run.text.replace(PADDING, ' ').trim();
      view.hiddenRuns.push(run);
    }
    run = undefined;
  };

  const handler = {
    onopentag(name: string, attrs: Record<string, string>) {
      const frame: Frame = { ...stack[stack.length - 1] };
      stack.push(frame);
      if (name === 'style') inStyle = true;
      if (run && BREAKS.has(name)) run.text += ' ';
      if (frame.notRendered || NOT_RENDERED.has(name)) {
        frame.notRendered = true;
        return;
      }
      const effect = effectFor(name, attrs);
      if (!frame.responsive && effectHides(effect, frame.fontPx) && shownResponsively(attrs)) frame.responsive = true;
      const hides = !frame.responsive;
      const elementHiding = hiddenByElement(name, attrs) ?? (hides ? effect?.forGood : undefined);
      if (elementHiding && (!frame.hiddenForGood || frame.hiddenForGood === 'aria-hidden')) frame.hiddenForGood = elementHiding;
      if (effect?.visibility) frame.visibilityHidden = hides && effect.visibility === 'hidden';
      if (effect?.fontSize) frame.fontPx = hides ? (lengthInPx(effect.fontSize, frame.fontPx) ?? frame.fontPx) : Math.max(frame.fontPx, 16);
      if (effect?.indentOff !== undefined) frame.indentOff = hides && effect.indentOff;
      if (applyColours(frame, name, attrs, effect)) {
        frame.sameColour = frame.colour.a <= 0.05 || (frame.background !== 'unknown' && isInvisibleOn(frame.colour, frame.background));
      }
      if (attrs.title || attrs.alt) collectAttributes(view, attrs);
    },
    ontext(text: string) {
      const frame = stack[stack.length - 1];
      if (frame.notRendered) {
        if (inStyle && css.length < MAX_HTML_CHARS) css += text;
        return;
      }
      if (!MEANINGFUL.test(text)) {
        if (run) run.text += ' ';
        return;
      }
      const hidden = hiddenReasonOf(frame);
      if (!hidden) {
        closeRun();
        view.visibleChars += text.trim().length;
        if (view.visibleChars < MAX_VISIBLE_TEXT_CHARS) visible.push(text);
        return;
      }
      if (hiddenChars >= MAX_HIDDEN_CHARS) return;
      hiddenChars += text.length;
      if (run && run.reason !== hidden) closeRun();
      if (!run) run = { text: '', reason: hidden, visibleCharsBefore: view.visibleChars };
      run.text += text;
    },
    onclosetag(name: string) {
      if (name === 'style') {
        addStyleRules(sheet, css);
        css = '';
        inStyle = false;
      }
      if (run && BREAKS.has(name)) run.text += ' ';
      if (stack.length > 1) stack.pop();
    },
    oncomment(data: string) {
      if (stack[stack.length - 1].notRendered || /^\s*\[(?:if|endif)|^\s*<!\[endif|^\s*<!$/i.test(data)) return;
      const text = data
        .replace(/<[^>]*>?/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (text.split(' ').length >= 4 && view.comments.length < MAX_COLLECTED) view.comments.push(text.slice(0, 2000));
    },
  };
  if (tokens && html.length <= MAX_HTML_CHARS) {
    replayHtml(tokens, handler);
  } else {
    const parser = new Parser(handler, HTML_PARSER_OPTIONS);
    parser.write(html.length > MAX_HTML_CHARS ? html.slice(0, MAX_HTML_CHARS) : html);
    parser.end();
  }
  closeRun();
  view.visibleText = visible.join(' ').replace(PADDING, ' ');
  return view;
}

function effectHides(effect: StyleEffect | undefined, fontPx: number): boolean {
  if (!effect) return false;
  if (effect.forGood || effect.visibility === 'hidden') return true;
  const size = effect.fontSize === undefined ? undefined : lengthInPx(effect.fontSize, fontPx);
  return size !== undefined && size < TINY_FONT_PX;
}

function hiddenReasonOf(frame: Frame): HiddenReason | undefined {
  if (frame.hiddenForGood) return frame.hiddenForGood;
  if (frame.visibilityHidden) return 'visibility-hidden';
  if (frame.fontPx < TINY_FONT_PX) return 'tiny-font';
  if (frame.indentOff) return 'off-screen';
  return frame.sameColour ? 'same-colour' : undefined;
}

function hiddenByElement(name: string, attrs: Record<string, string>): HiddenReason | undefined {
  if (attrs.hidden !== undefined) return 'hidden-attribute';
  if (name === 'template') return 'template';
  if (attrs['aria-hidden']?.toLowerCase() === 'true') return 'aria-hidden';
  return undefined;
}

/** Paint the element's colours onto its frame, html attributes first, CSS over them; true when either changed. */
function applyColours(frame: Frame, name: string, attrs: Record<string, string>, effect: StyleEffect | undefined): boolean {
  const before = [frame.colour, frame.background];
  if (name === 'a' && attrs.href !== undefined) frame.colour = LINK_BLUE;
  const attrColour = name === 'font' ? attrs.color : name === 'body' ? attrs.text : undefined;
  const parsedAttrColour = attrColour ? parseColour(attrColour) : undefined;
  if (parsedAttrColour) frame.colour = parsedAttrColour;
  if (attrs.background) frame.background = 'unknown';
  const bgcolor = attrs.bgcolor ? parseColour(attrs.bgcolor) : undefined;
  if (bgcolor && bgcolor.a > 0.05) frame.background = bgcolor;
  if (effect?.colour) frame.colour = effect.colour;
  if (effect?.background) frame.background = effect.background;
  return frame.colour !== before[0] || frame.background !== before[1];
}

function collectAttributes(view: HtmlVisibility, attrs: Record<string, string>): void {
  for (const attribute of ['title', 'alt'] as const) {
    const text = attrs[attribute]?.trim();
    if (text?.includes(' ') && view.attributeTexts.length < MAX_COLLECTED) view.attributeTexts.push({ attribute, text });
  }
}
