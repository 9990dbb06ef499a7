import type { Detector } from '../../pipeline/detector.ts';
import { dateDetector } from './date.ts';
import { displayNameAddressDetector } from './display-name-address.ts';
import { displayNameBrandDetector } from './display-name-brand.ts';
import { displayNameDisguiseDetector } from './display-name-disguise.ts';
import { displayNameOrgDetector } from './display-name-org.ts';
import { displayNameVipDetector } from './display-name-vip.ts';
import { freemailRoleDetector } from './freemail-role.ts';
import { fromHeaderDetector } from './from-header.ts';
import { messageIdDetector } from './message-id.ts';
import { recipientsDetector } from './recipients.ts';
import { replyToDetector } from './reply-to.ts';
import { returnPathDetector } from './return-path.ts';

/** Who the message claims to come from, and whether its headers agree: one detector per concern. */
export const senderDetectors: Detector[] = [
  replyToDetector,
  returnPathDetector,
  displayNameAddressDetector,
  displayNameBrandDetector,
  displayNameDisguiseDetector,
  displayNameOrgDetector,
  displayNameVipDetector,
  freemailRoleDetector,
  fromHeaderDetector,
  messageIdDetector,
  recipientsDetector,
  dateDetector,
];
