/**
 * The answers every conditional write of a claim can give (a move, an assignment, a cause):
 * a stale `If-Match`, and, sent without it, another change landing first.
 */
import { withExamples } from '../../schemas/problem.examples';
import { conflictProblem, problem } from '../../schemas/problem.schema';

/** 412: the version sent in `If-Match` is no longer the claim's. */
export const staleClaim = withExamples(
  problem(412, 'If-Match is stale: the claim changed since you read it (`currentVersion`)'),
  'stale',
);

/** 409 of a write other than a move: without `If-Match`, another change landed first. */
export const claimChangedMeanwhile = conflictProblem(
  'Sent without `If-Match`, another change of the claim landed first (`conflict`); read it and retry',
  'conflict',
);
