/**
 * The organisation's ordinary mail flow, day by day: internal conversations and all-staff
 * notes, conversations with suppliers and customers in both directions (with replies that quote,
 * In-Reply-To and References), monthly invoices, newsletters and SaaS notifications. The
 * evaluation period continues the same flow and adds what real life adds: new customers writing
 * for the first time, a partner's ticketing system, late evenings.
 */
import {
  announcementBody,
  type Body,
  internalBody,
  invoiceBody,
  newsletterBody,
  notificationBody,
  orgToPartnerBody,
  partnerToOrgBody,
  replyBody,
} from './bodies.ts';
import { type Mailbox, rfc5322Date, type SimMessage } from './message.ts';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';
import { cap, type Infra, type Organisation, type Partner, type Person } from './organisation.ts';
import type { Random } from './random.ts';
import { DAY, isWeekend, nextWorkMoment, workMoment } from './schedule.ts';

interface Party {
  person: Person;
  infra: Infra;
  company: string;
  /** Partner, when the person is outside the organisation. */
  partner?: Partner;
}

const mb = (p: Person): Mailbox => ({ name: p.name, address: p.address });

export function messageId(rng: Random, address: string): string {
  const domain = address.split('@')[1];
  return `${rng.hex(12).toUpperCase()}.${rng.hex(8)}@${domain}`;
}

export class TrafficGenerator {
  readonly org: Organisation;
  readonly rng: Random;
  readonly messages: SimMessage[] = [];
  readonly #historyEnd: number;
  #newCustomers = 0;

  constructor(org: Organisation, rng: Random) {
    this.org = org;
    this.rng = rng;
    this.#historyEnd = Date.parse(org.config.start) + org.config.historyDays * DAY;
  }

  setFor(at: number): string {
    return at < this.#historyEnd ? 'history' : 'ham';
  }

  run(): SimMessage[] {
    const { config } = this.org;
    const start = Date.parse(config.start);
    const days = config.historyDays + config.evalDays;
    for (let d = 0; d < days; d++) this.#day(start + d * DAY);
    return this.messages;
  }

