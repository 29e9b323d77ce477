import type { MinutesDocument } from './minutes-document';
import { renderMinutesPdf } from './minutes-pdf';

/**
 * The largest meeting the minutes are sized for (20 attendees, 30 actions, an update from each
 * agency), invented text only. Used by the tests and by `npm run bench` to time the PDF render.
 */
export function largeMinutesDocument(attendees = 20, actions = 30): MinutesDocument {
  const roles = ['Social worker', 'Health visitor', 'Class teacher', 'School nurse', 'Family support worker', 'GP'];
  const people = Array.from({ length: attendees }, (_, i) => ({
    label: `Attendee ${i + 1}`,
    value: `${roles[i % roles.length]} ${i + 1} (${i % 5 === 4 ? 'sent apologies' : 'present'})`,
  }));
  const plan = Array.from({ length: actions }, (_, i) => ({
    label: `Action ${i + 1}`,
    value:
      `The ${roles[i % roles.length]?.toLowerCase()} will meet the family every two weeks to talk about ` +
      `how the morning routine is going and will write down what is working well. ` +
      `By Wed 31 Mar 2027. Who: ${roles[(i + 1) % roles.length]} ${i + 1}.`,
  }));
  const updates = roles.map((role) => ({
    label: role,
    value:
      'Attendance has improved since the last review and the child says school feels calmer. ' +
      'There were two missed appointments in January; both were rebooked and attended. '.repeat(3),
  }));
  return {
    version: 'professionals',
    title: 'Child in Need review: Sample Child',
    subtitle: 'Minutes for professionals · Tue 1 Dec 2026',
    meta: [
      { label: 'Date', value: 'Tue 1 Dec 2026' },
      { label: 'Time', value: '10:30 to 12:00' },
      { label: 'Chair', value: 'Sam Chair, Team Manager' },
      { label: 'Where', value: 'Microsoft Teams' },
    ],
    sections: [
      { heading: 'Who came', entries: people },
      { heading: 'Updates from each agency', entries: updates },
      { heading: 'The plan', entries: plan },
      { heading: 'Next meeting', entries: [{ label: 'When', value: 'Tue 2 Mar 2027 at 16:00' }] },
    ],
  };
}

/** Renders the largest sample meeting: the function `npm run bench` times. */
export function renderLargeMinutesSample(): Promise<Buffer> {
  return renderMinutesPdf(largeMinutesDocument());
}
