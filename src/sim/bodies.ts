/**
 * Everyday business mail for the simulated company: internal coordination, orders, deliveries,
 * quotes, invoices and replies. Sentences are combined at random so no two messages read alike.
 */
import type { Partner, Person } from './organisation.ts';
import type { Random } from './random.ts';

export interface Body {
  subject: string;
  text: string;
}

const GREETINGS = ['Hi {n},', 'Hello {n},', 'Dear {n},', '{n},', 'Morning {n},', 'Hi {n}'];
const THANKS = ['Thanks,', 'Thanks a lot,', 'Best regards,', 'Kind regards,', 'Cheers,', 'Many thanks,', 'Best,'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const PROJECTS = [
  'the Rotterdam lane',
  'the new cross-dock',
  'Q2 route planning',
  'the tender for the retail account',
  'the telematics rollout',
  'the warehouse re-layout',
  'the driver onboarding',
  'the cold-chain audit',
];
const DOCS = [
  'the draft schedule',
  'the updated rota',
  'the cost breakdown',
  'last week’s KPI sheet',
  'the meeting notes',
  'the revised SOP',
  'the capacity forecast',
];
const INTERNAL_TOPICS = [
  {
    s: 'Dispatch figures for {d}',
    b: [
      'The dispatch numbers for {d} are in the shared folder.',
      'We ran {x} loads, slightly above plan.',
      'Two trailers were late because of the roadworks near the depot.',
    ],
  },
  {
    s: 'Meeting about {p}',
    b: [
      'Can we meet on {d} to go through {p}?',
      'I have put half an hour in the calendar at {h}:00; move it if it does not suit.',
      'Please bring {doc}.',
    ],
  },
  {
    s: 'Question on {p}',
    b: [
      'Quick question on {p}:',
      'do we still plan to go live before the end of the month?',
      'The team asked me and I did not want to guess.',
    ],
  },
  {
    s: '{doc_cap}',
    b: [
      'Attached is {doc} as discussed.',
      'I changed the figures for week {w}; the rest is unchanged.',
      'Let me know if anything looks off.',
    ],
  },
  {
    s: 'Holiday cover {d}',
    b: ['I am off on {d}.', '{other} has agreed to cover my queue.', 'Anything urgent can go to the team mailbox.'],
  },
  {
    s: 'Customer feedback from {d}',
    b: [
      'We had a call with a customer on {d} about delivery windows.',
      'They would like a 30 minute ETA notice instead of 60.',
      'Worth discussing in the Thursday ops review.',
    ],
  },
  {
    s: 'Update: {p}',
    b: ['Short update on {p}.', 'Testing finished yesterday, {x} issues left, none blocking.', 'I will send the go/no-go note by {d}.'],
  },
  {
    s: 'Training slots in week {w}',
    b: [
      'HR asked us to book the forklift refresher training.',
      'There are slots on {d} morning and afternoon.',
      'Please reply with your preference.',
    ],
  },
  {
    s: 'Lunch & learn on {d}',
    b: ['Reminder that the lunch & learn on {p} is on {d} at 12:30 in the big meeting room.', 'Sandwiches provided.'],
  },
  {
    s: 'Overtime approvals week {w}',
    b: ['Could you approve the overtime for week {w} in the HR system?', 'It is {x} hours in total for the night shift.'],
  },
];

function fill(template: string, rng: Random, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (vars[key] !== undefined) return vars[key];
    if (key === 'd') return rng.pick(WEEKDAYS);
    if (key === 'p') return rng.pick(PROJECTS);
    if (key === 'doc') return rng.pick(DOCS);
    if (key === 'doc_cap') {
      const doc = rng.pick(DOCS).replace(/^the /, '');
      return doc.charAt(0).toUpperCase() + doc.slice(1);
    }
    if (key === 'x') return String(rng.int(3, 140));
    if (key === 'w') return String(rng.int(2, 50));
    if (key === 'h') return String(rng.int(9, 16));
    return key;
  });
}

function signature(rng: Random, from: Person, company: string): string {
  const lines = [rng.pick(THANKS), from.first];
  if (rng.chance(0.6)) lines.push('', `${from.name}`, `${from.title} | ${company}`);
  return lines.join('\n');
}

export function internalBody(rng: Random, from: Person, to: Person, company: string): Body {
  const topic = rng.pick(INTERNAL_TOPICS);
  const vars = { other: rng.pick([to.first, 'Sam', 'the night team']) };
  const subject = fill(topic.s, rng, vars);
  const lines = topic.b.filter((_, i) => i === 0 || rng.chance(0.8)).map((l) => fill(l, rng, vars));
  const text = [fill(rng.pick(GREETINGS), rng, { n: to.first }), '', lines.join(' '), '', signature(rng, from, company)].join('\n');
  return { subject, text };
}

