// The companies' order in the instructor's endings chart (classCompanyOrder, src/app/class-charts.ts).

import { describe, expect, it } from 'vitest';
import { classCompanyOrder } from '../src/app/class-charts';
import { findLevel, LEVEL_IDS } from '../src/app/levels';

const companiesOf = (id: string) => findLevel(id)?.player.companies;

describe('classCompanyOrder', () => {
  it('lists a level’s playable companies in its order, once, whatever the rows’ order', () => {
    const id = LEVEL_IDS[0] as string;
    const rows = [{ levelId: id }, { levelId: null }, { levelId: id }];
    expect(classCompanyOrder(rows, companiesOf)).toEqual([...findLevel(id)!.player.companies]);
  });

  it('goes level by level in the order the levels first appear, without repeating a company', () => {
    const order = classCompanyOrder(
      [{ levelId: 'b' }, { levelId: 'a' }, { levelId: 'b' }],
      (id) => ({ a: ['x', 'y'], b: ['y', 'z'] })[id],
    );
    expect(order).toEqual(['y', 'z', 'x']);
  });

  it('skips refused codes (no level) and levels it does not know', () => {
    expect(classCompanyOrder([{ levelId: null }, { levelId: 'nowhere' }], companiesOf)).toEqual([]);
  });
});
