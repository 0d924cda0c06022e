/**
 * The data sources the demo knows, and the sample accounts its platform offers at sign-in. Shared by
 * the seed and the platform's sign-in page so both speak of the same platforms and ID formats.
 */

export interface SampleAccount {
  accountId: string;
  accountName: string;
}

export interface SourceInfo {
  id: string;
  name: string;
  /** Served by this server from `demo/server/logos/`. */
  logoUrl: string;
  /** Accounts the platform's sign-in page offers that the seed did not connect. */
  samples: SampleAccount[];
}

export const SOURCES: SourceInfo[] = [
  {
    id: 'google-ads',
    name: 'Google Ads',
    logoUrl: '/logos/google-ads.svg',
    samples: [
      { accountId: '318-552-0147', accountName: 'Quayside Bakery – Search' },
      { accountId: '604-219-8835', accountName: 'Marigold Pet Supplies – Shopping' },
      { accountId: '927-140-3368', accountName: 'Tidewater Kayaks – Performance Max' },
    ],
  },
  {
    id: 'facebook-ads',
    name: 'Facebook Ads',
    logoUrl: '/logos/facebook-ads.svg',
    samples: [
      { accountId: 'act_240118736615092', accountName: 'Quayside Bakery' },
      { accountId: 'act_781204459930217', accountName: 'Marigold Pet Supplies' },
      { accountId: 'act_530961127748310', accountName: 'Tidewater Kayaks – Retargeting' },
    ],
  },
  {
    id: 'linkedin-ads',
    name: 'LinkedIn Ads',
    logoUrl: '/logos/linkedin-ads.svg',
    samples: [
      { accountId: '508734219', accountName: 'Summit Legal Partners' },
      { accountId: '511902846', accountName: 'Cobalt Analytics – Recruiting' },
      { accountId: '507118530', accountName: 'Brightwater Consulting' },
    ],
  },
  {
    id: 'ga4',
    name: 'Google Analytics 4',
    logoUrl: '/logos/ga4.svg',
    samples: [
      { accountId: '398120455', accountName: 'quaysidebakery.com – GA4' },
      { accountId: '401877236', accountName: 'marigoldpets.com – GA4' },
      { accountId: '377650918', accountName: 'tidewaterkayaks.com – GA4' },
    ],
  },
  {
    id: 'hubspot',
    name: 'HubSpot',
    logoUrl: '/logos/hubspot.svg',
    samples: [
      { accountId: '24518830', accountName: 'Quayside Bakery CRM' },
      { accountId: '20977415', accountName: 'Marigold Pet Supplies – Sales' },
      { accountId: '45120367', accountName: 'Brightwater Consulting' },
    ],
  },
  {
    id: 'tiktok-ads',
    name: 'TikTok Ads',
    logoUrl: '/logos/tiktok-ads.svg',
    samples: [
      { accountId: '7215530982614478849', accountName: 'Quayside Bakery' },
      { accountId: '7302918847152031746', accountName: 'Marigold Pet Supplies – Spark Ads' },
      { accountId: '7189406625038812162', accountName: 'Tidewater Kayaks' },
    ],
  },
];

export function sourceInfo(id: string): SourceInfo | undefined {
  return SOURCES.find((source) => source.id === id);
}
