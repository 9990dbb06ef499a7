import type { Phrase, PhraseLanguage } from '../language/lexicon.ts';

/**
 * A lexicon phrase as the language detectors define it, plus Dutch: much of the dating, solar
 * and diet spam reaching European mailboxes is Dutch. `lang` only documents the phrase;
 * matching never reads it.
 */
export type SpamPhrase = Omit<Phrase, 'lang'> & { lang: PhraseLanguage | 'nl' };
