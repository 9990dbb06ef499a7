import { EVERYDAY } from './everyday-phrases.ts';
import { assemble, encodeSubject, quoteName, randomDate, word } from './lure-generator.ts';
import type { Language } from './lure-phrases.ts';
import { pick, seededRandom } from './prng.ts';

/**
 * Writes ordinary legitimate messages (colleagues, suppliers, shops, clubs, family) from the
 * project's own phrase lists: short notes as well as html notifications whose links stay on the
 * sender's own domain. Seeded like the lure generator.
 */
const FIRST = [
  'Anna',
  'Ben',
  'Carla',
  'Dev',
  'Elif',
  'Finn',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Kim',
  'Leo',
  'Mia',
  'Nils',
  'Omar',
  'Paula',
  'Rui',
  'Sara',
  'Tom',
  'Vera',
];
const LAST = [
  'Andersen',
  'Becker',
  'Costa',
  'Dupont',
  'Eriksen',
  'Fischer',
  'Gomez',
  'Horvat',
  'Ivanova',
  'Jensen',
  'Klein',
  'Lopez',
  'Meyer',
  'Novak',
  'Olsen',
  'Peeters',
];
const ORG_WORDS = [
  'north',
  'river',
  'stone',
  'bright',
  'oak',
  'harbor',
  'summit',
  'blue',
  'green',
  'maple',
  'delta',
  'crest',
  'cedar',
  'lake',
  'iron',
  'silver',
];
const ORG_KINDS = ['works', 'labs', 'group', 'partners', 'systems', 'design', 'logistics', 'foods', 'consulting', 'media'];
const TLDS = ['com', 'net', 'org', 'de', 'fr', 'nl', 'es', 'it', 'co.uk', 'io', 'eu', 'pt'];
const CITIES = ['Lisbon', 'Leeds', 'Lyon', 'Utrecht', 'Graz', 'Bologna', 'Porto', 'Aarhus', 'Gdansk', 'Bilbao'];
const PROJECTS = ['atlas', 'billing', 'website', 'warehouse', 'mobile app', 'onboarding', 'data platform'];
const CLUBS = ['Riverside Tennis Club', 'City Choir', 'Makers Space', 'Hill Runners', 'Parents Association'];
const SHOPS = ['Bookhouse', 'Garden Corner', 'Bike Depot', 'Tea Merchants', 'Kitchen Store'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface GeneratedEveryday {
  language: Language;
  raw: Uint8Array;
}

export function generateEveryday(count: number, seed: number): GeneratedEveryday[] {
  const random = seededRandom(seed);
  const languages = Object.keys(EVERYDAY) as Language[];
  const out: GeneratedEveryday[] = [];
  for (let i = 0; i < count; i++) {
    const language: Language = random() < 0.7 ? 'en' : pick(languages.slice(1), random);
    out.push({ language, raw: new TextEncoder().encode(writeEveryday(language, random)) });
  }
  return out;
}

function writeEveryday(language: Language, random: () => number): string {
  const topic = pick(EVERYDAY[language], random);
  const orgDomain = `${pick(ORG_WORDS, random)}${pick(ORG_KINDS, random)}.${pick(TLDS, random)}`;
  const senderDomain = random() < 0.6 ? orgDomain : `${pick(ORG_WORDS, random)}-${pick(ORG_KINDS, random)}.${pick(TLDS, random)}`;
  const sender = { first: pick(FIRST, random), last: pick(LAST, random) };
  const recipient = { first: pick(FIRST, random), last: pick(LAST, random) };
  const slots: Record<string, string> = {
    first: pick(FIRST, random),
    date: `${MONTHS[Math.floor(random() * 12)]} ${1 + Math.floor(random() * 28)}`,
    month: MONTHS[Math.floor(random() * 12)],
    ref: String(1000 + Math.floor(random() * 90_000)),
    amount: (20 + random() * 5000).toFixed(2),
    currency: pick(['€', '$', '£'], random),
    days: String(2 + Math.floor(random() * 4)),
    hours: String(1 + Math.floor(random() * 5)),
    count: String(10 + Math.floor(random() * 900)),
    city: pick(CITIES, random),
    project: pick(PROJECTS, random),
    club: pick(CLUBS, random),
    shop: pick(SHOPS, random),
    street: `${pick(['Market', 'Station', 'Church', 'Mill'], random)} Street`,
  };
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, key: string) => slots[key] ?? key);
  const subject = fill(pick(topic.subjects, random));
  const sentences = [fill(pick(topic.bodies, random))];
  if (random() < 0.35) sentences.push(fill(pick(topic.bodies, random)));
  const greeting = random() < 0.6 ? `${pick(['Hi', 'Hello', 'Dear', 'Hey'], random)} ${recipient.first},` : '';
  const signOff =
    random() < 0.8 ? `${pick(['Best', 'Thanks', 'Cheers', 'Regards', 'Kind regards'], random)},\n${sender.first}` : sender.first;
  const links =
    random() < 0.35
      ? [
          `https://${random() < 0.5 ? 'www.' : ''}${senderDomain}/${pick(['orders', 'account', 'news', 'docs', 'events', 'help'], random)}/${word(random, 1)}${slots.ref}`,
        ]
      : [];
  if (random() < 0.2) links.push(`https://${senderDomain}/unsubscribe?u=${Math.floor(random() * 1e8).toString(36)}`);
  const quoted =
    random() < 0.2
      ? ['', `On ${slots.date}, ${recipient.first} ${recipient.last} wrote:`, `> ${fill(pick(pick(EVERYDAY.en, random).bodies, random))}`]
      : [];
  const text = [greeting, greeting ? '' : undefined, ...sentences, '', ...links, links.length ? '' : undefined, signOff, ...quoted]
    .filter((line): line is string => line !== undefined)
    .join('\r\n');
  const html =
    random() < 0.4
      ? `<html><body>${greeting ? `<p>${greeting}</p>` : ''}${sentences.map((s) => `<p>${s}</p>`).join('')}${links.map((l) => `<p><a href="${l}">${pick(['View details', 'Read more', l, 'Open in browser', 'Manage preferences'], random)}</a></p>`).join('')}<p>${signOff.replace(/\n/g, '<br>')}</p></body></html>`
      : '';
  const fromAddress = `${sender.first.toLowerCase()}${random() < 0.5 ? `.${sender.last.toLowerCase()}` : ''}@${senderDomain}`;
  const headers = [
    `From: ${quoteName(`${sender.first} ${sender.last}`)} <${fromAddress}>`,
    `To: ${quoteName(`${recipient.first} ${recipient.last}`)} <${recipient.first.toLowerCase()}@${orgDomain}>`,
    `Subject: ${encodeSubject(subject)}`,
    `Date: ${randomDate(random)}`,
    `Message-ID: <${Math.floor(random() * 1e12).toString(36)}.${word(random, 2)}@${senderDomain}>`,
    'MIME-Version: 1.0',
  ];
  return assemble(headers, text, html, undefined, random);
}
