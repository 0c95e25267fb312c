import { z } from '@hono/zod-openapi';
import { MESSAGE_IDS, MESSAGE_KINDS } from '../messages/claim-messages';
import { erasedMark } from './erased.schema';

/**
 * A message's id, as listed (`CustomerMessage.id`) and as `…/messages/{messageId}/sent` takes
 * it: one type, so a client passes a listed id on with no guard. A claim has `ack`, then
 * `decision` and `payment`; a late shipment `delay`. An id the claim or shipment has no
 * message for (yet) is a 404.
 */
export const MessageIdSchema = z.enum(MESSAGE_IDS).openapi('CustomerMessageId', {
  example: 'ack',
  description:
    'Stable per claim and kind: a claim’s `ack`, `decision`, `payment`; a late shipment’s `delay`',
});

/** `messageId` as a path parameter, shown with `example`. @example params: ClaimIdParamsSchema.extend(messageIdParam('ack')) */
export const messageIdParam = (example: (typeof MESSAGE_IDS)[number]) => ({
  messageId: MessageIdSchema.openapi({ param: { name: 'messageId', in: 'path', example } }),
});

export const CustomerMessageSchema = z
  .object({
    id: MessageIdSchema,
    kind: z.enum(MESSAGE_KINDS),
    subject: z.string().openapi({ example: 'Мы уже занимаемся: ваша посылка 1234567890' }),
    text: z.string().openapi({
      description:
        'Plain text, paragraphs separated by a blank line: greeting, the problem and an apology, the reason, what was done, the options, the amends, the signature',
    }),
    sentAt: z.string().optional().openapi({ description: 'When the shop recorded sending it' }),
    personalData: erasedMark,
  })
  .openapi('CustomerMessage');

export const CustomerMessageListSchema = z
  .object({ items: z.array(CustomerMessageSchema) })
  .openapi('CustomerMessageList');

export const MessageLanguageQuerySchema = z.object({
  lang: z
    .enum(['ru', 'en'])
    .default('ru')
    .openapi({ description: 'The language of the drafts (default ru)' }),
});
