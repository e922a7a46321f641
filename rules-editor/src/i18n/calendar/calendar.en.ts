import type { zhCalendar } from './calendar.zh';

/** The working-day calendar screen's strings in English. */
export const enCalendar: typeof zhCalendar = {
  calTitle: 'Working-day calendar',
  calIntro:
    'Review deadlines for self-applications and objections (10 working days) and the publication period of results (5 working days) count working days. ' +
    "Each year, once the State Council publishes next year's holidays, enter and confirm its notice here so that deadlines follow the official arrangement.",
  calYears: 'What decides working days, by year',
  calState: { official: 'Official arrangement (built in)', notice: 'Confirmed notice', statutory: 'Statutory holidays only' },
  calStateText: (year, state, notice) =>
    state === 'official'
      ? `The State Council's arrangement for ${year} is built in; deadlines follow it.`
      : state === 'notice'
        ? `${year} follows the confirmed notice “${notice ?? ''}”.`
        : `No State Council notice for ${year} has been confirmed: only the statutory holidays count, not adjusted working weekends or make-up days, so deadlines in ${year} are provisional and may change once the notice is confirmed.`,
  calOverridesInYear: (n) => `Plus ${n} single-day override${n === 1 ? '' : 's'}.`,
  calEnterFor: (year) => `Enter the ${year} notice`,
  calNotices: 'Notices entered',
  calNoNotices: 'No notice has been entered yet.',
  calNoticeStatus: { entered: 'waiting for confirmation', confirmed: 'in force', superseded: 'superseded', withdrawn: 'withdrawn' },
  calEnteredHint: 'Not confirmed, so not in force. It is confirmed below its read-back; after leaving this page, read it again under “Enter a notice” to confirm it.',
  calEnteredBy: (by, at) => `entered by ${by} on ${at}`,
  calConfirmedBy: (by, at) => `confirmed by ${by} on ${at}`,
  calEnterTitle: 'Enter a notice',
  calEnterHelp:
    "Paste the full text of the State Council's holiday notice, or choose an .ics calendar file. What was read is shown first; no deadline changes until you confirm it.",
  calYear: 'Year',
  calText: 'Notice text',
  calTextPlaceholder: '一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。\n二、春节：……',
  calIcsFile: 'or choose an .ics calendar file',
  calIcsChosen: (name) => `Will read the file: ${name}`,
  calClearFile: 'Use the pasted text instead',
  calRead: 'Read it',
  calReading: 'Reading…',
  calReadBack: (year) => `The ${year} arrangement as read (not in force yet)`,
  calHolidays: 'Days off',
  calHolidayRange: (from, to, days) => (from === to ? `${from}, 1 day` : `${from} to ${to}, ${days} days`),
  calWorkdays: 'Weekend days worked (调休)',
  calNone: 'None',
  calIgnored: 'Lines not used',
  calIgnoredHelp: 'These lines have dates but say neither 放假 (days off) nor 上班 (worked), so they were not used. Check that nothing is missing.',
  calLine: (n) => `line ${n}`,
  calMissing: 'Statutory holidays the notice does not give off',
  calMissingHelp: 'By law these days are off, but the notice does not list them. A mistyped range is the usual cause; even once confirmed, these days stay off.',
  calNoMissing: 'Every statutory holiday is in the notice.',
  calMoves: 'Deadlines it would move',
  calNoMoves: 'No running deadline would move.',
  calMoveKind: (kind) => ({ 'self-application': 'Self-application review', objection: 'Objection', publication: 'Publication of results' })[kind] ?? kind,
  calMoveCols: { kind: 'What', id: 'Number', from: 'Counted from', due: 'Deadline (old → new)' },
  calConfirm: 'Confirm and apply',
  calConfirmAsk: (year, moves) =>
    `Once confirmed, working days in ${year} follow this notice${moves > 0 ? `, and the ${moves} deadline${moves === 1 ? '' : 's'} above move at once; reviewers see why in their queues` : ''}. ` +
    'This is recorded in the audit trail; a mistake can only be corrected by entering a new notice.',
  calConfirmYes: 'Confirm, apply now',
  calBack: 'Back',
  calConfirmed: (year) => `In force: working days in ${year} now follow this notice.`,
  calMoved: 'Deadlines moved',
  calNoneMoved: 'No deadline had to move.',
  calReadOnly: 'You can read the working-day calendar; entering notices and single-day overrides need the admin role.',
  calOverridesTitle: 'Single-day overrides',
  calOverridesHelp:
    "Make one day a working day or a day off on its own (e.g. a one-off change). Deadlines computed afterwards use it; an override never changes a year's source.",
  calNoOverrides: 'No single-day overrides.',
  calDate: 'Date',
  calKind: 'Make it',
  calKindLabel: { workday: 'a working day', holiday: 'a day off' },
  calReason: 'Reason',
  calBy: 'By',
  calAdd: 'Add override',
  calRemove: 'Remove',
  calRemoved: (date) => `The override of ${date} was removed.`,
  calAdded: (date) => `The override of ${date} was saved.`,
  calErrEmpty: 'Paste the text of the notice, or choose an .ics file.',
  calErrYear: (from, to) => `The year must be a whole number from ${from} to ${to}.`,
  calErrYearMismatch: (titleYear, year) => `The notice's title says ${titleYear}, not the year entered (${year}).`,
  calErrNoDates: 'No days off could be read. Paste the body of the notice, e.g. “一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。”',
  calErrNetwork: 'The server cannot be reached. Check the network and try again; nothing was changed.',
  calErrSession: 'Your session has ended. Sign in again and retry; nothing was changed.',
  calErrForbidden: 'You are not allowed to do this (it needs the admin role).',
  calErrNotWaiting: (status) =>
    `${status === 'confirmed' ? 'This notice is already confirmed and in force' : status === 'superseded' ? 'This notice has been superseded by a newer one' : 'This notice was replaced by a later notice entered for the same year (withdrawn)'}, so this confirmation changed nothing. See “Notices entered” below and read it again if needed.`,
  calErrIcs: 'The file chosen cannot be read as an .ics calendar file; choose an .ics file exported from a calendar.',
  calErrIcsNoDays: 'No days off of that year were found in this .ics file (it should have events such as “春节(休)” and “春节(班)”).',
  calErrDate: 'Enter a date.',
  calErrReason: 'Give a reason.',
  calErrNoOverride: 'That day has no override (someone may have removed it).',
};
