/**
 * Html forms inside the message body that ask for a password or for login details. Mail
 * clients rarely need forms at all; a password field in a message is a credential harvester
 * that does not even need the reader to open a website.
 *
 * Threat: an "Office 365 session expired" message whose body holds `<input type="password">`
 * and posts to a script on a compromised site.
 *
 * Known false positives: newsletter sign-up and search boxes ask for an e-mail address or a
 * query only; they do not count unless a field asks for a password.
 */
import { clipEvidence, type SignalDefinition, type SignalHit } from '../../core/signal.ts';
import type { Detector } from '../../pipeline/detector.ts';

const SIGNALS = [
  {
    id: 'URL_PASSWORD_FORM',
    group: 'links',
    weight: 6,
    indicates: 'phish',
    description: 'The message body contains a form with a password field, which sends whatever the reader types to the sender.',
  },
] as const satisfies readonly SignalDefinition[];

export const credentialFormDetector: Detector = {
  id: 'links.credential-form',
  stage: 'analyze',
  signals: SIGNALS,
  run(ctx) {
    const withPassword = ctx.message.forms.filter((form) => form.hasPassword);
    if (withPassword.length === 0) return [];
    const evidence = withPassword
      .slice(0, 3)
      .map((form) =>
        clipEvidence(`${form.method.toUpperCase()} ${form.action || '(no action)'} [${form.inputNames.slice(0, 5).join(', ')}]`),
      );
    const hits: SignalHit[] = [{ id: 'URL_PASSWORD_FORM', evidence }];
    return hits;
  },
};
