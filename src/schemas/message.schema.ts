import { z } from '@hono/zod-openapi';
import { MESSAGE_KINDS } from '../messages/claim-messages';

export const CustomerMessageSchema = z
  .object({
    id: z.string().openapi({ example: 'ack', description: 'Stable per claim and kind' }),
    kind: z.enum(MESSAGE_KINDS),
    subject: z.string().openapi({ example: 'Мы уже занимаемся: ваша посылка 1234567890' }),
    text: z.string().openapi({
      description:
        'Plain text, paragraphs separated by a blank line: greeting, the problem and an apology, the reason, what was done, the options, the amends, the signature',
    }),
    sentAt: z.string().optional().openapi({ description: 'When the shop recorded sending it' }),
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
