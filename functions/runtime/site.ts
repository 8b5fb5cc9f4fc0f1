/** The example website's origin when PUBLIC_SITE_URL is not set (the local runtime's default web origin). */
export const LOCAL_SITE_URL = 'http://localhost:5173';

/** The public website the links in our e-mails open (PUBLIC_SITE_URL), without a trailing slash. */
export const publicSiteUrl = (): string => (process.env.PUBLIC_SITE_URL || LOCAL_SITE_URL).replace(/\/+$/, '');
