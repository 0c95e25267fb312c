/**
 * Labelled form fields: every input has a visible label, an optional hint and
 * its error beside it, tied together with for/id and aria-describedby; the page's
 * first invalid field takes the focus (./first-error.tsx).
 */
import type { Language } from '../../i18n/lang';
import { describedBy, FieldError } from './field-error';
import { useAutofocus } from './first-error';

interface FieldBase {
  id: string;
  name: string;
  label: string;
  lang: Language;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean;
}

/** A select's choice. */
export interface Choice {
  value: string;
  label: string;
}

function Frame(props: FieldBase & { children: unknown }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.children}
      <FieldError id={`${props.id}-error`} lang={props.lang} message={props.error} />
    </div>
  );
}

/** What ties a control to its hint and error, and whether it is the one to land on. */
const aria = (props: FieldBase) => ({
  'aria-invalid': props.error ? ('true' as const) : undefined,
  'aria-describedby': describedBy(
    props.hint && `${props.id}-hint`,
    props.error && `${props.id}-error`,
  ),
  autofocus: useAutofocus(Boolean(props.error)) || undefined,
});

/**
 * @example <TextField id="f-waybill" name="waybill" label="Waybill" lang="en" value="" />
 */
export function TextField(
  props: FieldBase & {
    value: string | undefined;
    type?: 'text' | 'email' | 'tel' | 'date' | 'search';
    inputmode?: 'decimal' | 'numeric';
    autocomplete?: string;
  },
) {
  return (
    <Frame {...props}>
      <input
        id={props.id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        inputmode={props.inputmode}
        autocomplete={props.autocomplete ?? 'off'}
        required={props.required}
        {...aria(props)}
      />
    </Frame>
  );
}

/**
 * @example <TextArea id="f-description" name="description" label="What happened" lang="en" value="" />
 */
export function TextArea(props: FieldBase & { value: string | undefined; rows?: number }) {
  return (
    <Frame {...props}>
      <textarea
        id={props.id}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        {...aria(props)}
      >
        {props.value ?? ''}
      </textarea>
    </Frame>
  );
}

/**
 * A select; `emptyChoice` adds a first, empty choice with that label.
 *
 * @example <SelectField id="f-type" name="type" label="Type" lang="en" value="lost" choices={types} />
 */
export function SelectField(
  props: FieldBase & {
    value: string | undefined;
    choices: readonly Choice[];
    emptyChoice?: string;
  },
) {
  return (
    <Frame {...props}>
      <select id={props.id} name={props.name} required={props.required} {...aria(props)}>
        {props.emptyChoice !== undefined ? <option value="">{props.emptyChoice}</option> : null}
        {props.choices.map((choice) => (
          <option value={choice.value} selected={choice.value === props.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

/**
 * A checkbox with its label after it; posts `value` ("true") when ticked.
 *
 * @example <CheckboxField id="f-overdue" name="overdue" label="Overdue only" lang="en" checked />
 */
export function CheckboxField(props: FieldBase & { checked: boolean }) {
  return (
    <div class={props.error ? 'field check invalid' : 'field check'}>
      <input
        id={props.id}
        name={props.name}
        type="checkbox"
        value="true"
        checked={props.checked}
        {...aria(props)}
      />
      <label for={props.id}>{props.label}</label>
      {props.hint ? (
        <p class="hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={`${props.id}-error`} lang={props.lang} message={props.error} />
    </div>
  );
}

/**
 * A file input (its form must be `multipart/form-data`).
 *
 * @example <FileField id="file-ev_1" name="file" label="File" lang="en" accept=".pdf" />
 */
export function FileField(props: FieldBase & { accept: string }) {
  return (
    <Frame {...props}>
      <input
        id={props.id}
        name={props.name}
        type="file"
        accept={props.accept}
        required={props.required}
        {...aria(props)}
      />
    </Frame>
  );
}
