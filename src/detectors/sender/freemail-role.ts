/**
 * sender.freemail-role: a free-mail address whose display name is a department, a role or a
 * company rather than a person.
 *
 * Catches: `"Payroll Department" <payroll.dept2024@gmail.com>`, `"IT Helpdesk" <it.desk@outlook.com>`,
 * `"CEO" <j.doe.ceo@proton.me>`, `"Acme Corp Accounts" <acme.accounts@yahoo.com>`: real departments
 * and companies write from their own domain.
 *
 * Known false positives: one-person businesses and clubs that run on free-mail
 * ("Smith Plumbing LLC" <smithplumbing@gmail.com>); company words therefore weigh less than the
 * internal roles attackers impersonate (payroll, IT, HR, executives).
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';
import type { ScanContext } from '../../pipeline/scan-context.ts';
import { readableName } from './display-name.ts';
import { senderFacts } from './sender-facts.ts';

const signals = [
  {
    id: 'SENDER_FREEMAIL_ROLE_NAME',
    group: 'sender',
    weight: 3,
    indicates: 'phish',
    description: 'A free-mail address presents itself as a department, an executive role or a company.',
  },
] as const satisfies readonly SignalDefinition[];

/** Functions inside an organisation that lures impersonate to get credentials, payments or data. */
const INTERNAL_ROLES = [
  'payroll',
  'human resources?',
  'hr (?:department|dept|team|manager|services?)',
  'accounts? (?:payable|receivable|department|dept)',
  'finance (?:department|dept|team|office)',
  'it (?:support|department|dept|help ?desk|service ?desk|team|admin|services?)',
  'help ?desk',
  'service ?desk',
  'tech(?:nical)? support',
  'system administrator',
  'sys ?admin',
  'administrator',
  'webmaster',
  'postmaster',
  'mail(?:box)? (?:admin|administrator|server|delivery)',
  'e-?mail (?:admin|administrator|support)',
  'security team',
  'ceo',
  'cfo',
  'coo',
  'cto',
  'chief executive',
  'chief financial',
  'managing director',
  'executive director',
  'president',
  'chairman',
  'procurement',
  'purchasing department',
  'legal department',
  'compliance (?:department|team|office)',
];

/** Words that name a company or a business unit rather than a person. */
const ORGANISATION_WORDS = [
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'llc',
  'ltd',
  'limited',
  'gmbh',
  'plc',
  's\\.?a',
  'ltda',
  'company',
  'holdings?',
  'group',
  'bank',
  'department',
  'dept',
  'customer (?:service|support|care)',
  'support team',
  'billing',
  'accounts',
  'invoices?',
  'notifications?',
  'no-?reply',
  'orders?',
  'receipts?',
  'payments?',
  'delivery',
  'shipping',
  'support',
  'team',
  'verification',
  'alerts?',
  'security',
  'services?',
];

const INTERNAL_ROLE = new RegExp(`\\b(?:${INTERNAL_ROLES.join('|')})\\b`, 'i');
const ORGANISATION = new RegExp(`\\b(?:${ORGANISATION_WORDS.join('|')})\\b`, 'i');

export const freemailRoleDetector: Detector = {
  id: 'sender.freemail-role',
  stage: 'analyze',
  signals,
  run(ctx) {
    return freemailRoleHits(ctx);
  },
};

function freemailRoleHits(ctx: ScanContext): SignalHit[] {
  const facts = senderFacts(ctx);
  if (!facts.fromIsFreemail || !facts.displayName) return [];
  // `Mail_Inc`: underscores join words for \b as letters do, a reader sees them as spaces.
  const name = readableName(facts.displayName).replaceAll('_', ' ');
  const role = INTERNAL_ROLE.exec(name);
  const organisation = role ? null : ORGANISATION.exec(name);
  const match = role ?? organisation;
  if (!match) return [];
  return [
    {
      id: 'SENDER_FREEMAIL_ROLE_NAME',
      factor: role ? 1 : 0.5,
      evidence: [clipEvidence(`name "${facts.displayName}" (${match[0]})`), clipEvidence(`free-mail sender ${facts.fromAddress}`)],
    },
  ];
}
