import { CSRF_FIELD } from '../../session/csrf';
import { Instant } from '../parts/instant';

import type { Language } from '../../i18n/lang';
import { caseworkFor } from '../../i18n/casework';
import type { Claim } from '../../../domain/claim';
import type { ClaimNote } from '../../../storage/repository';
import { TextArea } from '../parts/fields';

/** What the claim page shows of the clerk's casework (who works on it, internal notes). */
export interface CaseworkModel {
  notes: ClaimNote[];
  /** The signed-in clerk's key id. */
  me: string;
  /** The step just done (after a redirect). */
  done?: 'assigned' | 'unassigned' | 'noted' | undefined;
  /** A refused note: what was typed. */
  refusedNote?: string | undefined;
}

function Assignee(props: { claim: Claim; lang: Language; csrf: string; me: string }) {
  const { claim, lang } = props;
  const m = caseworkFor(lang);
  const mine = claim.assignee?.id === props.me;
  return (
    <section aria-labelledby="assignee-title" class="card">
      <h2 id="assignee-title">{m.assignee}</h2>
      <p id="assignee">
        {claim.assignee ? m.assignedTo(claim.assignee.name) : m.nobody}
        {mine ? m.you : ''}
      </p>
      <form method="post" action={`/desk/claims/${claim.id}/assignee`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="version" value={String(claim.version)} />
        <input type="hidden" name="action" value={mine ? 'unassign' : 'assign'} />
        <button type="submit">{mine ? m.unassign : m.assignToMe}</button>
      </form>
      {claim.assignee && !mine ? (
        <form method="post" action={`/desk/claims/${claim.id}/assignee`}>
          <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
          <input type="hidden" name="version" value={String(claim.version)} />
          <input type="hidden" name="action" value="unassign" />
          <button type="submit">{m.unassign}</button>
        </form>
      ) : null}
    </section>
  );
}

function Notes(props: { claim: Claim; lang: Language; csrf: string; model: CaseworkModel }) {
  const { lang, model } = props;
  const m = caseworkFor(lang);
  return (
    <section aria-labelledby="notes-title" class="card">
      <h2 id="notes-title">{m.notes}</h2>
      <p class="hint">{m.notesHint}</p>
      {model.notes.length === 0 ? (
        <p>{m.noNotes}</p>
      ) : (
        <ol class="notes" id="notes">
          {model.notes.map((note) => (
            <li>
              <p class="note-meta">
                {note.author.name}, <Instant lang={lang} at={note.at} />
              </p>
              <p class="note-text">{note.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form method="post" action={`/desk/claims/${props.claim.id}/notes`}>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <TextArea
          id="note-text"
          name="text"
          label={m.noteText}
          lang={lang}
          required
          rows={3}
          value={model.refusedNote}
          error={model.refusedNote === undefined ? undefined : m.noteError}
        />
        <button type="submit">{m.addNote}</button>
      </form>
    </section>
  );
}

/**
 * Who works on the claim (assign to me / unassign) and the desk's internal notes.
 *
 * @example <Casework claim={claim} lang="en" csrf={token} model={{ notes, me: keyId }} />
 */
export function Casework(props: {
  claim: Claim;
  lang: Language;
  csrf: string;
  model: CaseworkModel;
}) {
  const m = caseworkFor(props.lang);
  const done = props.model.done;
  return (
    <>
      {done ? (
        <p class="notice success" role="status">
          {m[done]}
        </p>
      ) : null}
      <Assignee claim={props.claim} lang={props.lang} csrf={props.csrf} me={props.model.me} />
      <Notes {...props} />
    </>
  );
}
