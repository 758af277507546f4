import { ValueStatus } from '../entities/enums';
import type { IndicatorValueRecord } from '../entities/indicator-value.entity';
import { withoutDrafts } from './visible-values';

const record = (indicatorId: number, status: ValueStatus) => ({ indicatorId, status }) as IndicatorValueRecord;

describe('withoutDrafts', () => {
  it('hands back the same map when it holds no DRAFT value (no copy per unit of a pull)', () => {
    const values = new Map([
      [1, record(1, ValueStatus.APPROVED)],
      [2, record(2, ValueStatus.SUBMITTED)],
    ]);
    expect(withoutDrafts(values)).toBe(values);
  });

  it('leaves DRAFT values out of a copy, the loader’s map untouched', () => {
    const values = new Map([
      [1, record(1, ValueStatus.DRAFT)],
      [2, record(2, ValueStatus.APPROVED)],
    ]);
    const visible = withoutDrafts(values);
    expect([...visible.keys()]).toEqual([2]);
    expect(values.size).toBe(2);
  });
});
