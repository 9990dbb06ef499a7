/**
 * A small organisation's everyday mail as raw messages, for tests of the behaviour model through
 * the engine and the service: the chief executive writing to colleagues, partners writing in,
 * and a first-contact CEO-fraud message from a free-mail address using her name.
 */

export const ORG_DOMAIN = 'example.com';
export const CEO = { name: 'Margaret Holloway', address: 'margaret.holloway@example.com' };
export const STAFF = ['priya.nair', 'tom.becker', 'lena.ortiz', 'sam.okafor'].map((local) => `${local}@${ORG_DOMAIN}`);
export const PARTNERS = ['ann.lee@northwind-supply.test', 'raj.patel@harbour-logistics.test', 'eva.stone@brightline-legal.test'];

const TOPICS = ['weekly planning', 'quarterly figures', 'office move', 'supplier review', 'team offsite', 'budget draft'];

function message(fields: { from: string; to: string; subject: string; date: Date; id: string; body: string }): Buffer {
  return Buffer.from(
    [
      `From: ${fields.from}`,
      `To: ${fields.to}`,
      `Subject: ${fields.subject}`,
      `Date: ${fields.date.toUTCString()}`,
      `Message-ID: <${fields.id}>`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      fields.body,
      '',
    ].join('\r\n'),
  );
}

/**
 * `count` ordinary messages from `start` on, one every 10 minutes of working time: every third
 * one the executive writing to a colleague, the others partners writing to staff.
 */
export function orgHistory(count: number, start = new Date('2026-10-05T08:00:00Z'), tag = 'h'): Buffer[] {
  const messages: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(start.getTime() + i * 10 * 60_000);
    const topic = TOPICS[i % TOPICS.length];
    const to = STAFF[i % STAFF.length];
    if (i % 3 === 0) {
      messages.push(
        message({
          from: `"${CEO.name}" <${CEO.address}>`,
          to,
          subject: `About the ${topic}`,
          date,
          id: `${tag}${i}@${ORG_DOMAIN}`,
          body: `Hi,\r\n\r\nplease have a look at the ${topic} notes before Thursday and add your comments.\r\n\r\nThanks,\r\nMargaret`,
        }),
      );
    } else {
      const partner = PARTNERS[Math.floor(i / 3) % PARTNERS.length];
      messages.push(
        message({
          from: partner,
          to,
          subject: `Re: ${topic}`,
          date,
          id: `${tag}${i}@${partner.split('@')[1]}`,
          body: `Hello,\r\n\r\nthanks for the update on the ${topic}. We will send the revised schedule next week.\r\n\r\nBest regards`,
        }),
      );
    }
  }
  return messages;
}

/** The executive's name on a free-mail address never seen before, asking a colleague for gift cards. */
export function ceoFraud(tag: string, date = new Date('2026-11-02T10:31:00Z')): Buffer {
  return message({
    from: `"${CEO.name}" <margaret.holloway.office@gmail.com>`,
    to: STAFF[0],
    subject: 'Quick request',
    date,
    id: `${tag}@mail.gmail.com`,
    body: [
      'Priya,',
      '',
      "Are you available? I need a quick favour. I'm in a board meeting until late and can't take calls right now.",
      '',
      'I want to surprise some of our staff today. Can you buy 6 Google Play gift cards, $200 each, from any store nearby?',
      'Once you have them, scratch the back and send me pictures of the cards so I can forward them.',
      '',
      "Keep this between us for now, it's a surprise.",
      '',
      'Margaret',
      'Sent from my phone',
    ].join('\r\n'),
  });
}

/** A partner the organisation has corresponded with, writing again. */
export function partnerNote(tag: string, date = new Date('2026-11-02T11:00:00Z')): Buffer {
  return message({
    from: PARTNERS[0],
    to: STAFF[1],
    subject: 'Delivery window next week',
    date,
    id: `${tag}@northwind-supply.test`,
    body: 'Hello Tom,\r\n\r\nour delivery next week can come on Tuesday or Wednesday morning. Which suits you better?\r\n\r\nBest regards,\r\nAnn',
  });
}

/** An organisation writing for the first time, about ordinary business. */
export function newCorrespondent(tag: string, date = new Date('2026-11-02T11:30:00Z')): Buffer {
  return message({
    from: 'jo.marsh@fresh-contact.test',
    to: STAFF[2],
    subject: 'Introduction',
    date,
    id: `${tag}@fresh-contact.test`,
    body: 'Hello Lena,\r\n\r\nwe met at the trade fair last month. I would be glad to show you our catalogue some time.\r\n\r\nKind regards,\r\nJo',
  });
}
