import { Parser } from 'htmlparser2';
import { linkFrom } from './links.ts';
import type { HtmlForm, Link } from './types.ts';

/** What a reader sees of an html body, and what it points to. */
export interface HtmlView {
  text: string;
  links: Link[];
  forms: HtmlForm[];
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

  const parser = new Parser(
    {
      onopentag(name, attrs) {
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
        if (skipDepth > 0) return;
        chunks.push(text);
        if (anchor) anchor.text.push(text);
      },
      onclosetag(name) {
        if (SKIP.has(name) && skipDepth > 0) skipDepth--;
        if (BLOCK.has(name)) chunks.push('\n');
        if (name === 'a' && anchor) {
          pushLink(links, anchor.href, anchor.text.join(''), 'anchor');
          anchor = undefined;
        }
        if (name === 'form') form = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(input);
  parser.end();
  if (anchor) pushLink(links, anchor.href, anchor.text.join(''), 'anchor');

  return { text: normaliseText(chunks.join('')), links, forms };
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
