/**
 * What the model remembers per external sender (address), per external domain (registrable
 * domain) and per internal user. Every field is a count, a time, or a bounded table of
 * names / hosts / addresses, so a profile can be shown to an analyst as it is.
 */
import { addHour, type CountEntries, emptyHours, TopCounts } from './counters.ts';
import type { MessageFacts } from './message-facts.ts';

/** An external address or domain, as the organisation has seen it. */
export interface ExternalProfile {
  firstSeen: number;
  lastSeen: number;
  /** Messages from it that were judged clean and learned. */
  inbound: number;
  /** Messages the organisation sent to it: the relationship goes both ways. */
  outbound: number;
  /** The provider's DMARC verdicts on its mail. */
  authPass: number;
  authFail: number;
  /** Sending infrastructure it uses (connecting host's domain or network). */
  infra: TopCounts;
  /** Reply-To domains it uses other than its own. */
  replyTo: TopCounts;
  /** Display names it sends with. */
  names: TopCounts;
  /** Sending hours (UTC). */
  hours: number[];
  /** Clean messages from it that asked for payment or bank-detail changes. */
  payment: number;
  /** Clean list / notification mail from it. */
  bulk: number;
}

/** An internal mailbox. */
export interface UserProfile {
  firstSeen: number;
  lastSeen: number;
  /** Messages it sent, inside or outside. */
  sent: number;
  received: number;
  names: TopCounts;
  /** Mail clients it sends with. */
  clients: TopCounts;
  /** Sending hours (UTC). */
  hours: number[];
  /** Largest number of recipients it has put on one message. */
  recipientsMax: number;
  /** Addresses it exchanges mail with, both directions. */
  correspondents: TopCounts;
  /** Clean messages it sent asking for payment / for credentials. */
  payment: number;
  credentials: number;
}

export const PROFILE_CAPACITY = { infra: 8, replyTo: 4, names: 4, clients: 4 } as const;

export function newExternalProfile(at: number): ExternalProfile {
  return {
    firstSeen: at,
    lastSeen: at,
    inbound: 0,
    outbound: 0,
    authPass: 0,
    authFail: 0,
    infra: new TopCounts(PROFILE_CAPACITY.infra),
    replyTo: new TopCounts(PROFILE_CAPACITY.replyTo),
    names: new TopCounts(PROFILE_CAPACITY.names),
    hours: emptyHours(),
    payment: 0,
    bulk: 0,
  };
}

export function newUserProfile(at: number, correspondents: number): UserProfile {
  return {
    firstSeen: at,
    lastSeen: at,
    sent: 0,
    received: 0,
    names: new TopCounts(PROFILE_CAPACITY.names),
    clients: new TopCounts(PROFILE_CAPACITY.clients),
    hours: emptyHours(),
    recipientsMax: 0,
    correspondents: new TopCounts(correspondents),
    payment: 0,
    credentials: 0,
  };
}

/** An inbound message from this sender or domain, judged clean. */
export function learnInbound(profile: ExternalProfile, facts: MessageFacts, withName: boolean): void {
  profile.lastSeen = Math.max(profile.lastSeen, facts.at);
  profile.firstSeen = Math.min(profile.firstSeen, facts.at);
  profile.inbound++;
  if (facts.auth === 'pass') profile.authPass++;
  if (facts.auth === 'fail') profile.authFail++;
  profile.infra.add(facts.infra);
  for (const site of facts.replyToSites) profile.replyTo.add(site);
  if (withName) profile.names.add(facts.fromName);
  addHour(profile.hours, facts.hour);
  if (facts.asksPayment) profile.payment++;
  if (facts.bulk) profile.bulk++;
}

/** The number of distinct recipients on a message. */
export function recipientCount(facts: MessageFacts): number {
  return facts.orgRecipients.length + facts.externalRecipients.length;
}

/** A message this user sent, judged clean. */
export function learnSent(profile: UserProfile, facts: MessageFacts): void {
  profile.lastSeen = Math.max(profile.lastSeen, facts.at);
  profile.firstSeen = Math.min(profile.firstSeen, facts.at);
  profile.sent++;
  profile.names.add(facts.fromName);
  profile.clients.add(facts.client);
  addHour(profile.hours, facts.hour);
  profile.recipientsMax = Math.max(profile.recipientsMax, recipientCount(facts));
  for (const to of [...facts.orgRecipients, ...facts.externalRecipients]) profile.correspondents.add(to);
  if (facts.asksPayment) profile.payment++;
  if (facts.asksCredentials) profile.credentials++;
}

/* Serialisation: profiles hold TopCounts, which serialise as entry lists. */

export type StoredExternal = Omit<ExternalProfile, 'infra' | 'replyTo' | 'names'> & {
  infra: CountEntries;
  replyTo: CountEntries;
  names: CountEntries;
};

export type StoredUser = Omit<UserProfile, 'names' | 'clients' | 'correspondents'> & {
  names: CountEntries;
  clients: CountEntries;
  correspondents: CountEntries;
};

export function storeExternal(p: ExternalProfile): StoredExternal {
  return { ...p, infra: p.infra.toJSON(), replyTo: p.replyTo.toJSON(), names: p.names.toJSON(), hours: [...p.hours] };
}

export function loadExternal(s: StoredExternal): ExternalProfile {
  return {
    ...s,
    infra: new TopCounts(PROFILE_CAPACITY.infra, s.infra),
    replyTo: new TopCounts(PROFILE_CAPACITY.replyTo, s.replyTo),
    names: new TopCounts(PROFILE_CAPACITY.names, s.names),
    hours: [...s.hours],
  };
}

export function storeUser(p: UserProfile): StoredUser {
  return { ...p, names: p.names.toJSON(), clients: p.clients.toJSON(), correspondents: p.correspondents.toJSON(), hours: [...p.hours] };
}

export function loadUser(s: StoredUser, correspondents: number): UserProfile {
  return {
    ...s,
    names: new TopCounts(PROFILE_CAPACITY.names, s.names),
    clients: new TopCounts(PROFILE_CAPACITY.clients, s.clients),
    correspondents: new TopCounts(correspondents, s.correspondents),
    hours: [...s.hours],
  };
}
