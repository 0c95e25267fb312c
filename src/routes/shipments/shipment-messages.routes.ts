import { createRoute } from '@hono/zod-openapi';
import {
  CustomerMessageListSchema,
  CustomerMessageSchema,
  MessageLanguageQuerySchema,
  messageIdParam,
} from '../../schemas/message.schema';
import { withExamples } from '../../schemas/problem.examples';
import { problem } from '../../schemas/problem.schema';
import { ShipmentParamsSchema, ShopQuerySchema } from '../../schemas/shipment.schema';
import { noBodyErrors } from '../api-key-contract';
import { keyedErrors, ROLES, security, tags } from '../orders/orders.routes';
import { jsonResponse } from '../router';

const delayExample = {
  id: 'delay',
  kind: 'delay_notice',
  subject: 'Ваш заказ № 1001 по накладной 1234567890 задерживается',
  text: 'Здравствуйте, Анна Петрова!\n\nВаш заказ № 1001 по накладной 1234567890 задерживается: мы обещали доставить его до 11 марта 2025 г., но он ещё не у вас. Приносим извинения: вы должны были получить от нас совсем другой сервис.\n\nПричина: курьер службы доставки «Посылки СДЭК» не успел по графику.\n\nНовая дата доставки — 14 марта 2025 г.; …',
} as const;

const notLate =
  'No such shipment (another shop’s is not revealed), or it is not late or already delivered: then it has no delay notice (`not-found`)';

export const shipmentMessagesRoute = createRoute({
  method: 'get',
  path: '/v1/shipments/{shipmentId}/messages',
  operationId: 'getShipmentMessages',
  tags,
  security,
  summary: 'The delay notice of a late shipment',
  description: `${ROLES.read} What the shop tells its customer while a shipment is late and still on its way, before any claim: the reason (the latest reschedule’s, when the carrier gave one), the real new date if known (the rescheduled \`promisedDate\`), and the options: pick the parcel up in person, meet the courier, or buy elsewhere. Same parts as a claim’s drafts (greeting, the problem and an apology, the reason, what was done, the options, the amends), signed with the shop’s legal name. A B2B order’s notice is formal and states the contractual per-day penalty (the carrier policy’s late rate of the delivery cost, and what it comes to per day). A shipment not late, or delivered, has none: 404.`,
  request: {
    params: ShipmentParamsSchema,
    query: MessageLanguageQuerySchema.extend(ShopQuerySchema.shape),
  },
  responses: {
    200: jsonResponse(CustomerMessageListSchema, 'The delay notice (one item, id `delay`)', {
      items: [delayExample],
    }),
    422: problem(422, 'Bad shipment id, shopId or language'),
    ...keyedErrors(notLate),
    404: withExamples(problem(404, notLate), 'noDelayNotice'),
  },
});

export const shipmentMessageSentRoute = createRoute({
  method: 'post',
  path: '/v1/shipments/{shipmentId}/messages/{messageId}/sent',
  operationId: 'recordShipmentMessageSent',
  tags,
  security,
  summary: 'Record that the delay notice went out',
  description: `${ROLES.read} Stamps \`sentAt\` on the shipment’s delay notice. The first time recorded stays: calling again (a retry) answers the same \`sentAt\`. No body.`,
  request: {
    params: ShipmentParamsSchema.extend(messageIdParam('delay')),
    query: MessageLanguageQuerySchema.extend(ShopQuerySchema.shape),
  },
  responses: {
    200: jsonResponse(CustomerMessageSchema, 'The notice, with `sentAt`', {
      ...delayExample,
      sentAt: '2025-03-12T09:05:00.000Z',
    }),
    422: problem(422, 'Bad shipment id, message id, shopId or language'),
    ...keyedErrors(
      `${notLate}; a claim’s message id (\`ack\`, \`decision\`, \`payment\`) is no shipment’s`,
    ),
    ...noBodyErrors,
  },
});
