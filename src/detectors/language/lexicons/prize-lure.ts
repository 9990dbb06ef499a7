import type { Phrase } from '../lexicon.ts';

/**
 * Too-good-to-be-true rewards: "you have won", "claim your reward", points about to expire,
 * survey gifts and crypto airdrops. Legitimate loyalty mail brushes against this, so the
 * signal weighs little on its own.
 */
export const PRIZE_LURE_PHRASES: readonly Phrase[] = [
  {
    pattern: "(?:you have|you've|you) (?:just )?(?:won|been selected|been chosen) (?:an?|the|to (?:receive|win|participate|take part)|for)",
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:complete|take|answer) (?:this |our |a )?(?:short |quick |brief )?(?:\\d+[- ]second |\\d+[- ]minute )?survey',
    strength: 0.3,
    lang: 'en',
  },
  { pattern: "congratulations,? (?:you(?: have|'ve)?|you are) (?:won|been selected|a winner|our winner)", strength: 0.6, lang: 'en' },
  {
    pattern:
      'claim (?:your|my|the) (?:\\$ ?[\\d,.]+ )?(?:free |exclusive )?(?:reward|prize|gift|bonus|airdrop|tokens|winnings|share|refund|compensation|cash)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:reward|prize|gift|bonus) (?:is )?(?:waiting|awaits|pending|ready)(?: for you)?', strength: 0.35, lang: 'en' },
  {
    pattern: '(?:survey|questionnaire) (?:for a |and (?:get|receive|claim) (?:a |your )?)(?:reward|gift|prize)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:airdrop|token distribution) (?:is )?(?:live|active|claim|eligibility)', strength: 0.5, lang: 'en' },
  { pattern: "you(?: have|'ve) been (?:selected|chosen)", strength: 0.3, lang: 'en' },
  { pattern: '(?:lucky|selected) (?:winner|customer|participant)', strength: 0.25, lang: 'en' },
  { pattern: '(?:voce foi|foi) (?:selecionad[oa]|sorteado|contemplad[oa])', strength: 0.5, lang: 'pt' },
  { pattern: '(?:efetue|faca|realize) o resgate', strength: 0.5, lang: 'pt' },
  {
    pattern: 'pontos (?:acumulados )?(?:disponiveis|prestes a expirar|proximos de expirar|expirando|vao expirar)',
    strength: 0.5,
    lang: 'pt',
  },
  {
    pattern: '(?:resgate|resgatar) (?:agora )?(?:os |seus? |sua |suas )?(?:pontos|premio|saldo|valores|bonus|recompensa)',
    strength: 0.5,
    lang: 'pt',
  },
  {
    pattern: '(?:saldo disponivel para resgate|valores a receber|pontos (?:livelo |esfera )?(?:expirando|vao expirar|irao expirar))',
    strength: 0.5,
    lang: 'pt',
  },
  { pattern: '(?:has sido|ha sido|fuiste) (?:seleccionad[oa]|elegid[oa]|premiad[oa])', strength: 0.5, lang: 'es' },
  { pattern: '(?:reclama|reclame|canjea|canjee) (?:tu|su) (?:premio|regalo|recompensa)|has ganado', strength: 0.6, lang: 'es' },
  { pattern: '(?:reclama|reclame|canjea|canjee) (?:hoy(?: mismo)? )?(?:tus?|sus?)', strength: 0.3, lang: 'es' },
  { pattern: '(?:vous avez ete (?:choisie?|selectionnee?)|gagnez une|gagnez un)', strength: 0.4, lang: 'fr' },
  { pattern: '(?:vous avez (?:gagne|ete selectionne)|(?:reclamez|recuperez) votre (?:cadeau|recompense|prix))', strength: 0.6, lang: 'fr' },
  {
    pattern: '(?:sie wurden|du wurdest|sie sind) (?:als gewinner )?(?:ausgewahlt|ausgelost)|sie haben gewonnen',
    strength: 0.6,
    lang: 'de',
  },
  { pattern: '(?:zu den )?auserwahlten|exklusiv-gewinner|(?:jetzt )?teilnahme bestatigen', strength: 0.5, lang: 'de' },
  { pattern: '(?:ihre|deine) belohnung (?:wartet|ist bereit)', strength: 0.5, lang: 'de' },
  { pattern: 'gewinnen? (?:sie )?(?:einen|eine|ein)', strength: 0.35, lang: 'de' },
  { pattern: '(?:gutschein|geschenkkarte) (?:im wert von \\S+ )?(?:gewinnen|erhalten|sichern)', strength: 0.4, lang: 'de' },
  { pattern: '(?:hai vinto|(?:sei|siete) stat[oaei] selezionat[oaei])', strength: 0.6, lang: 'it' },
];
