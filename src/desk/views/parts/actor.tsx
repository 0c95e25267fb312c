/**
 * Who did something, as a desk page shows them: a clerk by the name on their key, the
 * stored id beside it (`clerk:<keyId>`), else by the id alone; a shop by its id.
 */
import type { ActorNames } from '../../../services/clerk-names';

/**
 * @example <Actor id="clerk:d51a772b86707a5b" names={names} /> // Olga Smirnova clerk:d51a772b86707a5b
 */
export function Actor(props: { id: string; names: ActorNames }) {
  const name = props.names.get(props.id);
  if (name === undefined) return <code>{props.id}</code>;
  return (
    <>
      <span class="actor-name">{name}</span> <code class="actor-id">{props.id}</code>
    </>
  );
}
