/**
 * Catches: requests to verify, confirm, update or re-activate an account or password, and the
 * pretexts that lead there (mailbox full, password expiring, unusual sign-in, "sign in to view
 * the document", pending messages to release, wallet recovery phrases).
 * Example threat: "Your mailbox is full. Verify your account within 24 hours to keep receiving mail."
 * Known false positives: genuine security notices from a provider ("unusual sign-in activity")
 * and sign-up mail asking to confirm an email address; both weigh little alone.
 */

import { lexiconDetector } from './lexicon-detector.ts';
import { CREDENTIAL_REQUEST_PHRASES } from './lexicons/credential-request.ts';

export const credentialRequestDetector = lexiconDetector('language.credential-request', [
  {
    signal: {
      id: 'LANG_CREDENTIAL_REQUEST',
      group: 'language',
      weight: 3,
      indicates: 'phish',
      description: 'The message asks the reader to verify, update or sign in to an account, or gives a classic pretext for it.',
    },
    phrases: CREDENTIAL_REQUEST_PHRASES,
  },
]);
