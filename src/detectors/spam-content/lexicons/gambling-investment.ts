import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Casino and betting offers, crypto "earning platforms" and get-rich schemes: deposit bonuses
 * and free spins, guaranteed daily returns, balances waiting to be withdrawn. Finance news
 * talks about bitcoin and returns too, so phrases carry the promise (free spins, triple your
 * deposit, passive income) rather than the asset.
 */
export const GAMBLING_INVESTMENT_PHRASES: readonly SpamPhrase[] = [
  // English: gambling
  { pattern: '\\d+ (?:free spins|freespins)', strength: 0.6, lang: 'en' },
  { pattern: '(?:free spins|welcome bonus|deposit bonus|no deposit bonus|first deposit)', strength: 0.35, lang: 'en' },
  { pattern: '\\d+ ?% (?:welcome |deposit |match |casino )?bonus', strength: 0.4, lang: 'en' },
  { pattern: '(?:double|triple) your (?:deposit|bitcoin|crypto|money|investment)', strength: 0.5, lang: 'en' },
  {
    pattern:
      '(?:online casino|casino (?:slots|games|bonus)|licensed casino|sports? ?betting|place your bets?|multiply your winnings|jackpots? up to)',
    strength: 0.5,
    lang: 'en',
  },
  // English: investment and get-rich
  {
    pattern: '(?:earn|make|making|generate|generating) (?:up to )?\\$ ?[\\d,.]+k? (?:per|a|every) (?:day|week|month|hour)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: 'passive income', strength: 0.35, lang: 'en' },
  { pattern: '(?:guaranteed|daily|weekly) (?:returns|profits?|roi|payouts?)', strength: 0.4, lang: 'en' },
  {
    pattern:
      '(?:ai[- ]driven|ai[- ]powered|automated|auto) (?:bitcoin |crypto )?(?:trading|earning) (?:platform|bot|robot|software|system)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: '(?:bitcoin|crypto|btc) (?:earning|mining|trading) (?:platform|account|balance)', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:mining balance|withdraw (?:your )?(?:remaining )?(?:funds|profits|earnings|balance)|available for withdrawal)',
    strength: 0.4,
    lang: 'en',
  },
  { pattern: '(?:free|claim) (?:bitcoins?|btc|usdt|crypto) (?:every hour|now|daily)', strength: 0.5, lang: 'en' },
  { pattern: '(?:get rich|become a (?:bitcoin |crypto )?millionaire|financial freedom|quit your (?:9-5|job))', strength: 0.25, lang: 'en' },
  { pattern: '\\d+ ?% apy', strength: 0.3, lang: 'en' },
  {
    pattern: '(?:no deposit (?:needed|required|bonus)|free chips?|stake your (?:\\S+ )?for \\d+ ?% (?:yields|apy|returns))',
    strength: 0.45,
    lang: 'en',
  },
  // German
  { pattern: '\\d+ freispiele(?:n)?', strength: 0.6, lang: 'de' },
  {
    pattern: '(?:einzahlungsbonus|willkommensbonus|sportwetten|casinospiele|online-casino|online casino|casino-slots)',
    strength: 0.5,
    lang: 'de',
  },
  {
    pattern: '(?:reich (?:zu )?(?:werden|wird)|bitcoin-millionar|passives einkommen|geld verdienen von zu hause)',
    strength: 0.5,
    lang: 'de',
  },
  { pattern: '(?:ihre|deine) (?:bitcoin|krypto)-?auszahlung', strength: 0.5, lang: 'de' },
  // Portuguese
  {
    pattern: '(?:rodadas gratis|giros gratis|bonus de (?:boas-vindas|deposito)|cassino online|apostas esportivas)',
    strength: 0.5,
    lang: 'pt',
  },
  {
    pattern: '(?:renda (?:extra|passiva)|ganhar dinheiro (?:em casa|na internet|online|todos os dias)|lucros? garantidos?)',
    strength: 0.5,
    lang: 'pt',
  },
  // Spanish
  {
    pattern: '(?:tiradas gratis|giros gratis|bono de (?:bienvenida|deposito)|casino online|apuestas deportivas)',
    strength: 0.5,
    lang: 'es',
  },
  { pattern: '(?:ingresos pasivos|ganar dinero (?:desde casa|en internet|online)|ganancias garantizadas)', strength: 0.5, lang: 'es' },
  // French
  { pattern: '(?:tours gratuits|bonus de bienvenue|casino en ligne|paris sportifs)', strength: 0.5, lang: 'fr' },
  {
    pattern: "(?:revenus? passifs?|gagner de l'argent (?:depuis chez vous|en ligne|facilement)|gains garantis)",
    strength: 0.5,
    lang: 'fr',
  },
  // Dutch
  { pattern: '(?:gratis spins|welkomstbonus|online casino|stortingsbonus)', strength: 0.5, lang: 'nl' },
  { pattern: '(?:passief inkomen|geld verdienen (?:vanuit huis|online))', strength: 0.5, lang: 'nl' },
];
