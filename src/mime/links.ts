import type { Link, LinkSource } from './types.ts';

/** Bare URLs in plain text: scheme URLs and `www.` hosts. Deliberately conservative at the end. */
const TEXT_URL = /\b(?:(?:https?|ftp|hxxps?):\/\/|www\.)[^\s<>"'`{}|\\^\][]+/gi;
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** Build a Link from an href as written; undefined for empty or purely local (`#top`) targets. */
export function linkFrom(rawHref: string, text: string, source: LinkSource, kind: Link['kind']): Link | undefined {
  const href = rawHref.trim().replace(/[\r\n\t]/g, '');
  if (!href || href.startsWith('#')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase() ?? (href.startsWith('//') ? 'https' : '');
  return {
    href,
    scheme: scheme || (href.toLowerCase().startsWith('www.') ? 'http' : ''),
    host: hostOf(href),
    text: text.replace(/\s+/g, ' ').trim(),
    source,
    kind,
  };
}

/**
 * Host of a URL as written, lower-cased. Tolerates what browsers tolerate (backslashes,
 * missing scheme for `www.`), and keeps punycode as punycode so lookalike checks see it.
 */
export function hostOf(href: string): string {
  const withScheme = href.startsWith('//') ? `https:${href}` : /^www\./i.test(href) ? `http://${href}` : href;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(withScheme.replace(/\\/g, '/'))) return '';
  try {
    return new URL(withScheme.replace(/\\/g, '/')).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(withScheme)?.[1]?.toLowerCase() ?? '';
  }
}

/** Every bare URL in a plain-text body. */
export function linksInText(text: string, source: LinkSource): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(TEXT_URL)) {
    const href = match[0].replace(TRAILING, '').replace(/^hxxp/i, 'http');
    const link = linkFrom(href, '', source, 'text');
    if (link) links.push(link);
  }
  return links;
}
