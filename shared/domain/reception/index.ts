/**
 * Reception days (接待日): calendar rules, expansion on real holidays, duty rotation, compliance,
 * clashes and the ICS feed. Pure functions: “today”/“now” is always passed in. See
 * docs/reception-calendar.md.
 */
export * from './rules'
export { expandRule, expandRuleDetailed, monthlySessionDate, MAX_RANGE_DAYS } from './expand'
export type { PlannedDate, DroppedDate, ExpandOptions, ExpandedCalendar } from './expand'
export { assignDuty } from './rotation'
export type { DutyDeputy, DutyAssignment, AssignDutyOptions } from './rotation'
export { dutyCompliance } from './compliance'
export type { ComplianceRow } from './compliance'
export { findClashes, isInPast } from './clashes'
export type { Clash, SessionSlot } from './clashes'
export { toICS, escapeText, foldLine, utf8Length, ICS_TZID, ICS_PRODID } from './ics'
export type { CalendarEvent, ToICSOptions } from './ics'
export { isHolidayYearPublished, PUBLISHED_HOLIDAY_YEARS, publicHolidayName, isPublicHoliday, isAdjustedWorkday, isWorkingDay } from './holidays'
export { shanghaiDateTime, isoWeekday, addDays, isValidDate, isValidTime } from './dates'
