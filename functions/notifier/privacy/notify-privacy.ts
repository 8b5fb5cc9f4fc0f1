import type { PrivacyRequestView } from '../../../domain/privacy/request-view';
import type { PayloadOf } from '../../../events/catalog';
import type { IntegrationDetail } from '../../../events/integration';
import type { Mail } from '../../mail/mailer';
import { activeCatalog } from '../../runtime/catalog';
import { logger } from '../../runtime/logger';
import { publicSiteUrl } from '../../runtime/site';
import { links } from '../../runtime/vault';
import { dpoAddresses, renderAnswerMail, renderConfirmationMail, renderReminderMail, type PrivacyMailedType } from './render-privacy';

type Sent = { messageId?: string };

/**
 * A privacy request's e-mail: the signed confirmation link (signed here, when sent, so no link is
 * ever stored), the answer, or the DPO's reminder. `detail.payload` is already opened.
 */
export async function notifyPrivacy(
  detail: IntegrationDetail,
  type: PrivacyMailedType,
  viewAt: <View>(pk: string, version: number) => Promise<View>,
  send: (detail: IntegrationDetail, mail: Mail) => Promise<Sent>,
): Promise<Sent> {
  const catalog = activeCatalog();
  if (type === 'PrivacyRequestReceived') {
    const request = detail.payload as PayloadOf<'PrivacyRequestReceived'>;
    const token = await links().sign('privacy-confirmation', request.requestId, request.linkExpiresAt);
    const link = `${publicSiteUrl()}/privacy.html?token=${encodeURIComponent(token)}`;
    return send(detail, renderConfirmationMail(request, link, catalog.defaultTimeZone));
  }
  const view = await viewAt<PrivacyRequestView>(detail.streamId, detail.version);
  if (type === 'PrivacyRequestCompleted') return send(detail, renderAnswerMail(view));
  const to = dpoAddresses(catalog);
  if (to.length === 0) {
    logger.warn('privacy deadline reminder not mailed: the catalog names no privacy or support e-mail', { requestId: view.requestId });
    return {};
  }
  return send(detail, renderReminderMail(detail.payload as PayloadOf<'PrivacyRequestReminded'>, view.right, to));
}
