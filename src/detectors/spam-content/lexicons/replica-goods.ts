import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Counterfeit goods: replica watches and designer handbags "at 90% off", "AAA quality copies",
 * "Swiss-made replica". Hobbyist mail uses "replica" for model cars and props, so the word
 * counts only next to luxury goods or the counterfeit seller's sales language.
 */
export const REPLICA_GOODS_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern:
      '(?:replica|fake|copy|knock-?off|aaa|1:1) (?:swiss |luxury |designer |branded )?(?:watch(?:es)?|rolex|handbags?|bags|purses|sunglasses|sneakers|jewelry)',
    strength: 0.7,
    lang: 'en',
  },
  {
    pattern:
      '(?:rolex|omega|breitling|cartier|patek philippe|tag heuer|hublot|louis vuitton|gucci|prada|chanel|hermes|dior) (?:replicas?|copies|clones)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:aaa|1:1|mirror|top|highest) (?:grade |quality )(?:replicas?|copies)', strength: 0.6, lang: 'en' },
  {
    pattern:
      '(?:designer|luxury|brand ?name) (?:watches|handbags|bags|purses) (?:at|for) (?:\\d+ ?% off|a fraction|discount|wholesale|cheap)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:indistinguishable from the (?:original|real thing)|looks? (?:exactly )?like the (?:original|real thing)|nobody will know the difference)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:cheap|discount|wholesale) (?:rolex|louis vuitton|gucci|prada|chanel|designer handbags|luxury watches)',
    strength: 0.6,
    lang: 'en',
  },
  // German
  {
    pattern: '(?:replika|replica|nachbildung) (?:uhren|taschen|handtaschen|rolex)|(?:uhren|taschen|handtaschen)-?replika',
    strength: 0.7,
    lang: 'de',
  },
  // Portuguese
  {
    pattern: '(?:replicas?|reliquias?) (?:de )?(?:relogios|bolsas|tenis) (?:de luxo|de grife|importad[oa]s|primeira linha)',
    strength: 0.7,
    lang: 'pt',
  },
  // Spanish
  { pattern: '(?:replicas?|imitaciones?) (?:de )?(?:relojes|bolsos|carteras) (?:de lujo|de marca|aaa)', strength: 0.7, lang: 'es' },
  // French
  { pattern: '(?:replique|repliques|copie|copies) (?:de )?(?:montres?|sacs?) (?:de luxe|de marque|suisses?)', strength: 0.7, lang: 'fr' },
  // Dutch
  { pattern: '(?:replica|namaak) (?:horloges|tassen|handtassen)', strength: 0.7, lang: 'nl' },
];
