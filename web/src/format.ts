export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function duration(seconds: number | null): string {
  if (seconds === null) return '–';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

export const VERDICT_WORDS: Record<string, string> = {
  clean: 'Clean',
  graymail: 'Graymail',
  spam: 'Spam',
  suspicious: 'Suspicious',
  phish: 'Phishing',
  malware: 'Malware',
};

export const LAYER_WORDS: Record<string, string> = {
  mailward: 'Mailward',
  'microsoft-365': 'Microsoft 365',
  google: 'Google',
  spamassassin: 'SpamAssassin',
  rspamd: 'Rspamd',
};

export function layerName(layer: string): string {
  return LAYER_WORDS[layer] ?? layer;
}
