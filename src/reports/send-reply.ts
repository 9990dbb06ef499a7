import nodemailer from 'nodemailer';

export interface ReplyRelay {
  /** `smtp://host:port` or `smtps://user:pass@host:port`. */
  url: string;
  from: string;
}

/** Sends the answer to a reporting user through the configured relay. Throws when the relay refuses it. */
export async function sendReply(relay: ReplyRelay, to: string, subject: string, text: string): Promise<void> {
  const transport = nodemailer.createTransport(relay.url);
  try {
    await transport.sendMail({ from: relay.from, to, subject, text });
  } finally {
    transport.close();
  }
}
