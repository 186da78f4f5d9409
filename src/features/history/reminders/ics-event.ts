/**
 * A one-event iCalendar file (RFC 5545) for a re-check: an all-day event with a morning alarm. A download
 * instead of push notifications, so no server is ever involved.
 */
export interface RecheckEvent {
  uid: string;
  moleName: string;
  dueAt: Date;
  now: Date;
}

function icsDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, '');
}

function icsStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Escapes text values as RFC 5545 §3.3.11 requires. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line to at most 75 octets per physical line (RFC 5545 §3.1), never splitting a character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function buildRecheckIcs(event: RecheckEvent): string {
  const next = new Date(event.dueAt.getTime() + 24 * 60 * 60 * 1000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Naevus//Mole re-check//EN',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${event.uid}@naevus.local`,
    `DTSTAMP:${icsStamp(event.now)}`,
    `DTSTART;VALUE=DATE:${icsDate(event.dueAt)}`,
    `DTEND;VALUE=DATE:${icsDate(next)}`,
    `SUMMARY:${icsText(`Re-check mole: ${event.moleName}`)}`,
    `DESCRIPTION:${icsText('Take a new photo of this mole in the Naevus app and compare it with the last one.')}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(`Re-check mole: ${event.moleName}`)}`,
    'TRIGGER:PT9H',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  // RFC 5545 wants CRLF line endings.
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
