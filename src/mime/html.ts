import { type Handler, Parser } from 'htmlparser2';
import { linkFrom } from './links.ts';
import type { HtmlForm, Link } from './types.ts';

/** What a reader sees of an html body, and what it points to. */
export interface HtmlView {
  text: string;
  links: Link[];
  forms: HtmlForm[];
  /** The parser's events, kept so other readers of the html need not tokenise it again (absent for very large bodies). */
  tokens?: HtmlTokens;
}

/** The events of one htmlparser2 walk, recorded in order: replay them with `replayHtml`. */
export interface HtmlTokens {
  /** Flat: `OPEN, name, attrs`, `TEXT, text`, `CLOSE, name`, `COMMENT, data`. */
  readonly items: readonly unknown[];
}

/** Bodies up to this size have their events recorded; larger ones are rare and re-read when needed. */
export const MAX_RECORDED_HTML_CHARS = 300_000;
/** The parser options every walk over a message's html uses, so recorded and fresh events agree. */
export const HTML_PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } as const;

const OPEN = 0;
const TEXT = 1;
const CLOSE = 2;
const COMMENT = 3;

type HtmlHandler = Pick<Partial<Handler>, 'onopentag' | 'ontext' | 'onclosetag' | 'oncomment'>;

/** Feeds recorded events to a handler, as the parser would have called it. */
export function replayHtml(tokens: HtmlTokens, handler: HtmlHandler): void {
  const items = tokens.items;
  for (let i = 0; i < items.length; ) {
    switch (items[i]) {
      case OPEN:
        handler.onopentag?.(items[i + 1] as string, items[i + 2] as Record<string, string>, false);
        i += 3;
        break;
      case TEXT:
        handler.ontext?.(items[i + 1] as string);
        i += 2;
        break;
      case CLOSE:
        handler.onclosetag?.(items[i + 1] as string, false);
        i += 2;
        break;
      default:
        handler.oncomment?.(items[i + 1] as string);
        i += 2;
    }
  }
}

/** Elements whose content is never shown as text. */
const SKIP = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'svg', 'xml']);
/** Elements that start a new line when rendered. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'tr',
  'li',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'section',
  'article',
  'header',
  'footer',
  'hr',
  'pre',
  'center',
  'td',
  'th',
  'form',
]);

/**
 * One pass over the html with a tolerant streaming parser (htmlparser2): visible text, every
 * anchor with its visible text, images, form targets. Hidden-text analysis lives with the
 * prompt-injection detectors; here "visible" only means "not script/style/head".
 */
export function viewHtml(html: string, maxChars: number): HtmlView {
  const input = html.length > maxChars ? html.slice(0, maxChars) : html;
  const chunks: string[] = [];
  const links: Link[] = [];
  const forms: HtmlForm[] = [];
  let skipDepth = 0;
  let anchor: { href: string; text: string[] } | undefined;
  let form: HtmlForm | undefined;
  // Recorded only when the whole body is read, so a replay means the same as a walk over `html`.
  const items: unknown[] | undefined = input === html && html.length <= MAX_RECORDED_HTML_CHARS ? [] : undefined;

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        items?.push(OPEN, name, attrs);
        if (SKIP.has(name)) skipDepth++;
        if (BLOCK.has(name)) chunks.push('\n');
        // Alt text stands in for an image a reader may not load: it is part of what they see.
        if ((name === 'img' || name === 'image') && attrs.alt && skipDepth === 0) {
          chunks.push(` ${attrs.alt} `);
          anchor?.text.push(` ${attrs.alt} `);
        }
        if (name === 'a' && attrs.href !== undefined) {
          anchor = { href: attrs.href, text: [] };
        } else if ((name === 'img' || name === 'image') && attrs.src) {
          pushLink(links, attrs.src, attrs.alt ?? '', 'image');
        } else if (name === 'area' && attrs.href) {
          pushLink(links, attrs.href, attrs.alt ?? '', 'anchor');
        } else if ((name === 'iframe' || name === 'frame' || name === 'embed') && attrs.src) {
          pushLink(links, attrs.src, '', 'other');
        } else if (name === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) {
          const target = /url\s*=\s*['"]?([^'";\s]+)/i.exec(attrs.content ?? '')?.[1];
          if (target) pushLink(links, target, '', 'other');
        } else if (name === 'form') {
          form = { action: attrs.action ?? '', method: (attrs.method ?? 'get').toLowerCase(), hasPassword: false, inputNames: [] };
          forms.push(form);
          if (attrs.action) pushLink(links, attrs.action, '', 'form');
        } else if (name === 'input' && form) {
          if ((attrs.type ?? '').toLowerCase() === 'password') form.hasPassword = true;
          if (attrs.name) form.inputNames.push(attrs.name);
        }
      },
      ontext(text) {
        items?.push(TEXT, text);
        if (skipDepth > 0) return;
        chunks.push(text);
        if (anchor) anchor.text.push(text);
      },
      onclosetag(name) {
        items?.push(CLOSE, name);
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (BLOCK.has(name)) chunks.push('\n');
        if (name === 'a' && anchor) {
          pushLink(links, anchor.href, anchor.text.join(''), 'anchor');
          anchor = undefined;
        }
        if (name === 'form') form = undefined;
      },
      oncomment(data) {
        items?.push(COMMENT, data);
      },
    },
    HTML_PARSER_OPTIONS,
  );
  parser.write(input);
  parser.end();
  if (anchor) pushLink(links, anchor.href, anchor.text.join(''), 'anchor');

  return { text: normaliseText(chunks.join('')), links, forms, tokens: items && { items } };
}

function pushLink(links: Link[], href: string, text: string, kind: Link['kind']): void {
  const link = linkFrom(href, text, 'html', kind);
  if (link) links.push(link);
}

/** Collapse runs of spaces and blank lines the way a reader perceives them. */
export function normaliseText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ *\n[ \n]*/g, '\n')
    .trim();
}
