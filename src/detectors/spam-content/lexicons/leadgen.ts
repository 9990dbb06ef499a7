import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Lead generation: solar panels for $0, home warranties, insurance and repair-coverage quotes,
 * gutter guards, replacement windows, timeshare exits, hearing aids, "energy-saving devices".
 * The aim is a form filled in with name and phone. Retailer newsletters also say "free quote"
 * or "save on", so phrases name the product together with the hook.
 */
export const LEADGEN_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern:
      '(?:solar|solar panels?|solar installation) for \\$ ?0|\\$ ?0 (?:out of pocket|down) solar|(?:federal|government) solar (?:incentives?|program|tax credit)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:homeowners in|best solar deals in) your (?:zip code|area|city|state)', strength: 0.5, lang: 'en' },
  {
    pattern: '(?:is your home eligible|say (?:bye|goodbye) to your (?:power|electric|energy) bill|cut your (?:electric|power|energy) bill)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:free|request a free|get a free|get your free) (?:home |auto |car |life |appliance |health |pet )?insurance quotes?',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:home warranty|extended (?:car |auto |vehicle )?warranty|vehicle protection (?:plan)?|repair coverage quote)',
    strength: 0.45,
    lang: 'en',
  },
  {
    pattern:
      '(?:sell your (?:house|home) fast|get a cash offer (?:for your (?:house|home) )?today|costly auto repair bills|you could save thousands through)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:auto|car|home|life|mortgage) insurance (?:as low as|from) \\$ ?\\d+|as low as \\$ ?\\d+ ?/ ?(?:month|mo) (?:auto|car|home|life)? ?insurance',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:gutter guard (?:system|installation)|clogged gutters|leaf ?filter gutter)', strength: 0.5, lang: 'en' },
  {
    pattern:
      '(?:walk-in (?:tubs?|showers?)|window (?:replacement|savings)|new windows? savings|stair ?lifts?|medical alert (?:system|device)|hearing aids?)',
    strength: 0.35,
    lang: 'en',
  },
  { pattern: '(?:timeshare (?:exit|cancellation|relief)|cancel your timeshare|get out of your timeshare)', strength: 0.6, lang: 'en' },
  {
    pattern: '(?:free quotes? now|get (?:your )?free quotes? today|compare (?:free )?quotes (?:from|in) your area)',
    strength: 0.35,
    lang: 'en',
  },
  { pattern: '(?:enter your zip code|check your eligibility in \\d+ seconds|see if you qualify)', strength: 0.3, lang: 'en' },
  // Dutch
  { pattern: 'zonnepanelen', strength: 0.4, lang: 'nl' },
  {
    pattern: '(?:vrijblijvend (?:offertes?|advies)|gratis offertes?|offertes? (?:ontvangen|aanvragen|vergelijken))',
    strength: 0.35,
    lang: 'nl',
  },
  { pattern: '(?:warmtepomp|thuisbatterij|isolatie|energierekening) (?:besparen|subsidie|offerte|verlagen)', strength: 0.5, lang: 'nl' },
  // German
  {
    pattern:
      '(?:stromrechnung|stromkosten|heizkosten) (?:um \\d+ ?% )?(?:senkt|senken|reduzieren|sparen)|(?:reduzieren|senken) sie (?:ihre )?(?:stromrechnung|stromkosten|heizkosten)',
    strength: 0.5,
    lang: 'de',
  },
  {
    pattern:
      '(?:hohen stromrechnungen|jetzt autark werden|solaranlage (?:ohne|fur 0)|balkonkraftwerk|photovoltaik-?anlage (?:kostenlos|gratis|ohne))',
    strength: 0.5,
    lang: 'de',
  },
  { pattern: '(?:kostenloses angebot anfordern|unverbindliches angebot)', strength: 0.3, lang: 'de' },
  { pattern: 'gratis angebot (?:innerhalb von|in) \\d+ sekunden', strength: 0.5, lang: 'de' },
  // French
  {
    pattern: "(?:isolation thermique|pompe a chaleur|panneaux solaires|adoucisseur d'eau|renovation energetique)",
    strength: 0.4,
    lang: 'fr',
  },
  {
    pattern: "(?:aide pour (?:l'amelioration|la renovation) de votre logement|sans engagement|devis gratuit|primes? (?:energie|renov))",
    strength: 0.35,
    lang: 'fr',
  },
  // Portuguese
  {
    pattern:
      '(?:paineis solares|energia solar) (?:sem custo|gratis|com desconto)|(?:reduza|economize) (?:ate \\d+ ?% )?(?:na|sua) conta de luz',
    strength: 0.5,
    lang: 'pt',
  },
  {
    pattern:
      '(?:planos? de saude|seguro (?:auto|de vida|residencial)) (?:com desconto|para sua analise|economize|a partir de|que cabe no seu bolso)',
    strength: 0.5,
    lang: 'pt',
  },
  {
    pattern: '(?:tabela promocional|proposta (?:promocional )?exclusiva (?:no|para o|do) plano|carencia zero|cote (?:online )?um plano)',
    strength: 0.35,
    lang: 'pt',
  },
  {
    pattern: '(?:reducao|economia) de ate \\d+ ?%\\*? no (?:valor do )?(?:seu )?plano|receba (?:agora )?(?:uma|sua) cotacao',
    strength: 0.3,
    lang: 'pt',
  },
  // Spanish
  {
    pattern:
      '(?:placas solares|paneles solares) (?:gratis|sin coste|sin costo|subvencionad[oa]s)|(?:ahorra|reduce) (?:en )?(?:tu|su) factura de (?:la )?luz',
    strength: 0.5,
    lang: 'es',
  },
  { pattern: '(?:presupuesto gratis|sin compromiso)', strength: 0.3, lang: 'es' },
];
