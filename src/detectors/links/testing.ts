/** Helpers for the link detector tests: fixture messages and small hand-built html messages. */
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../test/fixtures/links/', import.meta.url);

export function readFixture(name: string): Uint8Array {
  return readFileSync(new URL(`${name}.eml`, FIXTURES));
}

/** A minimal html message addressed to someone at `northwind-traders.test`. */
export function htmlMessage(body: string, from = 'Notifications <notify@sender.example.net>'): string {
  return [
    `From: ${from}`,
    'To: Robin Hale <robin.hale@northwind-traders.test>',
    'Subject: Test message',
    'Date: Mon, 02 Nov 2026 09:00:00 +0000',
    'Message-ID: <test-1@sender.example.net>',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset="utf-8"',
    '',
    `<html><body>${body}</body></html>`,
    '',
  ].join('\r\n');
}
