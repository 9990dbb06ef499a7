import type { StorageHarness } from '../harness.ts';
import { actionsSuite } from './actions-suite.ts';
import { apiKeysSuite } from './api-keys-suite.ts';
import { auditSuite } from './audit-suite.ts';
import { behaviourProfilesSuite } from './behaviour-profiles-suite.ts';
import { isolationSuite } from './isolation-suite.ts';
import { messageListSuite } from './message-list-suite.ts';
import { messagesSuite } from './messages-suite.ts';
import { migrationsSuite } from './migrations-suite.ts';
import { notThreatSuite } from './not-threat-suite.ts';
import { quarantineSuite } from './quarantine-suite.ts';
import { reportsSuite } from './reports-suite.ts';
import { retentionSuite } from './retention-suite.ts';
import { settingsSuite } from './settings-suite.ts';
import { tenantsSuite } from './tenants-suite.ts';

/** Every storage suite, for running the whole contract against one driver. */
export const ALL_SUITES: ((harness: StorageHarness) => void)[] = [
  migrationsSuite,
  tenantsSuite,
  messagesSuite,
  messageListSuite,
  reportsSuite,
  quarantineSuite,
  actionsSuite,
  auditSuite,
  settingsSuite,
  apiKeysSuite,
  notThreatSuite,
  behaviourProfilesSuite,
  retentionSuite,
  isolationSuite,
];
