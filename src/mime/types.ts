/** The parsed view of one message that every detector reads. Produced by `parseMessage`. */
import type { HtmlTokens } from './html.ts';

export interface Address {
  /** Display name as decoded (may be empty). */
  name: string;
  /** Lower-cased address; empty when the header had a name but no usable address. */
  address: string;
  /** Lower-cased domain part of `address` (after the last `@`), or empty. */
  domain: string;
}

export interface HeaderField {
  /** Lower-cased field name. */
  key: string;
  /** Unfolded raw value (not MIME-decoded). */
  value: string;
}

export type LinkSource = 'html' | 'text' | 'nested' | 'attachment';

export interface Link {
  /** The target as written (trimmed), e.g. `https://example.com/a?b`. */
  href: string;
  /** Lower-cased URL scheme without colon: `https`, `mailto`, `data`, `javascript`, ... */
  scheme: string;
  /** Lower-cased host as written in the URL (punycode stays punycode), empty for non-host URLs. */
  host: string;
  /** Visible text of the anchor (html) or empty for bare text URLs. */
  text: string;
  source: LinkSource;
  /** True when the link is an <img src>, <form action> or similar rather than an anchor. */
  kind: 'anchor' | 'image' | 'form' | 'text' | 'other';
}

export interface HtmlForm {
  action: string;
  method: string;
  hasPassword: boolean;
  inputNames: string[];
}

export interface DetectedType {
  /** File extension for the detected content, e.g. `exe`, `zip`, `pdf`. */
  ext: string;
  mime: string;
}

export interface Attachment {
  /** Decoded file name, may be empty. */
  filename: string;
  /** Path inside the message: `invoice.zip/payload.exe` for archive members. */
  path: string;
  /** Content-Type as declared by the sender (lower-case), or the archive's guess for members. */
  declaredType: string;
  /** What the bytes are, by their signature; undefined when not recognised (e.g. plain text). */
  detectedType?: DetectedType;
  size: number;
  sha256: string;
  /** 0 for a part of the message itself, 1 for a member of an archive or nested message, ... */
  depth: number;
  /** `inline` parts with a Content-ID are images of the body rather than files for the reader. */
  disposition: 'attachment' | 'inline' | '';
  contentId: string;
  /** True for archive members that could not be read because they are encrypted. */
  encrypted: boolean;
  /** The bytes (shared, do not mutate). Members beyond the limits have empty content and `truncated`. */
  content: Uint8Array;
  truncated: boolean;
}

export interface ParsedMessage {
  headers: HeaderField[];
  from?: Address;
  sender?: Address;
  replyTo: Address[];
  to: Address[];
  cc: Address[];
  /** Return-Path header address (lower-case), without angle brackets; empty if absent. */
  returnPath: string;
  subject: string;
  messageId: string;
  inReplyTo: string;
  references: string[];
  date?: Date;
  /** Plain text of the body: the text/plain part, or the html part turned into text. */
  text: string;
  /** The html body as sent, if there is one. */
  html: string;
  /** Text rendered from the html part (what a reader sees), empty without html. */
  htmlText: string;
  /** The html parser's events for `html`, for detectors that walk it differently (absent for very large bodies). */
  htmlTokens?: HtmlTokens;
  links: Link[];
  forms: HtmlForm[];
  attachments: Attachment[];
  /** Messages attached as message/rfc822, parsed to a bounded depth. */
  nested: ParsedMessage[];
  /** Number of MIME parts seen. */
  partCount: number;
  /** Structural oddities found while parsing (shown as MIME_* signals), never fatal. */
  anomalies: string[];
}

/** Read the first header field with that name (case-insensitive), unfolded. */
export function headerValue(message: Pick<ParsedMessage, 'headers'>, name: string): string | undefined {
  const key = name.toLowerCase();
  return message.headers.find((h) => h.key === key)?.value;
}

/** Every header field with that name, in order. */
export function headerValues(message: Pick<ParsedMessage, 'headers'>, name: string): string[] {
  const key = name.toLowerCase();
  return message.headers.filter((h) => h.key === key).map((h) => h.value);
}
