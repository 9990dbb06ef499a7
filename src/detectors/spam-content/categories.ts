import type { ScanContext } from '../../pipeline/scan-context.ts';
import { compileLexicon, type Phrase, type PhraseMatch, phrasesInMessage } from '../language/lexicon.ts';
import { languageText } from '../language/message-text.ts';
import { DATING_PHRASES } from './lexicons/dating.ts';
import { EXPIRY_LURE_PHRASES } from './lexicons/expiry-lure.ts';
import { GAMBLING_INVESTMENT_PHRASES } from './lexicons/gambling-investment.ts';
import { HEALTH_PHRASES } from './lexicons/health.ts';
import { LEADGEN_PHRASES } from './lexicons/leadgen.ts';
import { LOAN_DEBT_PHRASES } from './lexicons/loan-debt.ts';
import { MARKETING_PRESSURE_PHRASES } from './lexicons/marketing-pressure.ts';
import { REPLICA_GOODS_PHRASES } from './lexicons/replica-goods.ts';
import { SEO_SERVICES_PHRASES } from './lexicons/seo-services.ts';
import type { SpamPhrase } from './spam-phrase.ts';

/**
 * All spam lexicons are compiled into one and matched in a single pass per message, against the
 * normalised text the language detectors already built; the matches are then sorted back into
 * their categories and cached. Walking the words of a long newsletter once instead of nine
 * times is what keeps the whole area at tens of microseconds per message.
 *
 * Where two categories could match at the same word, the one listed first here gets it, so
 * the offer categories come before the generic pressure phrases.
 */
const LEXICONS = {
  health: HEALTH_PHRASES,
  dating: DATING_PHRASES,
  'gambling-investment': GAMBLING_INVESTMENT_PHRASES,
  'loan-debt': LOAN_DEBT_PHRASES,
  leadgen: LEADGEN_PHRASES,
  'seo-services': SEO_SERVICES_PHRASES,
  'replica-goods': REPLICA_GOODS_PHRASES,
  'expiry-lure': EXPIRY_LURE_PHRASES,
  'marketing-pressure': MARKETING_PRESSURE_PHRASES,
} as const satisfies Record<string, readonly SpamPhrase[]>;

export type SpamCategory = keyof typeof LEXICONS;

const CATEGORY_OF = new Map<SpamPhrase, SpamCategory>();
for (const [category, phrases] of Object.entries(LEXICONS) as [SpamCategory, readonly SpamPhrase[]][]) {
  for (const phrase of phrases) CATEGORY_OF.set(phrase, category);
}

/** `lang` is descriptive only; a Dutch phrase is a valid lexicon phrase as far as matching goes. */
const SPAM_LEXICON = compileLexicon('spam-content', [...CATEGORY_OF.keys()] as readonly Phrase[]);

/** Distinct phrases found per category (categories without any are absent), computed once per message. */
export function spamMatches(ctx: ScanContext): ReadonlyMap<SpamCategory, PhraseMatch[]> {
  return ctx.feature('spam-content.matches', () => {
    const byCategory = new Map<SpamCategory, PhraseMatch[]>();
    for (const match of phrasesInMessage(SPAM_LEXICON, languageText(ctx))) {
      const category = CATEGORY_OF.get(match.phrase);
      if (!category) continue;
      const list = byCategory.get(category) ?? [];
      list.push(match);
      byCategory.set(category, list);
    }
    return byCategory;
  });
}
