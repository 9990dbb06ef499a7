import type { SpamPhrase } from '../spam-phrase.ts';

/**
 * Dating, adult and hookup spam: "hot Russian singles", "she wants to meet you tonight",
 * "no fake profiles". Explicit words count only in phrases that invite the reader; a news
 * story or a mailing-list thread about sexuality never says "singles in your area".
 */
export const DATING_PHRASES: readonly SpamPhrase[] = [
  // English
  {
    pattern:
      '(?:hot|lonely|beautiful|charming|attractive|sexy|horny|local|single) (?:russian |ukrainian |asian |latin |mature )?(?:singles|girls|women|ladies|milfs|wives) (?:are |who are )?(?:waiting|looking|seeking|near you|in your (?:area|town|city)|want)',
    strength: 0.7,
    lang: 'en',
  },
  {
    pattern:
      '(?:hot|lonely|beautiful|charming|attractive|sexy|horny) (?:russian|ukrainian|asian|latin) (?:singles|girls|women|brides|ladies)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: '(?:meet|date|dating|chat with) (?:hot |local |lonely |sexy |beautiful )?(?:russian |ukrainian )?singles',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:singles|girls|women|milfs) (?:in|near) your (?:area|town|city)', strength: 0.6, lang: 'en' },
  { pattern: '(?:wants|want|dreams of|eager) to (?:meet|fuck|date|hook up with|chat with) (?:you|me)', strength: 0.35, lang: 'en' },
  {
    pattern:
      '(?:no fake profiles|casual (?:sex|encounters)|one night stand|adult (?:dating|friend finder)|sex (?:date|for everyone|tonight)|rough sex)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:hookups?|nude (?:photos|pics|videos))', strength: 0.25, lang: 'en' },
  { pattern: '(?:see|view|check) (?:my |her )?(?:private |hot |naked )?(?:photos|pics)', strength: 0.3, lang: 'en' },
  { pattern: "i (?:am|'m) (?:a )?(?:lonely|single) (?:ordinary )?(?:woman|girl|lady)", strength: 0.6, lang: 'en' },
  {
    pattern: '(?:seeking|looking for) (?:a )?(?:hot guy|real man|true love|new flirt|serious relationship with you)',
    strength: 0.4,
    lang: 'en',
  },
  { pattern: '(?:suck your|your penis|my pussy|wet pussy)', strength: 0.6, lang: 'en' },
  // German
  {
    pattern:
      '(?:heiße|heisse|geile|einsame|russische|ukrainische) (?:russische |ukrainische )?(?:singles|girls|frauen|madchen|braute|hausfrauen)',
    strength: 0.6,
    lang: 'de',
  },
  { pattern: 'singles in (?:ihrer|deiner) (?:nahe|umgebung|stadt)', strength: 0.6, lang: 'de' },
  { pattern: '(?:siehe|sieh dir) (?:private |heiße |heisse )?fotos', strength: 0.35, lang: 'de' },
  { pattern: '(?:intim werden|sexdate|seitensprung|erotische? (?:kontakte|treffen)|ficken|keine fake-profile)', strength: 0.5, lang: 'de' },
  { pattern: '(?:finden sie|finde) (?:ihre|deine) (?:ideale|traum)(?:frau|partnerin)', strength: 0.5, lang: 'de' },
  {
    pattern: '(?:traumliebe|lustigen dates|(?:slawische|ukrainische|russische) frauen warten|(?:schone|heiße|heisse) ukrainische frau)',
    strength: 0.5,
    lang: 'de',
  },
  { pattern: '(?:schau dir mein profil|meine bilder an|wir wohnen in der nahe)', strength: 0.3, lang: 'de' },
  // Dutch
  { pattern: '(?:hete|eenzame|mooie|prachtige) (?:oekraiense |russische )?(?:singles|meisjes|vrouwen)', strength: 0.6, lang: 'nl' },
  { pattern: '(?:oekraiense|russische) (?:meisjes?|vrouwen|singles)', strength: 0.5, lang: 'nl' },
  {
    pattern: '(?:neuken|geen nepprofielen|sexdate|datingwebsite|datingpromotie|flirt avontuur|naakte (?:foto|video))',
    strength: 0.5,
    lang: 'nl',
  },
  { pattern: '(?:elkaar|jou|je) (?:ontmoeten|te ontmoeten) (?:en neuken|op valentijn|vanavond)', strength: 0.5, lang: 'nl' },
  // Portuguese
  {
    pattern: '(?:mulheres|garotas|meninas|solteiras) (?:gostosas |safadas )?(?:perto de voce|na sua (?:regiao|cidade)|esperando por voce)',
    strength: 0.6,
    lang: 'pt',
  },
  { pattern: '(?:encontros? (?:casuais|quentes)|sexo casual|fotos (?:intimas|nuas))', strength: 0.5, lang: 'pt' },
  // Spanish
  { pattern: '(?:mujeres|chicas|solteras) (?:calientes )?(?:cerca de ti|en tu (?:zona|ciudad)|te esperan)', strength: 0.6, lang: 'es' },
  { pattern: '(?:citas? (?:casuales|calientes)|sexo casual|fotos (?:intimas|desnuda))', strength: 0.5, lang: 'es' },
  // French
  {
    pattern: '(?:femmes|celibataires|filles) (?:chaudes |seules )?(?:pres de chez (?:vous|toi)|dans votre (?:region|ville)|vous attendent)',
    strength: 0.6,
    lang: 'fr',
  },
  { pattern: "(?:rencontres? (?:coquines?|sans lendemain|d'un soir)|plan cul)", strength: 0.6, lang: 'fr' },
];
