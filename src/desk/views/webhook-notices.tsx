import type { Language } from '../i18n/lang';
import { webhooksFor } from '../i18n/webhooks';
import type { WebhookNotice } from '../../webhooks/notice';
import { Layout } from './layout';
import { Instant } from './parts/instant';

export interface WebhookNoticesProps {
  lang: Language;
  path: string;
  csrf: string;
  notices: readonly WebhookNotice[];
}

/**
 * The endpoints the delivery engine disabled (the last 30 days), newest first.
 *
 * @example <WebhookNoticesPage lang="ru" path="/desk/webhooks" csrf={t} notices={notices} />
 */
export function WebhookNoticesPage(props: WebhookNoticesProps) {
  const m = webhooksFor(props.lang);
  return (
    <Layout
      lang={props.lang}
      title={m.title}
      path={props.path}
      csrf={props.csrf}
      current="webhooks"
    >
      <h1>{m.title}</h1>
      <p>{m.intro}</p>
      {props.notices.length === 0 ? (
        <p class="notice" role="status">
          {m.none}
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{m.shop}</th>
              <th scope="col">{m.url}</th>
              <th scope="col">{m.reason}</th>
              <th scope="col">{m.at}</th>
            </tr>
          </thead>
          <tbody>
            {props.notices.map((n) => (
              <tr>
                <td>{n.shopId}</td>
                <td>{n.url}</td>
                <td>{m.reasons[n.reason]}</td>
                <td>
                  <Instant lang={props.lang} at={n.at} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
