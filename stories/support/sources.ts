// Sample data sources for the stories, built on mocks/data.ts so that tests and stories agree.
import { connection, connections, expiredGrant, googleAds, type MockSource } from '../../mocks/data.js';

/** A flat stand-in logo as a data: URL (no request, works under any story base). */
function logo(background: string, mark: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${background}"/>${mark}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export const logos = {
  googleAds: logo('#1d4ed8', '<circle cx="32" cy="32" r="16" fill="none" stroke="#fff" stroke-width="6"/>'),
  facebookAds: logo('#1e3a8a', '<rect x="26" y="14" width="10" height="36" rx="3" fill="#fff"/>'),
  linkedinAds: logo('#0e7490', '<rect x="16" y="28" width="8" height="20" fill="#fff"/><rect x="30" y="20" width="18" height="28" rx="6" fill="#fff"/>'),
  ga4: logo('#b45309', '<rect x="16" y="34" width="8" height="14" fill="#fff"/><rect x="28" y="24" width="8" height="24" fill="#fff"/><rect x="40" y="14" width="8" height="34" fill="#fff"/>'),
  hubspot: logo('#c2410c', '<circle cx="32" cy="32" r="10" fill="#fff"/><circle cx="32" cy="32" r="4" fill="#c2410c"/>'),
};

const source = (id: string, name: string, logoUrl: string, list = connections(0)): MockSource => ({
  id,
  name,
  logoUrl,
  connections: list,
});

/** Google Ads with `list` and its logo. */
export const googleAdsWith = (list = connections(0)): MockSource => ({ ...googleAds(list), logoUrl: logos.googleAds });

/** Several sources covering the card states: none, one, many, some and all failing. */
export function catalog(): MockSource[] {
  return [
    googleAdsWith(connections(3, [1])),
    source('facebook-ads', 'Facebook Ads', logos.facebookAds),
    source('linkedin-ads', 'LinkedIn Ads', logos.linkedinAds, connections(1)),
    source('ga4', 'Google Analytics 4', logos.ga4, connections(2, [0, 1])),
    source('hubspot', 'HubSpot', logos.hubspot, connections(5)),
  ];
}

const wrapsBadly = 'SupercalifragilisticexpialidociousAccountWithoutAnySpacesForQ4CampaignsAndBeyond';

/** Names and messages far longer than anyone plans for, including one with no place to wrap. */
export const longNames = (): MockSource => ({
  id: 'google-ads',
  name: 'Google Ads — Performance Max, Search and Display (EMEA agency workspace, managed on behalf of clients)',
  logoUrl: logos.googleAds,
  connections: [
    connection(0, {
      accountName: 'Acme Worldwide Holdings International — Northern Europe Performance Marketing (Brand and Non-brand)',
      accountId: '123-456-7890-0000-1111-2222-3333',
    }),
    connection(1, {
      accountName: wrapsBadly,
      accountId: '9876543210987654321098765432109876543210',
      status: 'error',
      error: {
        code: 'invalid_grant',
        message: `${expiredGrant.message} The provider said: the refresh token for ${wrapsBadly} was revoked by an administrator of the account's organisation on another device.`,
      },
    }),
    connection(2, { accountName: 'Short' }),
  ],
});
