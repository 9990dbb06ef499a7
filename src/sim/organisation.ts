/**
 * The simulated company and the world around it: staff in departments (executives, finance,
 * HR...), suppliers and customers with their own domains, contacts and mail providers, and
 * the newsletters and SaaS services that write to staff. Every name and domain is invented;
 * domains are under the reserved `.test` / `.example` names.
 */
import { CLIENTS, COMPANY_WORDS, CUSTOMER_KINDS, DEPARTMENTS, FIRST_NAMES, LAST_NAMES, PARTNER_TLDS, SUPPLIER_KINDS } from './names.ts';
import type { Random } from './random.ts';

export interface SimConfig {
  seed: number;
  orgDomain: string;
  orgName: string;
  users: number;
  /** Suppliers and customers together. */
  partners: number;
  services: number;
  /** Days of history (learned), then days of evaluation mail (ham and attacks). */
  historyDays: number;
  evalDays: number;
  /** First day of the simulation (UTC midnight). */
  start: string;
  /** The receiving provider's authserv-id, stamped on every message's Authentication-Results. */
  authservId: string;
  attacksPerKind: number;
  /** Scales every traffic rate (1 = the defaults below). */
  volume: number;
}

export const DEFAULT_SIM_CONFIG: SimConfig = {
  seed: 7,
  orgDomain: 'harbourline.example',
  orgName: 'Harbourline Logistics',
  users: 60,
  partners: 40,
  services: 12,
  historyDays: 120,
  evalDays: 30,
  start: '2026-01-05T00:00:00Z',
  authservId: 'mx.mailhost.test',
  attacksPerKind: 20,
  volume: 1,
};

/** Where a sender's mail leaves from, as the receiving provider records it. */
export interface Infra {
  /** Reverse-DNS name of the connecting host; empty when it has none. */
  rdns: string;
  helo: string;
  ip: string;
  /** Domain signing with DKIM; empty for unsigned mail. */
  dkimDomain: string;
  /** What the provider concludes for the From domain. */
  dmarc: 'pass' | 'fail' | 'none';
}

export interface Person {
  first: string;
  last: string;
  name: string;
  address: string;
  title: string;
  dept: string;
  /** Offset from UTC in hours of the person's working day. */
  tz: number;
  startHour: number;
  endHour: number;
  client: string;
}

export interface Partner {
  kind: 'supplier' | 'customer';
  name: string;
  domain: string;
  contacts: Person[];
  infra: Infra[];
  /** Staff who deal with this partner. */
  owners: Person[];
  /** Conversations started per week. */
  rate: number;
  /** What they supply or buy, for message bodies. */
  goods: string;
  /** Suppliers send invoices through a portal link. */
  invoices: boolean;
}

export interface Service {
  kind: 'newsletter' | 'notification';
  name: string;
  domain: string;
  from: string;
  fromName: string;
  infra: Infra;
  recipients: Person[];
  /** Messages per week to each recipient. */
  rate: number;
  topic: string;
}

export interface Organisation {
  config: SimConfig;
  domain: string;
  name: string;
  staff: Person[];
  executives: Person[];
  finance: Person[];
  partners: Partner[];
  services: Service[];
  infra: Infra;
}

/** Providers a partner's mail may leave from, with the host names receiving servers record. */
function providerInfra(rng: Random, domain: string): Infra {
  const r = rng.next();
  const ip = `198.51.100.${rng.int(2, 250)}`;
  if (r < 0.45) {
    const host = `mail-${rng.pick(['db', 'am', 'he', 'vi', 'pa'])}${rng.int(1, 9)}eur0${rng.int(1, 6)}on2${rng.int(100, 999)}.outbound.protection.outlook.com`;
    return { rdns: host, helo: host, ip: `40.107.${rng.int(1, 250)}.${rng.int(1, 250)}`, dkimDomain: domain, dmarc: 'pass' };
  }
  if (r < 0.8) {
    const host = `mail-${rng.pick(['ej', 'wm', 'lf', 'ed'])}1-f${rng.int(10, 199)}.google.com`;
    return { rdns: host, helo: host, ip: `209.85.${rng.int(128, 250)}.${rng.int(1, 250)}`, dkimDomain: domain, dmarc: 'pass' };
  }
  const host = `mx${rng.int(1, 2)}.${domain}`;
  // Self-hosted mail is where DMARC is still missing.
  return { rdns: host, helo: host, ip, dkimDomain: rng.chance(0.5) ? domain : '', dmarc: rng.chance(0.5) ? 'pass' : 'none' };
}

function person(rng: Random, domain: string, used: Set<string>, dept: string, title: string, tz: number): Person {
  for (;;) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const address = `${first}.${last}@${domain}`.toLowerCase();
    if (used.has(address)) continue;
    used.add(address);
    const startHour = rng.int(7, 9);
    return {
      first,
      last,
      name: `${first} ${last}`,
      address,
      title,
      dept,
      tz,
      startHour,
      endHour: startHour + rng.int(8, 10),
      client: rng.pick(CLIENTS),
    };
  }
}

