import regionList from '../../content/regions.json' with { type: 'json' };

/** Slugs of Albania's 12 counties (qarqe); `content/regions.json` is the one source of truth. */
export const regionIds = regionList.map((region) => region.id) as [string, ...string[]];

/** Where a campaign applies: a county, or the whole country. */
export const campaignScopes = [...regionIds, 'national'] as [string, ...string[]];

/** Kukës, Lezhë, Shkodër and Durrës piloted children's participation in the regional plans. */
export function isPilotRegion(id: string): boolean {
  return regionList.some((region) => region.id === id && region.pilot);
}
