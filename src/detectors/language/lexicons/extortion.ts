import type { Phrase } from '../lexicon.ts';

/**
 * Sextortion and hacker-extortion: "I hacked your device, recorded you, pay in bitcoin or the
 * video goes to all your contacts". No real recording exists; the words are the attack.
 */
export const EXTORTION_PHRASES: readonly Phrase[] = [
  {
    pattern:
      "(?:i have|i've|i|we have) (?:hacked|gained (?:full )?access to|infected|compromised|taken control of|got access to) (?:your|all your) (?:device|devices|computer|account|phone|e-?mail|system|operating system|camera)",
    strength: 0.7,
    lang: 'en',
  },
  {
    pattern: '(?:recorded|filmed|captured) (?:a video of )?you (?:while|watching|pleasuring|masturbating|through)',
    strength: 0.7,
    lang: 'en',
  },
  { pattern: '(?:here is|this is|i know) your (?:e-?mail )?password', strength: 0.5, lang: 'en' },
  {
    pattern: 'managed to (?:log ?in|get access|gain access|hack) (?:to |into )?your (?:e-?mail |mail )?(?:account|device|computer)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: "(?:do not|don'?t) (?:try to )?(?:reinstall|reset|format|wipe) your (?:system|device|computer|phone)",
    strength: 0.4,
    lang: 'en',
  },
  { pattern: '(?:adult|porn|xxx) (?:site|website|videos?|content)', strength: 0.25, lang: 'en' },
  {
    pattern: '(?:send|share|forward|publish|leak|release|upload) (?:the|this|that|your) (?:video|recording|footage|compromising)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:to|with) all (?:of )?your (?:contacts|friends|family|colleagues)', strength: 0.3, lang: 'en' },
  { pattern: '(?:bitcoin|btc|litecoin|monero|crypto) (?:wallet |address |wallet address )?(?:below|is|:)', strength: 0.3, lang: 'en' },
  {
    pattern:
      '(?:pay|send|transfer) (?:me )?(?:\\$ ?\\d+|\\d+ ?(?:usd|eur|\\$)|the (?:amount|sum)) (?:in|worth of|of) (?:bitcoin|btc|crypto)',
    strength: 0.6,
    lang: 'en',
  },
  {
    pattern: "(?:do not|don'?t) (?:try to )?(?:contact|report|tell|involve) (?:the )?(?:police|authorities|anyone|cops)",
    strength: 0.4,
    lang: 'en',
  },
  {
    pattern: '(?:you have|you have got|you got) (?:24|48|72|two days|\\d+ hours) (?:hours )?to (?:pay|make the payment|transfer)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:trojan|spyware|keylogger|malware|rat software) (?:on|in|into) your (?:device|computer|system|phone)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:hackeei|invadi|tenho acesso (?:ao|a)) (?:o |a )?(?:seu|sua) (?:dispositivo|computador|conta|celular|e-?mail)',
    strength: 0.7,
    lang: 'pt',
  },
  {
    pattern: '(?:hackee|he hackeado|tengo acceso a) (?:tu|su) (?:dispositivo|ordenador|computadora|cuenta|telefono|correo)',
    strength: 0.7,
    lang: 'es',
  },
  { pattern: "(?:j'ai pirate|j'ai acces a) (?:votre|ton) (?:appareil|ordinateur|compte|telephone)", strength: 0.7, lang: 'fr' },
  { pattern: '(?:ich habe) (?:ihr|ihren|dein|deinen) (?:gerat|konto|computer|telefon) (?:gehackt|infiziert)', strength: 0.7, lang: 'de' },
];
