/**
 * Attacks injected into the evaluation period, written the way real attackers write them, one
 * folder per kind. Each uses only what such an attacker has: a free-mail account, a look-alike
 * domain on rented hosting, a stolen supplier mailbox, or a stolen colleague's mailbox.
 */
import type { Mailbox, SimMessage } from './message.ts';
import { rfc5322Date } from './message.ts';
import type { Infra, Organisation, Partner, Person } from './organisation.ts';
import type { Random } from './random.ts';
import { DAY, HOUR, workMoment } from './schedule.ts';
import { messageId } from './traffic.ts';

export const ATTACK_KINDS = ['ceo-fraud', 'lookalike-supplier', 'vendor-compromise', 'reply-chain-hijack', 'account-takeover'] as const;
export type AttackKind = (typeof ATTACK_KINDS)[number];

const mb = (p: { name: string; address: string }): Mailbox => ({ name: p.name, address: p.address });

function iban(rng: Random): string {
  const digits = Array.from({ length: 18 }, () => rng.int(0, 9)).join('');
  return `${rng.pick(['LT', 'GB', 'DE', 'PL', 'HU'])}${rng.int(10, 99)} ${digits.replace(/(.{4})/g, '$1 ').trim()}`;
}

function vps(rng: Random): Infra {
  const n = rng.int(10, 250);
  const host = rng.chance(0.5) ? `vps${rng.int(100, 999)}.cheap-hosting.test` : '';
  return { rdns: host, helo: host || `WIN-${rng.hex(8).toUpperCase()}`, ip: `203.0.113.${n}`, dkimDomain: '', dmarc: 'pass' };
}

function freemailInfra(rng: Random, domain: string): Infra {
  const host = domain === 'gmail.com' ? `mail-sor-f${rng.int(10, 99)}.google.com` : `mail-${rng.hex(4)}.outbound.protection.outlook.com`;
  return { rdns: host, helo: host, ip: `209.85.220.${rng.int(10, 99)}`, dkimDomain: domain, dmarc: 'pass' };
}

/** The names and spellings impersonators use for someone they pretend to be. */
function nameVariant(rng: Random, p: Person): string {
  switch (rng.int(0, 4)) {
    case 0:
      return p.name;
    case 1:
      return `${p.last}, ${p.first}`;
    case 2:
      return `${p.name} (${p.title
        .split(' ')
        .map((w) => w[0])
        .join('')})`;
    case 3:
      // A Cyrillic letter in place of its Latin twin.
      return p.name.replace(/[aeoc]/, (c) => ({ a: 'а', e: 'е', o: 'о', c: 'с' })[c] ?? c);
    default:
      return `${p.first} ${p.last}`.replace(/(.)(.)$/, '$2$1');
  }
}

/** A domain a reader mistakes for `domain`; never `domain` itself. */
function lookalikeDomain(rng: Random, domain: string): string {
  for (;;) {
    const candidate = lookalikeCandidate(rng, domain);
    if (candidate !== domain) return candidate;
  }
}

function lookalikeCandidate(rng: Random, domain: string): string {
  const [label, ...rest] = domain.split('.');
  const suffix = rest.join('.');
  switch (rng.int(0, 4)) {
    case 0: {
      const i = rng.int(1, label.length - 3);
      return `${label.slice(0, i)}${label[i + 1]}${label[i]}${label.slice(i + 2)}.${suffix}`;
    }
    case 1:
      return `${label}.${suffix === 'test' ? 'example' : 'test'}`;
    case 2:
      return `${label.replace(/l/, '1').replace(/o(?!.*o)/, '0')}.${suffix}`;
    case 3:
      return `${label}-${rng.pick(['payments', 'invoices', 'billing'])}.${suffix}`;
    default:
      return `${label.replace(/m/, 'rn').replace(/(.)\1/, '$1').replace(/i/, 'l')}.${suffix}`;
  }
}

const SIGN_OFFS = ['Regards', 'Thanks', 'Best regards', 'Sent from my iPhone', 'Kind regards'];

