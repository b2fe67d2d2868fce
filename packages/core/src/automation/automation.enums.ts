import { registerEnumType } from 'type-graphql';

export enum RunStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  /** Gave up after the last retry; a webhook delivery can be replayed. */
  FAILED = 'FAILED',
}

registerEnumType(RunStatus, { name: 'AutomationRunStatus' });
