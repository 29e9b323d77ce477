import { CalendarDate, daysBetween, formatCalendarDate } from './calendar-date';
import { cite } from './citation';
import { CalendarDuration, addCalendarDuration, describeDuration, unitAsAdjective } from './duration';
import { PolicyPack } from './policy-pack-schema';
import { variationOf } from './variations';

export interface Trajectory {
  readonly from?: CalendarDuration;
  readonly to: CalendarDuration;
}

export interface PlanWeekOptions {
  readonly variation?: string;
  /** The trajectory agreed for this case, where its variation sets trajectories per case. */
  readonly agreedTrajectory?: Trajectory;
}

export type PlanWeekStatus = 'not-started' | 'no-trajectory' | 'within' | 'end-window' | 'beyond';

export interface PlanWeek {
  /** 1 from the day the plan starts to six days later, then 2...; 0 before it starts. */
  readonly week: number;
  /** 0 on the day the plan starts. */
  readonly dayOfPlan: number;
  /** 'end-window': past the shortest expected length, not yet the longest; 'beyond': at or past the longest. */
  readonly status: PlanWeekStatus;
  /** 'week 11 of a 12-16 week plan'. */
  readonly label: string;
  readonly earliestEnd?: CalendarDate;
  readonly latestEnd?: CalendarDate;
  readonly citation?: string;
}

/** How far a plan is along its expected trajectory on `today`. */
export function planWeek(pack: PolicyPack, planStart: CalendarDate, today: CalendarDate, options: PlanWeekOptions = {}): PlanWeek {
  const dayOfPlan = daysBetween(planStart, today);
  if (dayOfPlan < 0) {
    return { week: 0, dayOfPlan, status: 'not-started', label: `the plan starts on ${formatCalendarDate(planStart)}` };
  }
  const week = Math.floor(dayOfPlan / 7) + 1;
  const variation = variationOf(pack, options.variation);
  // A variation that sets trajectories per case replaces the pack's: only the agreed one counts.
  const perCase = variation?.trajectory !== undefined ? variation : undefined;
  const trajectory: Trajectory | undefined = perCase ? options.agreedTrajectory : pack.trajectory;
  const source = perCase?.source ?? pack.trajectory?.source;
  const citation = source === undefined ? {} : { citation: cite(pack, source) };
  if (trajectory === undefined) {
    const why = perCase ? `${perCase.label}: the trajectory is agreed per case and none is recorded` : 'the procedure sets no trajectory';
    return { week, dayOfPlan, status: 'no-trajectory', label: `week ${week} (${why})`, ...citation };
  }
  const earliestEnd = trajectory.from && addCalendarDuration(planStart, trajectory.from);
  const latestEnd = addCalendarDuration(planStart, trajectory.to);
  const status: PlanWeekStatus =
    today >= latestEnd ? 'beyond' : earliestEnd !== undefined && today >= earliestEnd ? 'end-window' : 'within';
  const beyond = status === 'beyond' ? `: past the ${trajectory.to.amount}-${unitAsAdjective(trajectory.to.unit)} trajectory` : '';
  return {
    week,
    dayOfPlan,
    status,
    label: `week ${week} of ${planDescription(trajectory)}${beyond}`,
    ...(earliestEnd === undefined ? {} : { earliestEnd }),
    latestEnd,
    ...citation,
  };
}

/** 'a 12-16 week plan', 'a plan expected to end within 12 months'. */
function planDescription({ from, to }: Trajectory): string {
  if (from === undefined) return `a plan expected to end within ${describeDuration(to)}`;
  if (from.unit === to.unit) return `a ${from.amount}-${to.amount} ${unitAsAdjective(to.unit)} plan`;
  return `a plan of ${describeDuration(from)} to ${describeDuration(to)}`;
}
