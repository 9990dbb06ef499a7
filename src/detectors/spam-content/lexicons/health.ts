import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Miracle health products: weight lost without diet, fungus and joint pain gone overnight,
 * diabetes "reversed", pills without prescription, the cure "doctors hate". Health news and
 * medical mailing lists talk about the same conditions, so phrases name the promise (a
 * number of kilos in a number of weeks, a weird trick, no prescription) rather than the condition.
 */
export const HEALTH_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern:
      '(?:lose|lost|drop|dropped|shed|melt|melted|burn) (?:up to |around |over |a huge |no less than )?\\d+ ?(?:lbs|pounds|kg|kilos)',
    strength: 0.35,
    lang: 'en',
  },
  { pattern: '\\d+ ?(?:lbs|pounds|kg) (?:gone )?in (?:just |less than |only )?\\d+ (?:days|weeks)', strength: 0.6, lang: 'en' },
  { pattern: '(?:stubborn|belly|unwanted) (?:fat|lbs|pounds)', strength: 0.4, lang: 'en' },
  {
    pattern: '(?:weird|strange|odd|bizarre|little-known|bedtime|kitchen|\\d+[- ]second) (?:\\S+ )?(?:trick|hack|ritual|tonic|remedy)',
    strength: 0.35,
    lang: 'en',
  },
  { pattern: 'without (?:dieting|diet or exercise|exercise or diet|any exercise|a prescription|prescription)', strength: 0.4, lang: 'en' },
  { pattern: "doctors? (?:hate|are (?:stunned|baffled|speechless)|won't tell you|don't want you to know)", strength: 0.7, lang: 'en' },
  { pattern: '(?:shocked|baffled|stunned) the medical (?:community|world|establishment)', strength: 0.7, lang: 'en' },
  { pattern: '(?:nail|toenail|foot) fungus', strength: 0.5, lang: 'en' },
  {
    pattern:
      '(?:kills?|destroys?|reverses?|cures?|eliminates?|ends?) (?:high blood sugar|type 2 diabetes|diabetes|joint pain|tinnitus|neuropathy|nail fungus|belly fat|arthritis)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: '(?:miracle|magic) (?:pill|cure|supplement|drink|tonic)', strength: 0.5, lang: 'en' },
  { pattern: '(?:keto|weight loss|slimming|diet|cbd) (?:gummies|pills|capsules|drops)', strength: 0.5, lang: 'en' },
  { pattern: '(?:erectile dysfunction|male enhancement|sexual performance)', strength: 0.4, lang: 'en' },
  { pattern: '(?:cialis|viagra|levitra) \\$ ?\\d', strength: 0.7, lang: 'en' },
  { pattern: '(?:medications?|pills) without (?:the need for )?a prescription', strength: 0.7, lang: 'en' },
  { pattern: 'weight loss (?:failure rate|secret|breakthrough|formula)', strength: 0.5, lang: 'en' },
  {
    pattern: '(?:weight-loss|fat-burning) (?:doubling |\\S+ )?(?:trick|secret|ritual)|trick for (?:women|men) over',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:reverse|reverses|reversing) (?:fatty liver|type 2 diabetes|diabetes|hair loss|neuropathy|memory loss)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:long-forgotten|forgotten|ancient|amazonian|japanese|himalayan) (?:medical )?(?:discovery|remedy|tonic|ritual|secret)',
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:say goodbye to|stop) (?:hair loss|joint pain|nerve pain|belly fat|toenail fungus)|tingling or numbness',
    strength: 0.5,
    lang: 'en',
  },
  // German
  { pattern: '(?:schnellen|schneller|rasanten) gewichtsverlust', strength: 0.5, lang: 'de' },
  { pattern: 'verliert \\d+(?:,\\d+)? ?(?:kg|kilo)', strength: 0.5, lang: 'de' },
  { pattern: 'ohne (?:diat|sport|diat oder sport|rezept)', strength: 0.35, lang: 'de' },
  { pattern: '(?:schmelzen|verbrennen) (?:sie )?(?:fat|fett|bauchfett)', strength: 0.5, lang: 'de' },
  { pattern: 'nagelpilz', strength: 0.5, lang: 'de' },
  { pattern: 'ihr arzt ihnen nicht (?:zeigen|sagen|verraten)', strength: 0.7, lang: 'de' },
  {
    pattern: '(?:blutdruck|blutzucker|gelenkschmerzen|diabetes) (?:uber nacht|in \\d+ tagen) (?:weg|besiegt|geheilt)',
    strength: 0.6,
    lang: 'de',
  },
  { pattern: 'sexuelle leistungsfahigkeit', strength: 0.4, lang: 'de' },
  { pattern: 'wunschgewicht(?: erreichen)?', strength: 0.5, lang: 'de' },
  { pattern: '(?:wundermittel|schlankheitsmittel|abnehmpillen|fettverbrenner|gewichtsreduktion)', strength: 0.4, lang: 'de' },
  { pattern: '(?:fett|kalorien) (?:verbrennt|verbrennen|abbaut|baut mehr kalorien ab)|baut mehr kalorien ab', strength: 0.5, lang: 'de' },
  { pattern: '(?:starke|stahlharte) erektion|aphrodisiak(?:a|um)|potenzmittel', strength: 0.5, lang: 'de' },
  // Portuguese
  { pattern: '(?:emagrecer|eliminar|perder|perca|elimine) (?:ate )?\\d+ ?(?:kg|quilos)', strength: 0.6, lang: 'pt' },
  { pattern: '(?:gordura (?:localizada|da barriga)|barriga chapada)', strength: 0.4, lang: 'pt' },
  { pattern: '(?:sem|nem) (?:dieta|academia|receita medica)', strength: 0.35, lang: 'pt' },
  { pattern: '(?:acabe|acabar) com (?:a )?(?:micose|fungo|dor nas articulacoes|diabetes)', strength: 0.6, lang: 'pt' },
  { pattern: 'os medicos (?:odeiam|nao querem que voce saiba)', strength: 0.7, lang: 'pt' },
  // Spanish
  { pattern: '(?:adelgazar|perder|pierde|baja) (?:hasta )?\\d+ ?(?:kg|kilos)', strength: 0.6, lang: 'es' },
  { pattern: 'sin (?:dieta|hacer ejercicio|receta medica)', strength: 0.35, lang: 'es' },
  { pattern: '(?:grasa abdominal|hongos en las unas|dolor (?:de|en las) articulaciones)', strength: 0.4, lang: 'es' },
  { pattern: 'los medicos (?:odian|no quieren que sepas)', strength: 0.7, lang: 'es' },
  // French
  { pattern: 'perte de poids', strength: 0.3, lang: 'fr' },
  { pattern: '(?:combien de kilos|perdre \\d+ ?(?:kg|kilos))', strength: 0.5, lang: 'fr' },
  { pattern: 'sans (?:regime|ordonnance|faire de sport)', strength: 0.35, lang: 'fr' },
  { pattern: '(?:mycose des ongles|douleurs articulaires)', strength: 0.4, lang: 'fr' },
  // Dutch
  { pattern: '(?:snel )?afvallen (?:zonder|in \\d+)', strength: 0.5, lang: 'nl' },
  { pattern: '\\d+ ?(?:kg|kilo) (?:afvallen|kwijt|lichter)', strength: 0.5, lang: 'nl' },
  { pattern: '(?:buikvet|schimmelnagels|nagelschimmel|gewrichtspijn)', strength: 0.4, lang: 'nl' },
];
