import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ARTIFACTS, type ConsoleWorld, openConsoleWorld, PASSWORD } from './world.ts';

// Debian's Chromium, as described in the machine's service notes; nothing is downloaded. Playwright
// gives every launch a fresh temporary profile of its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the console in a browser, against a running service', () => {
  let world: ConsoleWorld;
  let browser: Browser;

  before(async () => {
    world = await openConsoleWorld();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await browser?.close();
    await world?.close();
  });

  async function loggedIn(email: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme });
    const page = await context.newPage();
    page.on('pageerror', (error) => process.stderr.write(`page error (${email}): ${error.message}\n`));
    await page.goto(`${world.baseUrl}/`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Quarantine' }).waitFor();
    return page;
  }

  /** A call the page itself makes with its session cookie (and CSRF token when it has one). */
  function apiFromPage(page: Page, method: string, path: string): Promise<number> {
    return page.evaluate(
      async ({ method, path }) => {
        const session = await fetch('/api/v1/session').then((r) => r.json());
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
          body: method === 'GET' ? undefined : '{}',
        });
        return response.status;
      },
      { method, path },
    );
  }

  it('an admin logs in, filters the quarantine, opens a message, sees its reasons, releases it and sees the audit entry', async () => {
    const page = await loggedIn(world.users.admin);
    const rows = page.getByRole('table', { name: 'Quarantined messages' }).locator('tbody tr');
    await rows.nth(1).waitFor();
    const before = await rows.count();
    assert.ok(before >= 2, `at least two quarantined messages, saw ${before}`);
    await page.screenshot({ path: join(ARTIFACTS, 'quarantine.png'), fullPage: true });

    // The provider missed some of these: filtering on "caught by the mail provider" keeps only the one it caught.
    await page.getByLabel('Caught by').selectOption('provider');

    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Quarantined messages"] tbody tr').length === 1, null, {
      timeout: 90_000,
    });
    const row = rows.first();
    await row.getByText('Microsoft 365').waitFor();
    assert.match(await row.innerText(), /your password expires today/);
    await page.getByLabel('Caught by').selectOption('');
    await rows.nth(1).waitFor();
    // Text filters apply when committed (Enter or leaving the field), as a typed search does.
    await page.getByLabel('Sender domain').fill('account-notice.example.net');
    await page.getByLabel('Sender domain').press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('table[aria-label="Quarantined messages"] tbody tr').length === 1, null, {
      timeout: 90_000,
    });

    await page.getByRole('link', { name: 'Action required: your password expires today' }).click();
    await page.getByRole('heading', { name: 'Action required: your password expires today' }).waitFor();
    const reasons = page.getByRole('tabpanel', { name: 'Reasons' });
    await reasons.locator('tbody tr').first().waitFor();
    assert.ok((await reasons.locator('tbody tr').count()) >= 2, 'several signals explain the verdict');
    assert.match(await page.locator('.layer-cards').innerText(), /Microsoft 365[\s\S]*phishing/i);
    await page.screenshot({ path: join(ARTIFACTS, 'message.png'), fullPage: true });

    await page.getByRole('tab', { name: /Links/ }).click();
    assert.match(await page.getByRole('tabpanel', { name: 'Links' }).innerText(), /northwind-traders-example\.web\.app/);
    await page.getByRole('tab', { name: 'Preview' }).click();
    const frame = page.getByTestId('preview-frame');
    assert.equal(await frame.getAttribute('sandbox'), '', 'no scripts, no same origin, no popups');
    await page.screenshot({ path: join(ARTIFACTS, 'message-preview.png'), fullPage: true });

    await page.getByRole('button', { name: 'Release' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Reason/).fill('checked with the sender');
    await dialog.getByRole('button', { name: 'Release' }).click();
    await page.getByTestId('quarantine-state').filter({ hasText: 'released' }).waitFor();
    const trail = page.getByRole('list', { name: 'Audit trail' });
    await trail.getByText('quarantine.release').waitFor();
    assert.match(await trail.innerText(), /quarantine\.release by user[\s\S]*checked with the sender/);

    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByText('Messages scanned').waitFor();
    await page.locator('canvas').first().waitFor();
    assert.match(await page.locator('.tiles').innerText(), /6\s+Messages scanned/);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-dark.png'), fullPage: true });
    await page.context().close();
  });

  it('an analyst cannot do what only an admin may (users, raw mail)', async () => {
    const page = await loggedIn(world.users.analyst);
    await page.goto(`${world.baseUrl}/#/users`);
    await page.getByRole('heading', { name: 'Users are managed by admins' }).waitFor();
    assert.equal(await apiFromPage(page, 'GET', '/users'), 403);
    const anyMessage = await firstQuarantinedId(world);
    await page.goto(`${world.baseUrl}/#/messages/${anyMessage}`);
    await page.getByRole('heading', { name: 'Verdicts, layer by layer' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Download .eml' }).count(), 0);
    assert.equal(await apiFromPage(page, 'GET', `/messages/${anyMessage}/raw`), 403);
    await page.context().close();
  });

  it('a read-only user sees the quarantine but cannot release', async () => {
    const page = await loggedIn(world.users.reader);
    const id = await firstQuarantinedId(world);
    await page.goto(`${world.baseUrl}/#/messages/${id}`);
    await page.getByRole('heading', { name: 'Verdicts, layer by layer' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Release' }).count(), 0);
    assert.equal(await apiFromPage(page, 'POST', `/quarantine/${id}/release`), 403);
    const state = await fetch(`${world.baseUrl}/api/v1/messages/${id}/view`, { headers: { authorization: `Bearer ${world.keyA}` } });
    assert.equal(((await state.json()) as { quarantine: { state: string } }).quarantine.state, 'quarantined');
    await page.context().close();
  });

  it("one tenant's user cannot reach another tenant's message by URL", async () => {
    const page = await loggedIn(world.users.otherTenant, 'dark');
    const id = await firstQuarantinedId(world);
    await page.goto(`${world.baseUrl}/#/messages/${id}`);
    await page.getByRole('alert').filter({ hasText: 'message not found' }).waitFor();
    assert.equal(await apiFromPage(page, 'GET', `/messages/${id}/view`), 404);
    assert.equal(await apiFromPage(page, 'POST', `/quarantine/${id}/release`), 404);
    await page.context().close();
  });
});

async function firstQuarantinedId(world: ConsoleWorld): Promise<string> {
  const response = await fetch(`${world.baseUrl}/api/v1/quarantine?state=quarantined&limit=1`, {
    headers: { authorization: `Bearer ${world.keyA}` },
  });
  return ((await response.json()) as { items: Array<{ messageId: string }> }).items[0].messageId;
}