function ceoFraudText(rng: Random, exec: Person, target: Person): { subject: string; text: string } {
  const amount = rng.pick(['48,750', '23,900', '61,300', '17,450', '92,000']);
  const options = [
    {
      subject: rng.pick(['Quick favour', 'Are you available?', 'Request', 'Urgent task']),
      text: `${target.first}, are you at your desk? I need you to purchase ${rng.pick(['five', 'six', 'ten'])} Apple gift cards of $200 each for some clients as a surprise. Scratch the back and send me pictures of the codes as soon as you have them. I am in back-to-back meetings so email only, I will reimburse you this afternoon.`,
    },
    {
      subject: rng.pick(['Confidential', 'Wire needed today', 'Acquisition - strictly confidential']),
      text: `Hi ${target.first},\n\nI need you to process a wire transfer of EUR ${amount} today to close the acquisition we are finalising. Keep this confidential until we announce it next week; do not discuss it with anyone else in the office. I will send you the beneficiary details as soon as you confirm you can handle it.`,
    },
    {
      subject: rng.pick(['Gift cards for the team', 'Small task']),
      text: `Hello ${target.first},\n\nI want to appreciate some of our staff with gift cards today. Can you buy 8 Amazon gift cards of 100 each from the nearest store? Send me the card codes by email once you get them. Let me know how fast you can get it done.`,
    },
    {
      subject: rng.pick(['Payment today', 'Urgent payment']),
      text: `${target.first},\n\nPlease make an urgent payment today to the supplier below. The invoice is overdue and they are holding our shipment. Use the new bank details below, they changed banks last month:\nIBAN: ${iban(rng)}\nAmount: EUR ${amount}\nConfirm once sent, I am travelling and can only be reached by email.`,
    },
  ];
  const o = rng.pick(options);
  return { subject: o.subject, text: `${o.text}\n\n${rng.pick(SIGN_OFFS)}\n${exec.first}` };
}

function bankChangeText(rng: Random, partner: Partner, contact: Person, target: Person): { subject: string; text: string } {
  const invoice = `INV-${rng.int(20000, 89999)}`;
  const options = [
    {
      subject: rng.pick(['Change of bank details', 'Updated banking information', `Important: new bank details for ${partner.name}`]),
      text: `Dear ${target.first},\n\nPlease be advised that following our annual audit we have changed our bank. All future payments, including the open invoice ${invoice}, must be made to our new account:\n\nBank: Baltic Commerce Bank\nIBAN: ${iban(rng)}\nBIC: BCBK${rng.hex(4).toUpperCase()}\n\nKindly update your records and confirm once done. Payments to the old account can no longer be accepted.`,
    },
    {
      subject: rng.pick([`Overdue invoice ${invoice}`, `Payment reminder ${invoice}`]),
      text: `Hello ${target.first},\n\nOur records show that invoice ${invoice} is now overdue. As our previous account is under review, please remit the outstanding balance to our updated account details below today to avoid a hold on your deliveries:\n\nIBAN: ${iban(rng)}\nAccount name: ${partner.name} Ltd\n\nPlease send us the remittance advice once the transfer is made.`,
    },
    {
      subject: rng.pick(['Remittance details update', 'New account for payments']),
      text: `Hi ${target.first},\n\nJust a quick note that our bank details have changed with effect from this month. Could you please update the payment details in your system before the next payment run? New IBAN: ${iban(rng)}. Let me know when the change has been made so I can inform our accounts team.`,
    },
  ];
  const o = rng.pick(options);
  return { subject: o.subject, text: `${o.text}\n\n${rng.pick(SIGN_OFFS)},\n${contact.name}\n${partner.name}` };
}

/** The suppliers with the longest history: the ones worth impersonating. */
function establishedSuppliers(org: Organisation): Partner[] {
  return org.partners.filter((p) => p.kind === 'supplier').sort((a, b) => b.rate - a.rate);
}

