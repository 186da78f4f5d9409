import { describe, expect, it } from 'vitest';
import { buildRecheckIcs, foldLine, icsText } from './ics-event';

describe('re-check calendar file', () => {
  it('is an all-day VEVENT on the due date with CRLF lines and escaped text', () => {
    const ics = buildRecheckIcs({
      uid: 'm1',
      moleName: 'Back, left; near scar',
      dueAt: new Date('2026-09-01T12:00:00.000Z'),
      now: new Date('2026-06-01T08:00:00.000Z'),
    });
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain('DTSTART;VALUE=DATE:20260901\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20260902\r\n');
    expect(ics).toContain('DTSTAMP:20260601T080000Z\r\n');
    expect(ics).toContain('SUMMARY:Re-check mole: Back\\, left\\; near scar\r\n');
    expect(ics.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(80)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(lines.map((line, i) => (i === 0 ? line : line.slice(1))).join('')).toBe(
      `SUMMARY:${'é'.repeat(80)}`,
    );
    expect(icsText('a\nb\\c')).toBe('a\\nb\\\\c');
  });
});
