import { describe, expect, it } from 'vitest';
import { isPrivateArea } from '../../../src/lib/isPrivateArea.ts';

describe('the signed-in area', () => {
  it('covers account, teacher and committee pages in both locales', () => {
    expect(isPrivateArea('/sq/teachers/new/')).toBe(true);
    expect(isPrivateArea('https://zeri.example/en/committee/')).toBe(true);
    expect(isPrivateArea('/en/account/signin/')).toBe(true);
  });

  it('leaves public pages indexable', () => {
    expect(isPrivateArea('/sq/')).toBe(false);
    expect(isPrivateArea('/en/activities/myths-and-facts/')).toBe(false);
    expect(isPrivateArea('/sq/regions/teachers/')).toBe(false);
  });
});
