/**
 * The facts about one message that the behaviour model learns from and compares against.
 * Plain data, extracted once per scan by `detectors/behaviour/behaviour-facts.ts`: the model
 * itself never sees raw bytes, bodies or the parsed message, so what it stores is explainable
 * (addresses, domains, names, hours, counts) and a profile never holds message content.
 */
export type Direction = 'inbound' | 'outbound' | 'internal';

/** What the receiving provider said about the From domain (DMARC), from its trusted stamp. */
export type AuthFact = 'pass' | 'fail' | 'none' | 'unknown';

export interface MessageFacts {
  /** When the message was sent (Date field, else the scan clock), ms since the epoch. */
  at: number;
  /** Hour of day (UTC) of `at`: habits are compared per sender, so one fixed zone is enough. */
  hour: number;
  direction: Direction;
  /** Lower-cased From address. */
  from: string;
  fromDomain: string;
  /** Registrable domain of the From address. */
  fromSite: string;
  fromName: string;
  fromFreemail: boolean;
  /** Registrable domains of Reply-To addresses that differ from the From domain. */
  replyToSites: string[];
  /** Lower-cased To and Cc addresses inside the organisation. */
  orgRecipients: string[];
  /** Lower-cased To and Cc addresses outside the organisation. */
  externalRecipients: string[];
  /** Registrable domain of each external recipient, in the same order. */
  externalRecipientSites: string[];
  /** Message-ID without angle brackets; empty when there is none. */
  messageId: string;
  /** In-Reply-To and References ids, without angle brackets. */
  references: string[];
  /** The subject or the quoted text says this continues an earlier conversation ("Re:", "wrote:"). */
  claimsReply: boolean;
  auth: AuthFact;
  /** Sending infrastructure: the connecting host's registrable domain, else its /16 network. Empty when unknown. */
  infra: string;
  /** Mail client (X-Mailer / User-Agent, version numbers dropped). Empty when not stated. */
  client: string;
  /** Newsletters, notifications and other list mail. */
  bulk: boolean;
  /** The content asks for money or bank-detail changes (from the language detectors). */
  asksPayment: boolean;
  /** The content asks to sign in or verify an account. */
  asksCredentials: boolean;
}