export function generateAttacks(org: Organisation, rng: Random, perKind: number): SimMessage[] {
  const { config } = org;
  const evalStart = Date.parse(config.start) + config.historyDays * DAY;
  const out: SimMessage[] = [];
  const suppliers = establishedSuppliers(org).slice(0, Math.max(3, Math.ceil(org.partners.length / 4)));
  const dayIn = () => evalStart + rng.int(1, config.evalDays - 1) * DAY;
  const base = (
    set: AttackKind,
    at: number,
    from: Mailbox,
    to: Mailbox[],
    infra: Infra,
    subject: string,
    text: string,
    tz: number,
  ): SimMessage => ({
    at,
    tz,
    from,
    to,
    cc: [],
    subject,
    text,
    messageId: messageId(rng, from.address),
    references: [],
    infra,
    set,
  });

  for (let i = 0; i < perKind; i++) {
    // CEO fraud: an executive's name on a free-mail account, to finance or a random colleague.
    const exec = rng.pick(org.executives);
    const target = rng.chance(0.6)
      ? rng.pick(org.finance.filter((p) => p !== exec))
      : rng.pick(org.staff.filter((p) => !org.executives.includes(p)));
    const freemail = rng.pick(['gmail.com', 'outlook.com']);
    const local = rng
      .pick([
        `${exec.first}.${exec.last}.office`,
        `${exec.first[0]}${exec.last}.exec`,
        `ceo.${exec.last}${rng.int(1, 99)}`,
        `${exec.first}${exec.last}${rng.int(70, 99)}`,
      ])
      .toLowerCase();
    const ceo = ceoFraudText(rng, exec, target);
    out.push(
      base(
        'ceo-fraud',
        workMoment(rng, dayIn(), exec),
        { name: nameVariant(rng, exec), address: `${local}@${freemail}` },
        [mb(target)],
        freemailInfra(rng, freemail),
        ceo.subject,
        ceo.text,
        exec.tz,
      ),
    );

    // Look-alike supplier domain announcing new bank details.
    const supplier = rng.pick(suppliers);
    const contact = supplier.contacts.find((c) => c.address.startsWith('accounts@')) ?? supplier.contacts[0];
    const fake = lookalikeDomain(rng, supplier.domain);
    const payer = rng.pick(org.finance);
    const bank = bankChangeText(rng, supplier, contact, payer);
    const fakeInfra = { ...vps(rng), dkimDomain: fake };
    out.push(
      base(
        'lookalike-supplier',
        workMoment(rng, dayIn(), contact),
        { name: contact.name, address: `${contact.address.split('@')[0]}@${fake}` },
        [mb(payer)],
        fakeInfra,
        bank.subject,
        bank.text,
        contact.tz,
      ),
    );

    // Vendor email compromise: the real supplier address.
    const victim = rng.pick(suppliers);
    const account = rng.pick(victim.contacts);
    const vpayer = rng.chance(0.7) ? rng.pick(org.finance) : rng.pick(victim.owners);
    const vtext = bankChangeText(rng, victim, account, vpayer);
    let at = workMoment(rng, dayIn(), account);
    const variant = i % 3;
    let infra = victim.infra[0];
    let replyTo: Mailbox | undefined;
    if (variant === 0) {
      // Mailbox taken over: sent from the supplier's own provider, replies diverted.
      replyTo = {
        name: account.name,
        address: rng.chance(0.5)
          ? `${account.first}.${account.last}.accounts@gmail.com`.toLowerCase()
          : `${account.address.split('@')[0]}@${lookalikeDomain(rng, victim.domain)}`,
      };
    } else if (variant === 1) {
      // The supplier's name and address forged from rented infrastructure: authentication fails.
      infra = { ...vps(rng), dmarc: 'fail' };
    } else {
      // Stolen credentials used from elsewhere in the attacker's night-time hours.
      infra = { ...vps(rng), dkimDomain: victim.domain, dmarc: 'pass' };
      at = at - (at % DAY) + rng.int(1, 4) * HOUR - account.tz * HOUR + rng.int(0, 59) * 60_000;
      if (rng.chance(0.5)) replyTo = { name: account.name, address: `payments.${victim.domain.split('.')[0]}@outlook.com` };
    }
    const vendor = base('vendor-compromise', at, mb(account), [mb(vpayer)], infra, vtext.subject, vtext.text, account.tz);
    vendor.replyTo = replyTo;
    vendor.mailer = rng.chance(0.5) ? account.client : undefined;
    out.push(vendor);

    // Reply-chain hijack: a made-up earlier exchange quoted under "Re:".
    const claimed = rng.pick(org.partners);
    const insider = rng.pick([...claimed.owners, ...org.finance]);
    const hijackDomain = rng.chance(0.5) ? lookalikeDomain(rng, claimed.domain) : rng.pick(['gmail.com', 'outlook.com']);
    const hijacker = {
      name: rng.pick(claimed.contacts).name,
      address: `${rng.pick(['accounts', 'billing', 'finance.team', 'ar'])}${hijackDomain.endsWith('.com') ? rng.int(10, 99) : ''}@${hijackDomain}`,
    };
    const invoice = `INV-${rng.int(20000, 89999)}`;
    const hat = workMoment(rng, dayIn(), insider);
    const earlier = hat - rng.int(2, 9) * DAY;
    const quoted = [
      `On ${rfc5322Date(earlier, insider.tz)}, ${insider.name} <${insider.address}> wrote:`,
      `> Hi, thanks for the reminder. We will process invoice ${invoice} in this week's payment run.`,
      `> Regards, ${insider.first}`,
    ].join('\n');
    const ask = rng.pick([
      `As per the thread below, kindly note that payment for ${invoice} should now go to our updated account, IBAN ${iban(rng)}, as the old one is frozen during our bank migration. Please confirm once the transfer is made.`,
      `Following up on the thread below: the payment for ${invoice} has not arrived yet. Please remit today to our new bank account (IBAN ${iban(rng)}) and send the remittance advice to this address.`,
      `Thanks ${insider.first}. Before you process ${invoice}, please note our bank details changed: new IBAN ${iban(rng)}. Kindly update your vendor file and reply to confirm.`,
    ]);
    const hijack = base(
      'reply-chain-hijack',
      hat,
      hijacker,
      [mb(insider)],
      hijackDomain.endsWith('.com') ? freemailInfra(rng, hijackDomain) : { ...vps(rng), dkimDomain: hijackDomain },
      `Re: ${rng.pick([`Invoice ${invoice} from ${claimed.name}`, `Payment ${invoice}`, `${invoice} overdue`])}`,
      `Hi ${insider.first},\n\n${ask}\n\nRegards,\n${hijacker.name}\n\n${quoted}`,
      insider.tz,
    );
    hijack.inReplyTo = `${rng.hex(12).toUpperCase()}.${rng.hex(8)}@${claimed.domain}`;
    hijack.references = [hijack.inReplyTo];
    out.push(hijack);

    // Internal account takeover: a colleague's mailbox mass-mailing colleagues at night.
    const owner = rng.pick(org.staff.filter((p) => !org.executives.includes(p) && p.dept !== 'HR'));
    const night = dayIn() + (rng.int(1, 4) - owner.tz) * HOUR + rng.int(0, 59) * 60_000;
    const victims = rng.sample(
      org.staff.filter((p) => p !== owner),
      Math.min(org.staff.length - 1, rng.int(20, 50)),
    );
    const doc = rng.pick([
      'Q3 Salary Adjustments.xlsx',
      'Bonus allocation 2026.pdf',
      'Updated staff handbook.docx',
      'Restructuring plan - confidential.pdf',
    ]);
    const share = `https://${rng.pick(['files-share', 'docview', 'secure-docs'])}.${rng.pick(['web-app.test', 'storage-host.test'])}/s/${rng.hex(12)}`;
    const ato = rng.pick([
      {
        subject: `${owner.name} shared "${doc}" with you`,
        text: `${owner.name} has shared a document with you.\n\n${doc}\n\nSign in with your ${org.name} account to view the document:\n${share}\n\nThis link expires in 24 hours.`,
      },
      {
        subject: 'Action required: confirm your payroll details',
        text: `Hello,\n\nHR asked me to forward this. Everyone must verify their account and confirm payroll details in the new portal before Friday, otherwise this month's salary may be delayed:\n${share}\n\nLog in with your usual email and password.\n\n${owner.first}`,
      },
      {
        subject: `Document for review: ${doc}`,
        text: `Hi all,\n\nPlease review the attached ${doc} before tomorrow's meeting. Access it here using your Microsoft 365 login:\n${share}\n\nThanks,\n${owner.first}`,
      },
    ]);
    const takeover = base('account-takeover', night, mb(owner), victims.map(mb), org.infra, ato.subject, ato.text, owner.tz);
    takeover.mailer = rng.chance(0.5) ? undefined : rng.pick(['Microsoft Outlook 16.0', 'Mozilla Thunderbird 115.3.1', 'eM Client 9.2']);
    out.push(takeover);
  }
  return out;
}
