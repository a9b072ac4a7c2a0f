import 'server-only';
export { registerPeriodicTask, type PeriodicTask } from './tasks';
export { startScheduler, stopScheduler } from './scheduler';
export { getSchedulerStatus, type SchedulerStatus } from './get-scheduler-status';
