/**
 * A page of a desk listing (the late queue, the unacknowledged queue, a shop's unmatched
 * carrier events): its table in a frame that scrolls sideways on a narrow screen, or a
 * sentence when the page is empty, then the link to the next page.
 */
import type { Child } from 'hono/jsx';

export interface ListingProps {
  /** The table's class besides `queue`. */
  name: string;
  caption: string;
  /** The column headings, in order. */
  columns: readonly string[];
  /** What the page says when there is nothing to list. */
  empty: string;
  /** The rows (`<tr>`); none: the empty sentence. */
  rows: readonly Child[];
  /** The next page's link, absent on the last page; and the words of the link and its nav. */
  next: { href: string | undefined; label: string; nav: string };
}

/**
 * @example <Listing name="late-queue" caption="Late shipments on this page: 3" columns={['Shipment', …]} empty="No shipment is late." rows={rows} next={{ href, label: 'Next page', nav: 'Pages' }} />
 */
export function Listing(props: ListingProps) {
  return (
    <>
      {props.rows.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <div class="table-wrap">
          <table class={`queue ${props.name}`}>
            <caption>{props.caption}</caption>
            <thead>
              <tr>
                {props.columns.map((column) => (
                  <th scope="col">{column}</th>
                ))}
              </tr>
            </thead>
            <tbody>{props.rows}</tbody>
          </table>
        </div>
      )}
      {props.next.href ? (
        <nav class="pages" aria-label={props.next.nav}>
          <a href={props.next.href}>{props.next.label}</a>
        </nav>
      ) : null}
    </>
  );
}