export function buildOrganisation(config: SimConfig, rng: Random): Organisation {
  const used = new Set<string>();
  const domain = config.orgDomain;
  const tz = 1;
  const ceo = person(rng, domain, used, 'Management', 'Chief Executive Officer', tz);
  const cfo = person(rng, domain, used, 'Management', 'Chief Financial Officer', tz);
  const coo = person(rng, domain, used, 'Management', 'Chief Operating Officer', tz);
  const staff: Person[] = [ceo, cfo, coo];
  for (let i = staff.length; i < config.users; i++) {
    const d = DEPARTMENTS[i % DEPARTMENTS.length];
    // A small team works from the US office.
    staff.push(person(rng, domain, used, d.dept, rng.pick(d.titles), rng.chance(0.12) ? -5 : tz));
  }
  const finance = staff.filter((p) => p.dept === 'Finance' || p === cfo);
  const infra: Infra = { rdns: `mail.${domain}`, helo: `mail.${domain}`, ip: '203.0.113.10', dkimDomain: domain, dmarc: 'pass' };

  const partners: Partner[] = [];
  const words = rng.sample(COMPANY_WORDS, COMPANY_WORDS.length);
  for (let i = 0; i < config.partners; i++) {
    const isSupplier = i % 2 === 0;
    const kinds = isSupplier ? SUPPLIER_KINDS : CUSTOMER_KINDS;
    const kind = kinds[Math.floor(i / 2) % kinds.length];
    const word = words[i % words.length];
    const pdomain = `${word}-${kind.suffix}${i >= words.length ? i : ''}.${rng.pick(PARTNER_TLDS)}`;
    const pused = new Set<string>();
    const ptz = rng.pick([0, 1, 1, 1, 2, -5]);
    const contacts = Array.from({ length: rng.int(1, 3) }, () =>
      person(rng, pdomain, pused, 'Partner', isSupplier ? 'Account Manager' : 'Buyer', ptz),
    );
    if (isSupplier)
      contacts.push({
        ...person(rng, pdomain, pused, 'Partner', 'Accounts Receivable', ptz),
        address: `accounts@${pdomain}`,
        name: `${cap(word)} Accounts`,
      });
    const primary = providerInfra(rng, pdomain);
    const ownerPool = staff.filter((p) =>
      (isSupplier ? ['Procurement', 'Operations', 'Finance'] : ['Sales', 'Customer Service', 'Operations']).includes(p.dept),
    );
    partners.push({
      kind: isSupplier ? 'supplier' : 'customer',
      name: `${cap(word)} ${cap(kind.suffix === 'it' ? 'IT' : kind.suffix)}`,
      domain: pdomain,
      contacts,
      infra: [primary],
      owners: rng.sample(ownerPool.length > 0 ? ownerPool : staff, rng.int(1, 3)),
      rate: 0.5 + rng.next() * 2.5,
      goods: kind.goods,
      invoices: isSupplier,
    });
  }

  const services: Service[] = [];
  const topics = [
    { kind: 'newsletter' as const, name: 'Freight Weekly', topic: 'freight market news' },
    { kind: 'newsletter' as const, name: 'Logistics Insider', topic: 'supply chain trends' },
    { kind: 'newsletter' as const, name: 'HR Digest', topic: 'employment law updates' },
    { kind: 'newsletter' as const, name: 'Finance Brief', topic: 'accounting and tax news' },
    { kind: 'notification' as const, name: 'Routeplan', topic: 'route planning reports' },
    { kind: 'notification' as const, name: 'Timesheetly', topic: 'timesheet reminders' },
    { kind: 'notification' as const, name: 'Ticketdesk', topic: 'support ticket updates' },
    { kind: 'notification' as const, name: 'Expensewise', topic: 'expense report approvals' },
    { kind: 'newsletter' as const, name: 'Fleet Tech Review', topic: 'vehicle technology' },
    { kind: 'notification' as const, name: 'Trackfleet', topic: 'vehicle telematics alerts' },
    { kind: 'newsletter' as const, name: 'Warehouse Today', topic: 'warehouse automation' },
    { kind: 'notification' as const, name: 'Contractly', topic: 'contract signature requests' },
  ];
  for (let i = 0; i < Math.min(config.services, topics.length); i++) {
    const t = topics[i];
    const sdomain = `${t.name.toLowerCase().replace(/\s+/g, '')}.example`;
    const host = `mta${rng.int(1, 40)}.bulk-sender.example`;
    services.push({
      ...t,
      domain: sdomain,
      from: t.kind === 'newsletter' ? `news@${sdomain}` : `notifications@${sdomain}`,
      fromName: t.name,
      infra: { rdns: host, helo: host, ip: `192.0.2.${rng.int(2, 250)}`, dkimDomain: sdomain, dmarc: 'pass' },
      recipients: rng.sample(staff, rng.int(3, Math.max(4, Math.floor(staff.length / 2)))),
      rate: t.kind === 'newsletter' ? 1 : 2 + rng.next() * 3,
    });
  }
  return { config, domain, name: config.orgName, staff, executives: [ceo, cfo, coo], finance, partners, services, infra };
}

export function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
