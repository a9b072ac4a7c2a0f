'use server';

import { authedAction } from '@/lib/server/action';
import { startSimulation } from '@/lib/server/simulation/start-simulation';
import { ZSimulationParams } from '@/lib/simulator/params';

export const startSimulationAction = authedAction('simulation.run', ZSimulationParams, (input, context) => startSimulation(context, input));
