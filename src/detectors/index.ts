/**
 * The one explicit list of detectors the engine runs. A detector that is not here does not run;
 * adding one is a one-line change that shows in review.
 */
import type { Detector } from '../pipeline/detector.ts';
import { attachmentDetectors } from './attachments/index.ts';
import { authDetectors } from './auth/index.ts';
import { behaviourDetectors } from './behaviour/index.ts';
import { bulkMail } from './bulk/bulk-mail.ts';
import { languageDetectors } from './language/index.ts';
import { linkDetectors } from './links/index.ts';
import { mimeStructure } from './mime/structure.ts';
import { contentModel } from './model/content-model.ts';
import { promptInjectionDetectors } from './prompt-injection/index.ts';
import { senderDetectors } from './sender/index.ts';
import { spamContentDetectors } from './spam-content/index.ts';
import { structureDetectors } from './structure/index.ts';

export const DETECTORS: readonly Detector[] = [
  ...authDetectors,
  ...senderDetectors,
  ...linkDetectors,
  ...languageDetectors,
  ...spamContentDetectors,
  ...attachmentDetectors,
  ...promptInjectionDetectors,
  mimeStructure,
  ...structureDetectors,
  bulkMail,
  ...behaviourDetectors,
  contentModel,
];