export function announcementBody(rng: Random, from: Person, company: string): Body {
  const options = [
    {
      s: 'Office closure on {d}',
      t: 'The office will close at 15:00 on {d} for the electrical inspection. Drivers and the night shift are not affected.',
    },
    {
      s: 'Quarterly all-hands',
      t: 'Our quarterly all-hands is on {d} at 16:00 in the canteen and online. We will go through the results, {p} and questions from you.',
    },
    {
      s: 'Welcome to our new colleagues',
      t: 'Please join me in welcoming the colleagues who started this week in Operations and Customer Service. Say hello when you see them.',
    },
    {
      s: 'Reminder: expense claims for this month',
      t: 'Expense claims for this month need to be in the expense system by {d}. Late claims roll over to next month.',
    },
  ];
  const o = rng.pick(options);
  return {
    subject: fill(o.s, rng, {}),
    text: ['Hello everyone,', '', fill(o.t, rng, {}), '', rng.pick(THANKS), from.name, `${from.title}, ${company}`].join('\n'),
  };
}

export function partnerToOrgBody(rng: Random, partner: Partner, from: Person, to: Person): Body {
  const ref = `${rng.int(10000, 99999)}`;
  const options =
    partner.kind === 'supplier'
      ? [
          {
            s: 'Order confirmation PO-{r}',
            t: 'Thank you for your purchase order PO-{r}. We confirm delivery of the {g} on {d}, as requested. The delivery note will travel with the goods.',
          },
          {
            s: 'Delivery schedule for next week',
            t: 'Please find below our proposed delivery slots for next week: {d} 08:00-10:00 and Thursday 13:00-15:00. Let us know which suits your warehouse.',
          },
          {
            s: 'Price update from next quarter',
            t: 'As announced at our last review, prices for {g} will rise by {pc}% from the start of next quarter. Current orders are not affected. Happy to go through the details on a call.',
          },
          {
            s: 'Stock availability',
            t: 'Good news: the items you asked about are back in stock. We can ship {x} units on {d} if you confirm by tomorrow noon.',
          },
        ]
      : [
          {
            s: 'Shipment enquiry {r}',
            t: 'Could you tell us where shipment {r} is? Our store expected it on {d} and we have not seen it yet.',
          },
          {
            s: 'Quote request for {x} pallets',
            t: 'We are planning {x} pallets a week from our central warehouse to the stores from next month. Could you send us a quote for the lane, including the tail-lift surcharge?',
          },
          {
            s: 'Delivery window change',
            t: 'From {d} our loading bay opens at 07:00 instead of 06:00. Please adjust your drivers’ arrival times accordingly.',
          },
          {
            s: 'Damaged pallet on delivery {r}',
            t: 'One pallet on delivery {r} arrived with crushed corners. Photos are in the portal under the delivery number. How do you want to handle the claim?',
          },
        ];
  const o = rng.pick(options);
  const vars = { r: ref, g: partner.goods, pc: String(rng.int(2, 7)) };
  const text = [fill(rng.pick(GREETINGS), rng, { n: to.first }), '', fill(o.t, rng, vars), '', signature(rng, from, partner.name)].join(
    '\n',
  );
  return { subject: fill(o.s, rng, vars), text };
}

export function invoiceBody(rng: Random, partner: Partner, from: Person, to: Person): Body {
  const number = `INV-${rng.int(20000, 89999)}`;
  const amount = (rng.int(800, 48000) + rng.int(0, 99) / 100).toFixed(2);
  const text = [
    fill(rng.pick(GREETINGS), rng, { n: to.first }),
    '',
    `Invoice ${number} for ${partner.goods} delivered this month is now available, amount EUR ${amount}, due in 30 days.`,
    `You can view and download it in our customer portal: https://portal.${partner.domain}/invoices/${number.toLowerCase()}`,
    'Payment to the account on file, as usual.',
    '',
    signature(rng, from, partner.name),
  ].join('\n');
  return { subject: `Invoice ${number} from ${partner.name}`, text };
}

