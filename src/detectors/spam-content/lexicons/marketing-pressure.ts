import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Classic pressure phrases of junk mail: "act now", "limited time", "100% free", "risk-free",
 * "no credit check", "click below". Real retailers use many of them too, which is why they
 * only count in a message that already speaks like spam (see marketing-pressure.ts).
 */
export const MARKETING_PRESSURE_PHRASES: readonly SpamPhrase[] = [
  // English
  { pattern: 'act (?:now|fast|today|quickly)', strength: 0.3, lang: 'en' },
  { pattern: 'limited[- ]time (?:only|offer|promo|deal|discount)', strength: 0.25, lang: 'en' },
  { pattern: '100 ?% (?:free|guaranteed|risk[- ]free|natural|satisfaction)', strength: 0.35, lang: 'en' },
  { pattern: '(?:risk[- ]free|no risk|no obligation|no strings attached|no questions asked)', strength: 0.3, lang: 'en' },
  { pattern: '(?:no credit check|no hidden (?:fees|costs)|no catch)', strength: 0.3, lang: 'en' },
  {
    pattern: 'click (?:below|the (?:button|link) below|here (?:now|to (?:claim|order|get|start|see|learn|discover|find out|watch)))',
    strength: 0.25,
    lang: 'en',
  },
  { pattern: "you(?: have|'ve) been (?:specially )?(?:selected|chosen|pre-?approved)", strength: 0.3, lang: 'en' },
  {
    pattern:
      '(?:while (?:supplies|stocks) last|(?:only|just) \\d+ (?:left|remaining|spots? left|bottles left)|(?:selling|going) fast|almost (?:gone|sold out))',
    strength: 0.3,
    lang: 'en',
  },
  { pattern: "(?:don'?t|do not) (?:miss (?:out|this|your chance)|wait(?: any longer)?|delay)", strength: 0.25, lang: 'en' },
  {
    pattern: '(?:(?:\\d+[- ]day )?money[- ]back guarantee|satisfaction guaranteed|order (?:yours )?(?:now|today))',
    strength: 0.25,
    lang: 'en',
  },
  {
    pattern:
      "(?:once in a lifetime|this (?:offer|deal) (?:will not|won't) last|exclusive (?:deal|offer) for you|special promotion for you)",
    strength: 0.3,
    lang: 'en',
  },
  // German
  {
    pattern:
      '(?:begrenzte zeit|nur (?:fur )?kurze zeit|nur heute|solange der vorrat reicht|beeilen sie sich|verpassen sie (?:es|nicht)|nicht verpassen)',
    strength: 0.3,
    lang: 'de',
  },
  {
    pattern: '(?:100 ?% kostenlos|ohne (?:bedingungen|risiko|verpflichtung)|kostenlos und unverbindlich|geld-zuruck-garantie)',
    strength: 0.35,
    lang: 'de',
  },
  { pattern: '(?:jetzt (?:zugreifen|bestellen|sichern|starten|registrieren)|hier klicken)', strength: 0.25, lang: 'de' },
  // Portuguese
  {
    pattern:
      '(?:por tempo limitado|oferta (?:imperdivel|limitada|exclusiva)|ultimas unidades|nao perca (?:essa|esta|tempo)|garanta (?:ja|agora|o seu))',
    strength: 0.3,
    lang: 'pt',
  },
  { pattern: '(?:100 ?% (?:gratis|gratuito|garantido)|sem (?:compromisso|risco)|clique (?:abaixo|aqui agora))', strength: 0.3, lang: 'pt' },
  // Spanish
  {
    pattern: '(?:por tiempo limitado|oferta (?:exclusiva|limitada)|ultimas unidades|no te lo pierdas|no pierdas (?:esta|tu) oportunidad)',
    strength: 0.3,
    lang: 'es',
  },
  { pattern: '(?:100 ?% gratis|sin (?:riesgo|compromiso)|haz clic (?:abajo|aqui ahora))', strength: 0.3, lang: 'es' },
  // French
  {
    pattern: '(?:offre (?:limitee|exclusive)|duree limitee|dans la limite des stocks|ne manquez pas|ne tardez pas)',
    strength: 0.3,
    lang: 'fr',
  },
  { pattern: '(?:100 ?% (?:gratuit|gratuite|garanti)|sans risque|satisfait ou rembourse|cliquez ci-dessous)', strength: 0.3, lang: 'fr' },
  // Dutch
  {
    pattern: '(?:beperkte tijd|op=op|wacht niet langer|mis het niet|alleen vandaag|100 ?% gratis|geheel vrijblijvend|klik hieronder)',
    strength: 0.3,
    lang: 'nl',
  },
];
