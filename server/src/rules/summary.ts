/**
 * What one meeting tells the rules about its siblings (the other meetings of its folder):
 * its committee, date and item numbers. The editor's workspace index and `referat lint`
 * build it with this one function, so `item-numbering` gives the same answer in both.
 */
import type { Meeting } from '../model/types.js';
import type { MeetingSummary } from './types.js';

export function meetingSummary(uri: string, m: Meeting): MeetingSummary {
  // A meeting without a Dato field is placed by the date in its title.
  const d = m.date ?? m.titleDate;
  return {
    uri,
    committee: m.committee,
    date: d ? { year: d.year, month: d.month, day: d.day } : undefined,
    itemNumbers: m.items.map((i) => i.numeric).filter((n): n is number => n !== undefined),
  };
}
