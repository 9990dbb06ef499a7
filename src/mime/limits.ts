/**
 * Bounds on what one message may make the parser do. A message beyond them is still stored and
 * reported (as unscannable or with the part that was skipped), never dropped.
 */
export interface MimeLimits {
  /** Largest raw message parsed at all, in bytes. */
  maxBytes: number;
  /** Most MIME parts (counted by Content-Type fields) parsed. */
  maxParts: number;
  /** Deepest multipart nesting the parser accepts. */
  maxNesting: number;
  /** How deep attached messages (message/rfc822) are opened. */
  maxMessageDepth: number;
  /** How deep archives inside attachments are opened (zip in zip ...). */
  maxArchiveDepth: number;
  /** Most archive members listed per message. */
  maxArchiveMembers: number;
  /** Most bytes extracted from archives per message, in total. */
  maxExtractedBytes: number;
  /** Largest html body converted to text, in characters; the rest is ignored for text. */
  maxHtmlChars: number;
}

export const DEFAULT_MIME_LIMITS: MimeLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxParts: 1000,
  maxNesting: 30,
  maxMessageDepth: 3,
  maxArchiveDepth: 2,
  maxArchiveMembers: 500,
  maxExtractedBytes: 64 * 1024 * 1024,
  maxHtmlChars: 2 * 1024 * 1024,
};
