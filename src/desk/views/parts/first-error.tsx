/**
 * Landing on the error: a refused post is answered with the page again, each error beside
 * its field, and the first invalid field of the page (in reading order) carries `autofocus`,
 * so the browser focuses it and scrolls it into view, however far down the form is. Only the
 * first claims it: one `autofocus` per page, as HTML asks. A page opts in by wrapping its
 * content in `<LandOnFirstError>`; outside one, nothing is focused.
 */
import { createContext, useContext, type Child } from 'hono/jsx';

/** Whether this page's first invalid field has been rendered yet (one object per render). */
const FirstError = createContext<{ taken: boolean } | undefined>(undefined);

/**
 * Whether this field, invalid or not, is the one to focus: the first invalid one of the page.
 * Call it in a component, where the page's context is read, in rendering (reading) order.
 *
 * @example <input autofocus={useAutofocus(Boolean(props.error))} … />
 */
export function useAutofocus(invalid: boolean): boolean {
  const first = useContext(FirstError);
  if (!invalid || first === undefined || first.taken) return false;
  first.taken = true;
  return true;
}

/**
 * The part of a page whose first invalid field takes the focus.
 *
 * @example <LandOnFirstError><Moves … /><Remedies … /></LandOnFirstError>
 */
export function LandOnFirstError(props: { children: Child }) {
  return <FirstError.Provider value={{ taken: false }}>{props.children}</FirstError.Provider>;
}