  #day(dayStart: number): void {
    const { org, rng } = this;
    const v = org.config.volume;
    const weekend = isWeekend(dayStart + 12 * 3600_000, 1);
    for (const person of org.staff) {
      const n = rng.poisson((weekend ? 0.03 : 0.5) * v);
      for (let i = 0; i < n; i++) this.#internal(person, dayStart);
    }
    if (!weekend && rng.chance(0.08)) {
      const sender = rng.pick([...org.executives, ...org.staff.filter((p) => p.dept === 'HR')]);
      const at = workMoment(rng, dayStart, sender);
      const body = announcementBody(rng, sender, org.name);
      this.#push(
        this.#compose(at, { person: sender, infra: org.infra, company: org.name }, org.staff.filter((p) => p !== sender).map(mb), body),
      );
    }
    if (!weekend) {
      for (const partner of org.partners) {
        const n = rng.poisson((partner.rate / 5) * v);
        for (let i = 0; i < n; i++) this.#partnerConversation(partner, dayStart);
        if (partner.invoices && new Date(dayStart).getUTCDate() === (partner.name.length % 20) + 3) this.#invoice(partner, dayStart);
      }
      if (dayStart >= this.#historyEnd && rng.chance(0.35 * v)) this.#newCustomer(dayStart);
    }
    for (const service of org.services) {
      for (const recipient of service.recipients) {
        if (!rng.chance((service.rate / 7) * v)) continue;
        const at = dayStart + rng.int(5 * 60, 20 * 60) * 60_000;
        const sender: Party = {
          person: {
            ...recipient,
            first: service.fromName,
            last: '',
            name: service.fromName,
            address: service.from,
            title: '',
            dept: '',
            tz: 0,
          },
          infra: service.infra,
          company: service.name,
        };
        const body =
          service.kind === 'newsletter'
            ? newsletterBody(rng, service.name, service.topic, service.domain)
            : { ...notificationBody(rng, service.name, service.topic, service.domain, recipient), html: undefined };
        const message = this.#compose(at, sender, [mb(recipient)], body);
        message.html = 'html' in body ? body.html : undefined;
        message.listUnsubscribe = `https://www.${service.domain}/unsubscribe/${rng.hex(10)}`;
        message.mailer = undefined;
        this.#push(message);
      }
    }
  }

  #internal(from: Person, dayStart: number): void {
    const { org, rng } = this;
    const sameDept = org.staff.filter((p) => p.dept === from.dept && p !== from);
    const pool = sameDept.length > 0 && rng.chance(0.7) ? sameDept : org.staff.filter((p) => p !== from);
    const to = rng.sample(pool, rng.chance(0.8) ? 1 : rng.int(2, 4));
    let at = workMoment(rng, dayStart, from);
    // Some people answer mail in the evening now and then.
    if (rng.chance(0.03)) at += rng.int(2, 4) * 3600_000;
    const party = { person: from, infra: org.infra, company: org.name };
    const opener = this.#compose(at, party, to.map(mb), internalBody(rng, from, to[0], org.name));
    this.#push(opener);
    this.#replies(opener, party, { person: to[0], infra: org.infra, company: org.name }, 0.6);
  }

  #partnerConversation(partner: Partner, dayStart: number): void {
    const { org, rng } = this;
    const owner = rng.pick(partner.owners);
    const contact = rng.pick(partner.contacts.filter((c) => !c.address.startsWith('accounts@')));
    const inside: Party = { person: owner, infra: org.infra, company: org.name };
    // Partners' mail now and then leaves from their ticketing or ERP system instead of their mailbox provider.
    const infra = rng.chance(0.03) ? this.#alternateInfra(partner) : partner.infra[0];
    const outside: Party = { person: contact, infra, company: partner.name, partner };
    if (rng.chance(0.6)) {
      const at = workMoment(rng, dayStart, contact);
      const opener = this.#compose(at, outside, [mb(owner)], partnerToOrgBody(rng, partner, contact, owner));
      this.#push(opener);
      this.#replies(opener, outside, inside, 0.75);
    } else {
      const at = workMoment(rng, dayStart, owner);
      const opener = this.#compose(at, inside, [mb(contact)], orgToPartnerBody(rng, partner, owner, contact, org.name));
      this.#push(opener);
      this.#replies(opener, inside, outside, 0.7);
    }
  }

  #alternateInfra(partner: Partner): Infra {
    const host = `erp-mailer.${partner.domain}`;
    return { rdns: host, helo: host, ip: '198.51.100.77', dkimDomain: partner.domain, dmarc: partner.infra[0].dmarc };
  }

  #invoice(partner: Partner, dayStart: number): void {
    const { org, rng } = this;
    const accounts = partner.contacts.find((c) => c.address.startsWith('accounts@')) ?? partner.contacts[0];
    const to = rng.pick(org.finance);
    const at = workMoment(rng, dayStart, accounts);
    const message = this.#compose(
      at,
      { person: accounts, infra: partner.infra[0], company: partner.name, partner },
      [mb(to)],
      invoiceBody(rng, partner, accounts, to),
    );
    this.#push(message);
    this.#replies(
      message,
      { person: accounts, infra: partner.infra[0], company: partner.name, partner },
      { person: to, infra: org.infra, company: org.name },
      0.2,
    );
  }

  /** A company the organisation has never dealt with asks for a quote; sales answers. */
  #newCustomer(dayStart: number): void {
    const { org, rng } = this;
    this.#newCustomers++;
    const word = `${rng.pick(LAST_NAMES).toLowerCase()}${rng.pick(['trading', 'stores', 'wholesale', 'markets', 'group'])}`;
    const domain = `${word}${this.#newCustomers}.example`;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const contact: Person = {
      first,
      last,
      name: `${first} ${last}`,
      address: `${first}.${last}@${domain}`.toLowerCase(),
      title: 'Logistics Manager',
      dept: 'Partner',
      tz: 1,
      startHour: 8,
      endHour: 17,
      client: 'Microsoft Outlook 16.0',
    };
    const partner: Partner = {
      kind: 'customer',
      name: cap(word),
      domain,
      contacts: [contact],
      infra: [{ rdns: `mail.${domain}`, helo: `mail.${domain}`, ip: '198.51.100.200', dkimDomain: domain, dmarc: 'pass' }],
      owners: [],
      rate: 0,
      goods: 'deliveries',
      invoices: false,
    };
    const owner = rng.pick(org.staff.filter((p) => p.dept === 'Sales'));
    const outside: Party = { person: contact, infra: partner.infra[0], company: partner.name, partner };
    const at = workMoment(rng, dayStart, contact);
    const opener = this.#compose(at, outside, [mb(owner)], partnerToOrgBody(rng, partner, contact, owner));
    this.#push(opener);
    this.#replies(opener, outside, { person: owner, infra: org.infra, company: org.name }, 0.9);
  }

  /** Up to three replies, alternating, each quoting the previous message. */
  #replies(opener: SimMessage, a: Party, b: Party, p: number): void {
    const { rng } = this;
    let previous = opener;
    let [writer, reader] = [b, a];
    for (let round = 0; round < 3 && rng.chance(round === 0 ? p : p / 2); round++) {
      const at = nextWorkMoment(rng, previous.at, writer.person);
      const text = replyBody(
        rng,
        writer.person,
        { first: reader.person.first, name: reader.person.name, address: reader.person.address },
        { text: previous.text.split('\nOn ')[0], at: previous.at, dateLine: rfc5322Date(previous.at, previous.tz) },
      );
      const subject = /^re:/i.test(previous.subject) ? previous.subject : `Re: ${previous.subject}`;
      const reply = this.#compose(at, writer, [mb(reader.person)], { subject, text });
      reply.inReplyTo = previous.messageId;
      reply.references = [...previous.references, previous.messageId].slice(-8);
      this.#push(reply);
      previous = reply;
      [writer, reader] = [reader, writer];
    }
  }

  #compose(at: number, from: Party, to: Mailbox[], body: Body): SimMessage {
    return {
      at,
      tz: from.person.tz,
      from: mb(from.person),
      to,
      cc: [],
      subject: body.subject,
      text: body.text,
      messageId: messageId(this.rng, from.person.address),
      references: [],
      infra: from.infra,
      mailer: from.person.client,
      set: this.setFor(at),
    };
  }

  #push(message: SimMessage): void {
    this.messages.push(message);
  }
}
