import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Cold pitches for SEO, web design, app development and marketing services: "your website is
 * not ranking on the first page of Google", "I am a web designer, can I send you a quote?".
 * Tech newsletters and lists talk about redesigns and rankings all the time, so phrases are
 * the pitch addressed to the reader's site, never the topic.
 */
export const SEO_SERVICES_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern:
      "(?:your (?:website|site)|you) (?:is |are )?(?:not |isn't )?(?:ranking|showing|appearing|listed|visible) (?:on|in) (?:the )?(?:first|1st|top|front) (?:page|position|results)",
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:first|1st|top|front) page (?:of|on|in) (?:google|bing|yahoo|search engines?)', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:upgrade|repair|redesign|revamp|improve|update) (?:on )?your (?:website|site|web ?site|online presence)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      'i am (?:a |an )?(?:freelance |professional |expert )?(?:web (?:designer|developer)|seo (?:expert|specialist|consultant)|digital marketing (?:expert|specialist|consultant)|app developer)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:seo|search engine optimi[sz]ation) (?:services?|packages?|expert|specialist|audit|report|proposal)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern:
      '(?:can i send you (?:a |our )?(?:quote|proposal|package|price list|portfolio)|portfolio and (?:price list|pricing)|at (?:very )?affordable prices?)',
    strength: 0.3,
    lang: 'en',
  },
  {
    pattern:
      '(?:increase|boost|drive|double|improve) (?:your )?(?:website |site |organic )?(?:traffic|rankings?|sales and leads|online visibility)',
    strength: 0.3,
    lang: 'en',
  },
  { pattern: '(?:high[- ]quality |do-?follow |guest post )?backlinks? (?:for|to) your (?:website|site)', strength: 0.5, lang: 'en' },
  {
    pattern: '(?:noticed|found) (?:a few |some |several )?(?:errors|issues|problems) (?:on|with) your (?:website|site)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:mobile[- ]friendly|responsive) (?:website|design) (?:for your|at)', strength: 0.3, lang: 'en' },
  {
    pattern:
      '(?:if (?:this is something )?you are interested(?:,)? (?:please )?(?:respond|reply|let me know)|are you interested in (?:getting|having|improving|increasing))',
    strength: 0.25,
    lang: 'en',
  },
  // Portuguese
  {
    pattern: '(?:primeira pagina do google|otimizacao (?:de sites|seo)|criacao de sites (?:profissionais|a partir))',
    strength: 0.5,
    lang: 'pt',
  },
  // Spanish
  {
    pattern: '(?:primera pagina de google|posicionamiento (?:seo|web) (?:para tu|para su)|diseno de paginas web (?:profesionales|desde))',
    strength: 0.5,
    lang: 'es',
  },
  // German
  {
    pattern: '(?:erste seite (?:bei|von) google|suchmaschinenoptimierung fur (?:ihre|deine) (?:website|webseite))',
    strength: 0.5,
    lang: 'de',
  },
  // French
  { pattern: '(?:premiere page (?:de|sur) google|referencement (?:naturel )?de votre site)', strength: 0.5, lang: 'fr' },
  // Dutch
  { pattern: '(?:eerste pagina van google|vindbaarheid van uw website)', strength: 0.5, lang: 'nl' },
];
