import { describe, expect, it } from 'vitest';
import type { Mole } from '../store/history-types';
import { recheckSchedule } from './due-moles';

const mole = (id: string, createdAt: string, recheckIntervalDays = 91): Mole => ({
  id,
  name: id,
  bodyLocation: 'front-head',
  createdAt,
  recheckIntervalDays,
});

describe('recheckSchedule', () => {
  it('counts the interval from the latest check, or from creation when there is none', () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    const schedule = recheckSchedule(
      [mole('fresh', '2026-05-01T00:00:00.000Z'), mole('old', '2025-01-01T00:00:00.000Z', 30)],
      [
        { moleId: 'old', takenAt: '2026-04-01T00:00:00.000Z' },
        { moleId: 'old', takenAt: '2026-05-20T00:00:00.000Z' },
      ],
      now,
    );
    // old: latest check 20 May + 30 days = 19 June, not due; fresh: 1 May + 91 days = 31 July.
    expect(schedule.map((s) => [s.mole.id, s.dueAt.toISOString().slice(0, 10), s.isDue])).toEqual([
      ['old', '2026-06-19', false],
      ['fresh', '2026-07-31', false],
    ]);
  });

  it('lists due moles first', () => {
    const schedule = recheckSchedule(
      [mole('later', '2026-05-01T00:00:00.000Z'), mole('due', '2025-01-01T00:00:00.000Z')],
      [],
      new Date('2026-06-01T00:00:00.000Z'),
    );
    expect(schedule.map((s) => [s.mole.id, s.isDue])).toEqual([
      ['due', true],
      ['later', false],
    ]);
  });
});
