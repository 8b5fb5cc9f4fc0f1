import { UNSUBSCRIBE_LINK_DAYS, unsubscribeLinkId, type UnsubscribePurpose } from '../../../domain/mailing/unsubscribe-link';
import { publicSiteUrl } from '../../runtime/site';
import { links } from '../../runtime/vault';
import type { UnsubscribeLinks } from './render-mailing';

const withoutSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * The links that stop `purpose` for a subject, signed (LinkSigner, purpose `unsubscribe`) to
 * expire a year after the e-mail's event, so a retried send signs the same token:
 * - the website's page `<site>/unsubscribe.html?token=…` (site: PUBLIC_SITE_URL, else the local
 *   web origin), where the person presses a button (not a link that acts on a GET: mail scanners
 *   open links);
 * - with PUBLIC_API_URL set, the API's one-click address for the List-Unsubscribe header
 *   (RFC 8058: mail clients POST `List-Unsubscribe=One-Click` to it).
 */
export async function unsubscribeLinks(subjectId: string, purpose: UnsubscribePurpose, occurredAt: string): Promise<UnsubscribeLinks> {
  const expiresAt = new Date(Date.parse(occurredAt) + UNSUBSCRIBE_LINK_DAYS * 86_400_000).toISOString();
  const token = encodeURIComponent(await links().sign('unsubscribe', unsubscribeLinkId(subjectId, purpose), expiresAt));
  const site = publicSiteUrl();
  const api = process.env.PUBLIC_API_URL ? withoutSlash(process.env.PUBLIC_API_URL) : undefined;
  return { page: `${site}/unsubscribe.html?token=${token}`, ...(api ? { oneClick: `${api}/v1/public/unsubscribe?token=${token}` } : {}) };
}
