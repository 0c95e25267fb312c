/**
 * The clerk desk: server-rendered pages under /desk on the same Worker, over
 * the same schemas, domain code and storage as the API. No page needs
 * JavaScript; every form post is same-site, CSRF-checked and size-limited.
 */
import { Hono } from 'hono';
import { DESK_CSS } from '../views/desk-css';
import { PRINT_JS, PRINT_SCRIPT_PATH } from '../views/print-script';
import { claimLetter } from './letter.handlers';
import { moveClaim, showClaim } from './claim.handlers';
import type { DeskEnv } from './desk-env';
import { deskErrorHandler } from './desk-errors';
import { attachFile, downloadFile } from './evidence-files.handlers';
import { markMessageSent } from './customer-messages.handlers';
import { unacknowledgedQueue } from './unacknowledged.handlers';
import { deskContext, requireCsrf, sameSitePosts } from './guard-middleware';
import { newClaim, newClaimForm } from './new-claim.handlers';
import { lateShipments, shipmentClaim, showOrder } from './orders.handlers';
import { queue } from './queue.handlers';
import { answerRemedy, offerRemedy } from './remedies.handlers';
import { analyticsCsvFile, analyticsDashboard, setCause } from './analytics.handlers';
import { renderError } from './render';
import { securityHeaders } from './security-headers';
import { requireClerk } from '../session/session-middleware';
import { signIn, signInForm, signOut, switchLanguage } from './sign-in.handlers';
import { addNote, assignee } from './casework.handlers';
import { saveSettings, settingsForm } from './settings.handlers';
import { findShop, unmatchedEvents } from './unmatched.handlers';
import { webhookNotices } from './webhooks.handlers';
import { erasePersonalData, erasureAct, personalDataPage } from './personal-data.handlers';
import {
  auditProgress,
  auditRowsCsv,
  auditsList,
  fileAllClaims,
  showAudit,
  uploadAudit,
} from './audits.handlers';
import { AUDIT_PROGRESS_JS, AUDIT_PROGRESS_SCRIPT_PATH } from '../views/audit/progress-script';

/**
 * @example app.route('/', deskRouter); // after the API's routers
 */
export const deskRouter = new Hono<DeskEnv>();

// '/desk/*' matches '/desk' itself too, so each middleware is registered once.
deskRouter.use('/desk/*', securityHeaders(), deskContext());
deskRouter.on('POST', '/desk/*', sameSitePosts());

// Open to anyone: the stylesheet, signing in, the language switch.
deskRouter.get('/desk/assets/desk.css', (c) =>
  c.body(DESK_CSS, 200, {
    'content-type': 'text/css; charset=utf-8',
    'cache-control': 'public, max-age=300',
  }),
);
// The letter's print button: a script file, since the CSP allows no inline script.
deskRouter.get(PRINT_SCRIPT_PATH, (c) =>
  c.body(PRINT_JS, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=300',
  }),
);
// The audit page's progress bar (issue 24), a script file for the same reason.
deskRouter.get(AUDIT_PROGRESS_SCRIPT_PATH, (c) =>
  c.body(AUDIT_PROGRESS_JS, 200, {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=300',
  }),
);
deskRouter.get('/desk/sign-in', signInForm);
deskRouter.post('/desk/sign-in', signIn);
deskRouter.get('/desk/lang/:lang', switchLanguage);

// A signed-in clerk only; posts carry the session's CSRF token.
// The phone-in form is /desk/new-claim, not /desk/claims/new: a fixed word beside
// /desk/claims/:id would make Hono fall back from its RegExpRouter to the slower
// TrieRouter for every request, API included (measured: 5–15 µs a calculator call).
deskRouter.use('/desk', requireClerk());
deskRouter.use('/desk/claims/*', requireClerk());
deskRouter.use('/desk/new-claim', requireClerk());
deskRouter.use('/desk/sign-out', requireClerk());
deskRouter.use('/desk/shipments/*', requireClerk());
deskRouter.use('/desk/shops/*', requireClerk());
deskRouter.on(
  'POST',
  ['/desk/claims/*', '/desk/new-claim', '/desk/sign-out', '/desk/shops/*'],
  requireCsrf(),
);

