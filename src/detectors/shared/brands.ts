/**
 * Brands most often impersonated in phishing, with the domains they really send from and link to.
 * Used by sender, link and language detectors: a brand named in a display name, subject or link
 * host while the real domains are absent is a classic lure.
 *
 * `names` are matched as whole words, case-insensitively; keep them distinctive enough that
 * ordinary prose does not match (no "apple" alone: "Apple ID" and "iCloud" instead).
 */
export interface Brand {
  /** Canonical display name. */
  name: string;
  /** Words or phrases that name the brand in text. */
  names: string[];
  /** Registrable domains the brand legitimately uses (mail and web). */
  domains: string[];
}

export const BRANDS: readonly Brand[] = [
  {
    name: 'Microsoft',
    names: ['microsoft', 'office 365', 'office365', 'microsoft 365', 'outlook', 'onedrive', 'sharepoint', 'teams'],
    domains: [
      'microsoft.com',
      'office.com',
      'office365.com',
      'outlook.com',
      'live.com',
      'hotmail.com',
      'microsoftonline.com',
      'sharepoint.com',
      'onedrive.com',
      'msn.com',
      'windows.net',
      'azure.com',
      'microsoft365.com',
      'skype.com',
      'bing.com',
    ],
  },
  {
    name: 'Google',
    names: ['google', 'gmail', 'google drive', 'google docs'],
    domains: ['google.com', 'gmail.com', 'googlemail.com', 'youtube.com', 'googleusercontent.com', 'goo.gl', 'g.co'],
  },
  {
    name: 'Apple',
    names: ['apple id', 'icloud', 'itunes', 'app store', 'apple support', 'apple pay'],
    domains: ['apple.com', 'icloud.com', 'me.com', 'mac.com', 'itunes.com'],
  },
  {
    name: 'Amazon',
    names: ['amazon', 'amazon prime', 'aws'],
    domains: [
      'amazon.com',
      'amazon.co.uk',
      'amazon.de',
      'amazon.fr',
      'amazon.it',
      'amazon.es',
      'amazon.ca',
      'amazon.com.br',
      'amazon.co.jp',
      'amazonses.com',
      'amazonaws.com',
      'primevideo.com',
      'a.co',
    ],
  },
  { name: 'PayPal', names: ['paypal'], domains: ['paypal.com', 'paypal.me', 'paypal-communication.com', 'paypalobjects.com'] },
  { name: 'Netflix', names: ['netflix'], domains: ['netflix.com', 'netflix.net'] },
  {
    name: 'Facebook',
    names: ['facebook', 'meta business', 'meta support'],
    domains: ['facebook.com', 'facebookmail.com', 'fb.com', 'meta.com', 'fbcdn.net'],
  },
  { name: 'Instagram', names: ['instagram'], domains: ['instagram.com', 'facebookmail.com'] },
  { name: 'WhatsApp', names: ['whatsapp'], domains: ['whatsapp.com', 'whatsapp.net'] },
  { name: 'LinkedIn', names: ['linkedin'], domains: ['linkedin.com', 'licdn.com'] },
  { name: 'DocuSign', names: ['docusign'], domains: ['docusign.com', 'docusign.net'] },
  {
    name: 'Adobe',
    names: ['adobe', 'adobe sign', 'adobe acrobat'],
    domains: ['adobe.com', 'adobesign.com', 'echosign.com', 'adobelogin.com'],
  },
  { name: 'Dropbox', names: ['dropbox'], domains: ['dropbox.com', 'dropboxmail.com'] },
  { name: 'DHL', names: ['dhl', 'dhl express'], domains: ['dhl.com', 'dhl.de', 'dhl.co.uk', 'dhl-news.com'] },
  { name: 'FedEx', names: ['fedex'], domains: ['fedex.com'] },
  { name: 'UPS', names: ['ups'], domains: ['ups.com'] },
  { name: 'USPS', names: ['usps', 'us postal service', 'united states postal service'], domains: ['usps.com', 'usps.gov'] },
  { name: 'Royal Mail', names: ['royal mail'], domains: ['royalmail.com', 'royalmail.co.uk'] },
  { name: 'Correios', names: ['correios'], domains: ['correios.com.br'] },
  { name: 'Wells Fargo', names: ['wells fargo'], domains: ['wellsfargo.com'] },
  { name: 'Chase', names: ['chase bank', 'jpmorgan chase', 'chase online'], domains: ['chase.com', 'jpmorgan.com', 'jpmorganchase.com'] },
  { name: 'Bank of America', names: ['bank of america'], domains: ['bankofamerica.com', 'bofa.com'] },
  { name: 'Citibank', names: ['citibank', 'citi bank'], domains: ['citi.com', 'citibank.com'] },
  { name: 'American Express', names: ['american express', 'amex'], domains: ['americanexpress.com', 'aexp.com'] },
  { name: 'Visa', names: ['visa card', 'verified by visa'], domains: ['visa.com'] },
  { name: 'Mastercard', names: ['mastercard'], domains: ['mastercard.com'] },
  { name: 'HSBC', names: ['hsbc'], domains: ['hsbc.com', 'hsbc.co.uk'] },
  { name: 'Santander', names: ['santander'], domains: ['santander.com', 'santander.co.uk', 'santander.com.br'] },
  { name: 'Itaú', names: ['itau', 'itaú'], domains: ['itau.com.br'] },
  { name: 'Bradesco', names: ['bradesco'], domains: ['bradesco.com.br'] },
  { name: 'Banco do Brasil', names: ['banco do brasil'], domains: ['bb.com.br'] },
  { name: 'Caixa', names: ['caixa econômica', 'caixa economica'], domains: ['caixa.gov.br'] },
  { name: 'Nubank', names: ['nubank'], domains: ['nubank.com.br'] },
  {
    name: 'Mercado Livre',
    names: ['mercado livre', 'mercado pago', 'mercadolivre'],
    domains: ['mercadolivre.com.br', 'mercadopago.com', 'mercadolibre.com'],
  },
  { name: 'Coinbase', names: ['coinbase'], domains: ['coinbase.com'] },
  { name: 'Binance', names: ['binance'], domains: ['binance.com'] },
  { name: 'MetaMask', names: ['metamask'], domains: ['metamask.io'] },
  { name: 'Trust Wallet', names: ['trust wallet'], domains: ['trustwallet.com'] },
  { name: 'Norton', names: ['norton', 'norton 360', 'norton lifelock'], domains: ['norton.com', 'nortonlifelock.com', 'gen.digital'] },
  { name: 'McAfee', names: ['mcafee'], domains: ['mcafee.com'] },
  { name: 'Geek Squad', names: ['geek squad'], domains: ['geeksquad.com', 'bestbuy.com'] },
  { name: 'Walmart', names: ['walmart'], domains: ['walmart.com'] },
  { name: 'Costco', names: ['costco'], domains: ['costco.com'] },
  { name: 'eBay', names: ['ebay'], domains: ['ebay.com', 'ebay.co.uk', 'ebay.de'] },
  { name: 'Steam', names: ['steam', 'steamcommunity'], domains: ['steampowered.com', 'steamcommunity.com'] },
  { name: 'Zoom', names: ['zoom meeting', 'zoom video'], domains: ['zoom.us', 'zoom.com'] },
  { name: 'Slack', names: ['slack'], domains: ['slack.com'] },
  { name: 'Intuit', names: ['intuit', 'quickbooks', 'turbotax'], domains: ['intuit.com', 'quickbooks.com', 'turbotax.com'] },
  { name: 'IRS', names: ['irs', 'internal revenue service'], domains: ['irs.gov'] },
  { name: 'HMRC', names: ['hmrc'], domains: ['hmrc.gov.uk', 'gov.uk'] },
  { name: 'Spotify', names: ['spotify'], domains: ['spotify.com'] },
  { name: 'Disney+', names: ['disney+', 'disney plus'], domains: ['disneyplus.com', 'disney.com'] },
  { name: 'AT&T', names: ['at&t', 'att mail'], domains: ['att.com', 'att.net'] },
  { name: 'Verizon', names: ['verizon'], domains: ['verizon.com', 'verizonwireless.com'] },
  { name: 'T-Mobile', names: ['t-mobile'], domains: ['t-mobile.com'] },
  { name: 'Yahoo', names: ['yahoo'], domains: ['yahoo.com', 'yahoo-inc.com', 'aol.com'] },
  { name: 'WeTransfer', names: ['wetransfer'], domains: ['wetransfer.com'] },
  { name: 'Booking.com', names: ['booking.com'], domains: ['booking.com'] },
  { name: 'Airbnb', names: ['airbnb'], domains: ['airbnb.com'] },
  { name: 'Webmail', names: ['webmail', 'cpanel', 'roundcube', 'zimbra'], domains: [] },
];

/** Lower-cased registrable domains of every brand, for quick "is this a brand's own domain" checks. */
export const BRAND_DOMAINS: ReadonlySet<string> = new Set(BRANDS.flatMap((b) => b.domains));

const namePatterns = BRANDS.map((brand) => ({
  brand,
  pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${brand.names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'iu'),
}));

/** Brands named in a piece of text (display name, subject, body), in catalogue order. */
export function brandsNamedIn(text: string): Brand[] {
  if (!text) return [];
  return namePatterns.filter(({ pattern }) => pattern.test(text)).map(({ brand }) => brand);
}

/** True when `domain` (a registrable domain or host) belongs to the brand. */
export function isBrandDomain(brand: Brand, domain: string): boolean {
  const d = domain.toLowerCase();
  return brand.domains.some((own) => d === own || d.endsWith(`.${own}`));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
