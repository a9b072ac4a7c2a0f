import 'server-only';
export { getEffectiveCapacity, type CapacitySource, type EffectiveCapacity } from './get-effective-capacity';
export { getCapacitySettings, type CapacitySettings } from './get-capacity-settings';
export { setCapacitySettings, type CapacityChange, type CapacityUpdateResult } from './set-capacity-settings';
