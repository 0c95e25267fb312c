/**
 * What the Worker bundle (and the workerd tests) get for `@smithy/core/event-streams`
 * (wrangler.toml [alias]).
 *
 * The AWS SDK loads its event-stream codec (15 KB minified) with a dynamic import, only for
 * operations that stream events. No DynamoDB operation does, but a bundler cannot know that,
 * so the bundle carries this stand-in instead.
 */
import { notBundled } from './not-bundled';

export const EventStreamSerde = notBundled('@smithy/core/event-streams', 'EventStreamSerde');
export const eventStreamSerdeProvider = notBundled(
  '@smithy/core/event-streams',
  'eventStreamSerdeProvider',
);
