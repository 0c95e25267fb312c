import { getCalendar } from '../domain/calendar';
import { computeDamaged, computeLate, computeLost } from '../domain/compensation';
import { resolvePolicy } from '../domain/policies';
import { computeWeight } from '../domain/weight';
import { requestExamples as req } from '../schemas/examples';

const policy = resolvePolicy(undefined);

/** Response examples for the OpenAPI document, computed by the code that answers. */
export const examples = {
  weight: computeWeight(structuredClone(req.weight), { policy }),
  late: computeLate(structuredClone(req.late), { policy, calendar: getCalendar('RU') }),
  lost: computeLost(structuredClone(req.lost), { policy }),
  damaged: computeDamaged(structuredClone(req.damaged), { policy }),
};
