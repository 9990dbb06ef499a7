import type { ImapFlow } from 'imapflow';

/** The folder the server marks with a special use (RFC 6154), e.g. `\Junk`, or null. */
export async function specialFolder(client: ImapFlow, use: string): Promise<string | null> {
  const folders = await client.list();
  return folders.find((folder) => folder.specialUse === use)?.path ?? null;
}

/** Creates the folder when missing. It is not subscribed, so most mail clients do not show it. */
export async function ensureFolder(client: ImapFlow, path: string): Promise<void> {
  const folders = await client.list();
  if (folders.some((folder) => folder.path === path)) return;
  await client.mailboxCreate(path);
}
