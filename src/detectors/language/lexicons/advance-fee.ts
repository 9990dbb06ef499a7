import type { Phrase } from '../lexicon.ts';

/**
 * Advance-fee fraud: lottery wins, inheritances, trapped funds and compensation payments that
 * need only the reader's details (and later a fee). Amounts in millions are the tell.
 */
export const ADVANCE_FEE_PHRASES: readonly Phrase[] = [
  {
    pattern:
      "(?:us ?\\$|usd|\\$|eur|euros?|gbp|£|€) ?\\d{1,3}(?:[,. ]\\d{3})*(?:[.,]\\d+)? ?(?:million|m|mil|millones|milhoes|millions)|\\d+(?:[.,]\\d+)? (?:million|millones de|milhoes de|millions d'|millions de) ?(?:us )?(?:dollars|usd|euros?|pounds|dolares|reais)",
    strength: 0.4,
    lang: 'en',
  },
  { pattern: 'next of kin', strength: 0.5, lang: 'en' },
  { pattern: '(?:unclaimed|dormant|abandoned) (?:fund|inheritance|deposit|asset|account|consignment)s?', strength: 0.6, lang: 'en' },
  { pattern: '(?:my|our) (?:late|deceased) (?:client|husband|father|wife|customer)', strength: 0.5, lang: 'en' },
  {
    pattern:
      '(?:lottery|lotto|sweepstakes?|jackpot|email draw|online draw|promotion) (?:draw|winner|winning|award|prize|board|commission|program)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: 'winning (?:number|notification|ticket|email)|congratulations on your (?:\\d{4} )?winning', strength: 0.5, lang: 'en' },
  { pattern: '(?:compensation|covid|relief|scam victims?|restitution) (?:fund|payment|package)', strength: 0.5, lang: 'en' },
  { pattern: 'eligible to receive (?:restitution|compensation|the (?:fund|payment))', strength: 0.5, lang: 'en' },
  { pattern: 'withdraw (?:your|the) (?:funds|balance|profits?|earnings|\\$?[\\d,.]+ ?\\$?)', strength: 0.3, lang: 'en' },
  { pattern: '(?:cloud (?:bitcoin |crypto )?mining|mining (?:balance|profits?|platform))', strength: 0.3, lang: 'en' },
  {
    pattern: '(?:atm (?:visa |master ?)?card|consignment box|diplomatic (?:agent|courier|bag)|security (?:company|vault) (?:in|at))',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:united nations?|imf|world bank|fbi|un) (?:compensation|approved|payment|debt settlement|office)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:transfer|move|receive) (?:this|the|these) (?:fund|money|sum|amount|inheritance)s? (?:to|into|out of|on my behalf)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:your|a) share of (?:\\d+ ?%|the (?:fund|money|sum|proceeds))|(?:\\d+|thirty|forty|fifty) ?(?:%|percent) (?:of (?:the|this) (?:fund|money|sum|total))',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:your )?full names?,? (?:and )?(?:home |residential |contact )?(?:address|country|telephone|phone|age|occupation)',
    strength: 0.4,
    lang: 'en',
  },
  { pattern: '(?:i have )?(?:decided|wish|want) to (?:donate|will|bequeath) (?:my|the|this)', strength: 0.5, lang: 'en' },
  { pattern: 'diagnosed (?:of|with) (?:cancer|a terminal|an incurable)', strength: 0.5, lang: 'en' },
  { pattern: '(?:confidential|private|lucrative|mutually beneficial) (?:business|transaction|proposal|deal)', strength: 0.4, lang: 'en' },
  { pattern: '(?:you have been|you were) (?:chosen|selected|nominated) (?:as|to be) (?:the |a )?beneficiary', strength: 0.7, lang: 'en' },
  {
    pattern: '(?:reply|respond|contact me) (?:with|via|through|to) (?:my |your )?(?:private|personal) (?:e-?mail|address)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:fundo|dinheiro) (?:fosse|foi|sera) (?:recuperado|transferido|liberado)|(?:minha|sua) (?:propria )?parte do dinheiro',
    strength: 0.4,
    lang: 'pt',
  },
  { pattern: '(?:heranca|beneficiario (?:do|de) (?:fundo|heranca)|premio da loteria|fundos? nao reclamados?)', strength: 0.5, lang: 'pt' },
  {
    pattern: '(?:herencia|beneficiario de (?:la|una) (?:herencia|fondos?)|premio de (?:la )?loteria|fondos? no reclamados?)',
    strength: 0.5,
    lang: 'es',
  },
  {
    pattern: "(?:beneficiaire (?:d'un|du) (?:fonds|heritage)|gagnant de la loterie|fonds non reclames|votre heritage)",
    strength: 0.5,
    lang: 'fr',
  },
  { pattern: '(?:erbschaft|nachlass|lotteriegewinn|begunstigter (?:des|eines) (?:fonds|nachlasses))', strength: 0.5, lang: 'de' },
  { pattern: '(?:eredita|vincitore della lotteria|beneficiario (?:del|di un) fondo)', strength: 0.5, lang: 'it' },
];