deskRouter.get('/desk', (c) => c.redirect('/desk/claims', 303));
deskRouter.post('/desk/sign-out', signOut);
deskRouter.get('/desk/claims', queue);
deskRouter.get('/desk/new-claim', newClaimForm);
deskRouter.post('/desk/new-claim', newClaim);
deskRouter.get('/desk/claims/:id', showClaim);
deskRouter.post('/desk/claims/:id/moves/:move', moveClaim);
deskRouter.get('/desk/claims/:id/letter', claimLetter);
// Customer remedies on the claim page.
deskRouter.post('/desk/claims/:id/remedies', offerRemedy);
deskRouter.post('/desk/claims/:id/remedies/:remedyId/:answer', answerRemedy);
deskRouter.post('/desk/claims/:id/evidence/:evidenceId/file', attachFile);
deskRouter.get('/desk/claims/:id/evidence/:evidenceId/file', downloadFile);
deskRouter.get('/desk/shipments/late', lateShipments);
deskRouter.get('/desk/shops/:shopId/orders/:orderId', showOrder);
deskRouter.post('/desk/shops/:shopId/shipments/:shipmentId/claim', shipmentClaim);
// Assign to me, internal notes.
deskRouter.post('/desk/claims/:id/assignee', assignee);
deskRouter.post('/desk/claims/:id/notes', addNote);

// The unacknowledged queue: not under /desk/claims/, beside /desk/claims/:id (see above).
deskRouter.use('/desk/unacknowledged', requireClerk());
deskRouter.get('/desk/unacknowledged', unacknowledgedQueue);
deskRouter.post('/desk/claims/:id/messages/:messageId/sent', markMessageSent);

// The dashboard, its CSV, the claim's cause (CSRF-checked as /desk/claims/*).
deskRouter.use('/desk/analytics', requireClerk());
deskRouter.use('/desk/analytics.csv', requireClerk());
deskRouter.get('/desk/analytics', analyticsDashboard);
deskRouter.get('/desk/analytics.csv', analyticsCsvFile);
deskRouter.post('/desk/claims/:id/cause', setCause);

// The webhook endpoints the delivery engine disabled (src/services/webhook-health.ts).
deskRouter.use('/desk/webhooks', requireClerk());
deskRouter.get('/desk/webhooks', webhookNotices);

// The clerk's own settings (the time zone of the desk's times).
deskRouter.use('/desk/settings', requireClerk());
deskRouter.on('POST', '/desk/settings', requireCsrf());
deskRouter.get('/desk/settings', settingsForm);
deskRouter.post('/desk/settings', saveSettings);

// A shop's unmatched carrier events (issue 22; /desk/shops/* is the clerk's already), and the
// late queue's form that names the shop.
deskRouter.get('/desk/shops/:shopId/unmatched', unmatchedEvents);
deskRouter.use('/desk/unmatched', requireClerk());
deskRouter.get('/desk/unmatched', findShop);

// Personal data (issue 25): a shop's acts, erasure on its instruction, the printable act.
deskRouter.use('/desk/personal-data', requireClerk());
deskRouter.use('/desk/personal-data/*', requireClerk());
deskRouter.on('POST', '/desk/personal-data/*', requireCsrf());
deskRouter.get('/desk/personal-data', personalDataPage);
deskRouter.post('/desk/personal-data/erasures', erasePersonalData);
deskRouter.get('/desk/personal-data/erasures/:id', erasureAct);
// Audits of carrier reports (issue 24): a shop's audits and the upload, one audit, its
// progress (the page's script polls it), its rows as CSV, and "file all".
deskRouter.use('/desk/audits', requireClerk());
deskRouter.use('/desk/audits/*', requireClerk());
deskRouter.on('POST', ['/desk/audits', '/desk/audits/*'], requireCsrf());
deskRouter.get('/desk/audits', auditsList);
deskRouter.post('/desk/audits', uploadAudit);
deskRouter.get('/desk/audits/:id', showAudit);
deskRouter.get('/desk/audits/:id/progress', auditProgress);
deskRouter.get('/desk/audits/:id/rows.csv', auditRowsCsv);
deskRouter.post('/desk/audits/:id/claims', fileAllClaims);

deskRouter.all('/desk/*', (c) => renderError(c, 'notFound'));
deskRouter.onError(deskErrorHandler);