export function orgToPartnerBody(rng: Random, partner: Partner, from: Person, to: Person, company: string): Body {
  const ref = `${rng.int(10000, 99999)}`;
  const options =
    partner.kind === 'supplier'
      ? [
          {
            s: 'Purchase order PO-{r}',
            t: 'Please find our purchase order PO-{r} for {g} below. Delivery to our main depot, dock 4, by {d} at the latest.',
          },
          {
            s: 'Question about last delivery',
            t: 'The last delivery was two items short against the delivery note. Could you check on your side and send the missing items with the next load?',
          },
          {
            s: 'Forecast for next month',
            t: 'Our forecast for next month is roughly {x} units of {g}. We will confirm exact quantities with the weekly orders.',
          },
        ]
      : [
          {
            s: 'Quote for your lane',
            t: 'Thank you for your enquiry. For {x} pallets a week we can offer a rate of EUR {pc}5 per pallet, tail-lift included. The offer is valid for 30 days.',
          },
          { s: 'Tracking update {r}', t: 'Shipment {r} left our cross-dock this morning and is due at your store on {d} before noon.' },
          {
            s: 'Service review meeting',
            t: 'Would you have time for our quarterly service review on {d}? We would like to go through on-time performance and the new delivery windows.',
          },
        ];
  const o = rng.pick(options);
  const vars = { r: ref, g: partner.goods, pc: String(rng.int(2, 7)) };
  const text = [fill(rng.pick(GREETINGS), rng, { n: to.first }), '', fill(o.t, rng, vars), '', signature(rng, from, company)].join('\n');
  return { subject: fill(o.s, rng, vars), text };
}

const REPLIES = [
  'Thanks, that works for us.',
  'Noted, thank you.',
  'Sounds good, let’s do that.',
  'Thanks for the quick answer. I will pass it on to the team.',
  'Could you send me the details by tomorrow?',
  'Agreed. I have updated the plan accordingly.',
  'Thanks, received. We will come back to you later this week.',
  'Perfect, see you then.',
  'I checked with the warehouse and that is fine.',
  'Not quite: we need it a day earlier if possible. Can you check?',
];

/** A reply quoting the message it answers, as mail clients write it. */
export function replyBody(
  rng: Random,
  from: Person | { first: string; name: string },
  to: { first: string; name: string; address: string },
  original: { text: string; at: number; dateLine: string },
): string {
  const quoted = original.text
    .split('\n')
    .slice(0, 12)
    .map((l) => `> ${l}`.trimEnd())
    .join('\n');
  return [
    fill(rng.pick(GREETINGS), rng, { n: to.first }),
    '',
    rng.pick(REPLIES),
    '',
    rng.pick(THANKS),
    from.first,
    '',
    `On ${original.dateLine}, ${to.name} <${to.address}> wrote:`,
    quoted,
  ].join('\n');
}

export function newsletterBody(rng: Random, name: string, topic: string, domain: string): { subject: string; text: string; html: string } {
  const issue = rng.int(10, 400);
  const heads = [
    `This week in ${topic}`,
    `${name}: ${topic} round-up`,
    `Issue ${issue}: what changed in ${topic}`,
    `Five things to know about ${topic}`,
  ];
  const subject = rng.pick(heads);
  const items = [
    'Regulators publish the new guidance on driver hours',
    'Container rates ease for the third week running',
    'Case study: how a regional carrier cut empty miles',
    'Opinion: the real cost of late payments in logistics',
    'Event: the autumn expo opens registration',
    'Survey results: what warehouse staff want from automation',
  ];
  const chosen = rng.sample(items, 3);
  const base = `https://www.${domain}`;
  const text = [
    subject,
    '',
    ...chosen.map((i, k) => `${k + 1}. ${i}\n   ${base}/articles/${issue}-${k + 1}`),
    '',
    `Unsubscribe: ${base}/unsubscribe`,
  ].join('\n');
  const html = [
    '<html><body>',
    `<h1>${subject}</h1>`,
    ...chosen.map((i, k) => `<p><a href="${base}/articles/${issue}-${k + 1}">${i}</a></p>`),
    `<p style="font-size:small"><a href="${base}/unsubscribe">Unsubscribe</a> | ${name}, 1 Example Street</p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

export function notificationBody(rng: Random, name: string, topic: string, domain: string, to: Person): Body {
  const n = rng.int(2, 40);
  const options = [
    {
      s: `Your weekly ${topic}`,
      t: `Hello ${to.first}, your weekly summary is ready: ${n} items this week. View it in ${name}: https://app.${domain}/reports/${rng.hex(8)}`,
    },
    {
      s: `${n} new updates in ${name}`,
      t: `Hi ${to.first}, there are ${n} new updates waiting for you. Open ${name} to see them: https://app.${domain}/inbox`,
    },
    {
      s: `Reminder from ${name}`,
      t: `Hi ${to.first}, this is a friendly reminder about your pending ${topic}. You can manage notification settings in your profile.`,
    },
  ];
  const o = rng.pick(options);
  return { subject: o.s, text: `${o.t}\n\n-- \n${name}\nYou receive this because notifications are on for your account.` };
}
