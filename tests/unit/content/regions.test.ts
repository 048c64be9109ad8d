import { describe, expect, it } from 'vitest';
import regions from '../../../content/regions.json' with { type: 'json' };
import { regionSchema } from '../../../src/lib/schemas/content.ts';
import { isPilotRegion, regionIds } from '../../../src/lib/regions.ts';

describe('regions', () => {
  it('lists the 12 counties of Albania by their slugs', () => {
    expect([...regionIds].sort()).toEqual(
      ['berat', 'diber', 'durres', 'elbasan', 'fier', 'gjirokaster', 'korce', 'kukes', 'lezhe', 'shkoder', 'tirane', 'vlore'],
    );
  });

  it('marks exactly Kukës, Lezhë, Shkodër and Durrës as pilots', () => {
    expect(regionIds.filter(isPilotRegion).sort()).toEqual(['durres', 'kukes', 'lezhe', 'shkoder']);
  });

  it('validates every region entry', () => {
    for (const region of regions) expect(regionSchema.safeParse(region).success, region.id).toBe(true);
  });
});
