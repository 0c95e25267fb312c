import { timeZoneLabel } from '../../format';
import { CSRF_FIELD } from '../session/csrf';
import type { Language } from '../i18n/lang';
import { settingsFor } from '../i18n/settings';
import { Layout } from './layout';
import { describedBy, FieldError } from './parts/field-error';

/** The zones a clerk of a Russian, Belarusian, Kazakh or Uzbek shop most likely works in, west to east. */
export const COMMON_TIME_ZONES = [
  'Europe/Kaliningrad',
  'Europe/Moscow',
  'Europe/Minsk',
  'Europe/Samara',
  'Asia/Yekaterinburg',
  'Asia/Tashkent',
  'Asia/Almaty',
  'Asia/Omsk',
  'Asia/Novosibirsk',
  'Asia/Krasnoyarsk',
  'Asia/Irkutsk',
  'Asia/Yakutsk',
  'Asia/Vladivostok',
  'Asia/Magadan',
  'Asia/Kamchatka',
  'UTC',
] as const;

export interface SettingsProps {
  lang: Language;
  path: string;
  csrf: string;
  /** The clerk's zone now. */
  timeZone: string;
  /** Every zone the runtime knows. */
  zones: readonly string[];
  /** The instant the labels' offsets are taken at (summer and winter differ). */
  now: Date;
  saved?: boolean;
  /** The zone that was posted and refused. */
  refused?: boolean;
}

/**
 * The clerk's settings: the time zone the desk writes times in.
 *
 * @example <SettingsPage lang="ru" path="/desk/settings" csrf={t} timeZone="Europe/Moscow" zones={zones} now={now} />
 */
export function SettingsPage(props: SettingsProps) {
  const m = settingsFor(props.lang);
  const label = timeZoneLabel(props.lang, props.timeZone, props.now);
  const common = new Set<string>(COMMON_TIME_ZONES);
  const option = (zone: string) => (
    <option value={zone} selected={zone === props.timeZone}>
      {zone === 'UTC'
        ? 'UTC'
        : `${zone.replace(/_/g, ' ')} — ${timeZoneLabel(props.lang, zone, props.now)}`}
    </option>
  );
  return (
    <Layout
      lang={props.lang}
      title={m.title}
      path={props.path}
      csrf={props.csrf}
      current="settings"
    >
      <h1>{m.title}</h1>
      {props.saved ? (
        <p class="notice" role="status">
          {m.saved(label)}
        </p>
      ) : null}
      <form method="post" action="/desk/settings" class="card narrow">
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <fieldset>
          <legend>{m.zoneLegend}</legend>
          <div class={props.refused ? 'field invalid' : 'field'}>
            <label for="time-zone">{m.zoneLabel}</label>
            <p class="hint" id="time-zone-hint">
              {m.zoneHint} {m.current(label)}
            </p>
            <select
              id="time-zone"
              name="timeZone"
              aria-invalid={props.refused ? 'true' : undefined}
              aria-describedby={describedBy('time-zone-hint', props.refused && 'time-zone-error')}
            >
              <optgroup label={m.zoneLegend}>{COMMON_TIME_ZONES.map(option)}</optgroup>
              <optgroup label="IANA">
                {props.zones.filter((z) => !common.has(z)).map(option)}
              </optgroup>
            </select>
            <FieldError
              id="time-zone-error"
              lang={props.lang}
              message={props.refused ? m.unknownZone : undefined}
            />
          </div>
        </fieldset>
        <button type="submit">{m.save}</button>
      </form>
    </Layout>
  );
}
