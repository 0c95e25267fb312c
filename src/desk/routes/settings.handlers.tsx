/**
 * The clerk's own settings: the time zone the desk shows times in, kept on the clerk's key
 * (read with the session on every request, so it applies at once on every device).
 */
import type { Context } from 'hono';
import { SettingsPage } from '../views/settings';
import type { DeskEnv } from './desk-env';
import { formStrings } from './claim.handlers';
import { pathOf, renderPage } from './render';

type C = Context<DeskEnv>;

/** Every IANA zone the runtime knows (UTC included), sorted. */
function knownZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  return [...zones].sort();
}

function page(c: C, options: { saved?: boolean; refused?: boolean } = {}, status: 200 | 422 = 200) {
  return renderPage(
    c,
    <SettingsPage
      lang={c.get('lang')}
      path={pathOf(c)}
      csrf={c.get('csrf')}
      timeZone={c.get('timeZone')}
      zones={knownZones()}
      now={c.var.deps.clock()}
      {...options}
    />,
    status,
  );
}

/**
 * GET /desk/settings (`?saved=1` after a save).
 *
 * @example deskRouter.get('/desk/settings', settingsForm);
 */
export const settingsForm = (c: C) => page(c, { saved: c.req.query('saved') === '1' });

/**
 * POST /desk/settings (`timeZone`): 303 back with the new zone; a zone the runtime does not
 * know is 422 with the form, nothing saved.
 *
 * @example deskRouter.post('/desk/settings', saveSettings);
 */
export async function saveSettings(c: C) {
  const zone = formStrings(await c.req.parseBody()).timeZone ?? '';
  const saved = await c.var.services.deskSessions.setTimeZone(c.get('session').keyId, zone);
  if (!saved) return page(c, { refused: true }, 422);
  return c.redirect('/desk/settings?saved=1', 303);
}
