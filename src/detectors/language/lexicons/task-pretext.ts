import type { Phrase } from '../lexicon.ts';

/**
 * The opening moves of executive impersonation: check the target is there, ask for a quick
 * favour, explain why calling is impossible, move the talk to a phone number.
 */
export const TASK_PRETEXT_PHRASES: readonly Phrase[] = [
  {
    pattern: 'are you (?:available|around|at your desk|in the office|free|busy)(?: right)?(?: now| at the moment| today| presently)?',
    strength: 0.2,
    lang: 'en',
  },
  { pattern: '(?:do you have|got) a (?:moment|minute|sec|second)\\??', strength: 0.2, lang: 'en' },
  {
    pattern: '(?:i need|need) (?:you to do )?(?:a |some )?(?:quick |small |urgent |little )?(?:favou?r|task|errand)(?: from you| done)?',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:can|could|will) you (?:do|handle|help me with|run|complete) (?:me )?(?:a |an |something )?(?:quick |small |urgent |discreet )?(?:task|favou?r|errand)',
    strength: 0.6,
    lang: 'en',
  },
  { pattern: 'i need you to (?:handle|take care of|process|complete|sort out) (?:a |an |something|this|it)', strength: 0.4, lang: 'en' },
  { pattern: 'keep (?:this|it) (?:confidential|between us|private|discreet|to yourself)', strength: 0.35, lang: 'en' },
  {
    pattern:
      "(?:i'?m|i am|am) (?:currently )?(?:in|tied up (?:in|with)|stuck in|heading into|busy in) (?:a |an )?(?:meeting|conference|board meeting|conference call)",
    strength: 0.25,
    lang: 'en',
  },
  {
    pattern: "(?:can'?t|cannot|can not|unable to|won'?t be able to) (?:take|answer|receive|make) (?:any )?(?:calls?|phone calls?)",
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:send|share|text|give) me your (?:cell|mobile|phone|whatsapp|personal) (?:number|#|no|phone number)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern:
      '(?:re-?confirm|confirm|provide|verify|double-check|update|share)(?:/update)? (?:me with )?your (?:current |updated |personal )?(?:cell|mobile|phone|whatsapp)(?: phone)? (?:number|#|no)',
    strength: 0.5,
    lang: 'en',
  },
  {
    pattern: '(?:have|got) an? (?:urgent|quick|small|important|confidential) (?:task|favou?r|errand|assignment)',
    strength: 0.5,
    lang: 'en',
  },
  { pattern: '(?:voce|vc) (?:esta|ta) disponivel|(?:estas|esta usted) disponible', strength: 0.2, lang: 'pt' },
  { pattern: 'posso falar com (?:voce|vc)', strength: 0.3, lang: 'pt' },
  { pattern: '(?:preciso|necesito) (?:de )?(?:um|un|una) (?:favor|favorzinho|pequeno favor|pequeno favor)', strength: 0.5, lang: 'pt' },
  { pattern: '(?:estoy|estou) (?:en una|numa|em uma|en) reuni(?:on|ao)', strength: 0.35, lang: 'es' },
  { pattern: "(?:etes-vous|es-tu|etes vous|es tu) disponible|j'ai besoin d'un (?:petit )?service", strength: 0.45, lang: 'fr' },
  {
    pattern:
      '(?:sind sie|bist du) (?:gerade |jetzt )?(?:erreichbar|verfugbar|im buro)|(?:ich brauche|brauche) (?:einen )?(?:kleinen )?gefallen',
    strength: 0.45,
    lang: 'de',
  },
];
