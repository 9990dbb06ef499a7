import type { ParsedMessage } from '../mime/types.ts';

/**
 * What the content model reads of a message, as feature names: words and word pairs of the
 * subject, the visible body and the link texts; link hosts and their top-level domains;
 * attachment types; and the ids of the signals the detectors already recorded (structure,
 * authentication, links...). Numbers are reduced to their shape so "invoice 48213" and
 * "invoice 99107" read alike.
 *
 * `tenant` holds features only a tenant's own layer uses (the sender's address and domain):
 * the shared model must not learn who writes to whom, a tenant's layer should.
 */
export interface MessageFeatures {
  shared: string[];
  tenant: string[];
}

/** Lures say what they want early; reading further costs time and adds newsletter noise. */
export const BODY_WORD_BUDGET = 600;
const SUBJECT_WORD_BUDGET = 40;
const LINK_TEXT_WORD_BUDGET = 120;
const MAX_HOSTS = 30;
const MAX_WORD_LENGTH = 30;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’]*/gu;
const QUOTED_LINE = /^[ \t]*>.*$/gm;
/**
 * Signals the model does not read. Dates compare the message with the scan clock, so on
 * training corpora they measure the corpus's age, not the message's intent; html-only says more
 * about the year a message was written (the licence-clean legitimate corpus is mostly plain text
 * from 2002) than about whether it is a lure. The detectors still report them; scoring weighs them.
 */
const UNREAD_SIGNALS = /^(SENDER_DATE_|MIME_HTML_ONLY$)/;

export interface FeatureInput {
  message: Pick<ParsedMessage, 'subject' | 'text' | 'htmlText' | 'links' | 'attachments' | 'from' | 'replyTo'>;
  /** Ids of the signals already recorded for this message (the model's own excluded). */
  signalIds: Iterable<string>;
}

export function messageFeatures({ message, signalIds }: FeatureInput): MessageFeatures {
  const out = new Set<string>();
  addWords(out, 's', message.subject, SUBJECT_WORD_BUDGET);
  const body = (message.text || message.htmlText).slice(0, 12_000).replace(QUOTED_LINE, '');
  const bodyWords = addWords(out, 'b', body, BODY_WORD_BUDGET);
  out.add(`len:${bucket(bodyWords)}`);

  const linkTexts: string[] = [];
  const hosts = new Set<string>();
  let anchors = 0;
  for (const link of message.links) {
    if (link.kind === 'anchor' || link.kind === 'text') anchors++;
    if (link.text) linkTexts.push(link.text);
    if (link.host && hosts.size < MAX_HOSTS) hosts.add(link.host);
    if (link.scheme !== 'http' && link.scheme !== 'https') out.add(`scheme:${link.scheme}`);
  }
  addWords(out, 'l', linkTexts.join(' | '), LINK_TEXT_WORD_BUDGET);
  out.add(`links:${bucket(anchors)}`);
  out.add(`hosts:${bucket(hosts.size)}`);
  for (const host of hosts) {
    out.add(`h:${host}`);
    const labels = host.split('.');
    out.add(`tld:${labels.at(-1)}`);
    if (labels.length >= 2) out.add(`h2:${labels.slice(-2).join('.')}`);
  }
  for (const attachment of message.attachments) {
    if (attachment.disposition === 'inline' && attachment.contentId) continue;
    const extension = attachment.filename.toLowerCase().match(/\.([a-z0-9]{1,8})$/)?.[1] ?? 'none';
    out.add(`att:${extension}`);
    if (attachment.detectedType) out.add(`attkind:${attachment.detectedType.ext}`);
  }
  for (const id of signalIds) if (!UNREAD_SIGNALS.test(id)) out.add(`sig:${id}`);

  const tenant: string[] = [];
  const from = message.from?.address;
  if (from) tenant.push(`from:${from}`, `fromdomain:${message.from?.domain ?? ''}`);
  const replyTo = message.replyTo[0]?.domain;
  if (replyTo) tenant.push(`replyto:${replyTo}`);
  return { shared: [...out], tenant };
}

/** Adds words and adjacent word pairs with the field's prefix; returns how many words were read. */
function addWords(out: Set<string>, field: string, text: string, budget: number): number {
  let previous = '';
  let count = 0;
  for (const match of text.matchAll(WORD)) {
    if (count >= budget) break;
    const word = shape(match[0]);
    if (!word) continue;
    count++;
    out.add(`${field}:${word}`);
    if (previous) out.add(`${field}2:${previous} ${word}`);
    previous = word;
  }
  return count;
}

/** Lower case; digits become `0` so amounts, codes and dates read alike; over-long tokens dropped. */
function shape(word: string): string {
  if (word.length > MAX_WORD_LENGTH) return '';
  return word.toLowerCase().replace(/[0-9]/g, '0').replace(/’/g, "'");
}

/** Powers of two: 0, 1, 2-3, 4-7, ... so counts become a handful of features. */
function bucket(count: number): number {
  return count === 0 ? 0 : Math.min(12, Math.floor(Math.log2(count)) + 1);
}
