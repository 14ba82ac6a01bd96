import type { ActionType } from '../../config/budget-actions.js';
import type { ActionExecutor } from '../types.js';
import { capAutoscaling } from './cap-autoscaling.js';
import { denyNewResources } from './deny-new-resources.js';
import { scaleDown } from './scale-down.js';
import { setParameter } from './set-parameter.js';

export { effectOf } from './resource.js';

const EXECUTORS: Record<ActionType, ActionExecutor> = {
  'set-parameter': setParameter as ActionExecutor,
  'scale-down': scaleDown as ActionExecutor,
  'cap-autoscaling': capAutoscaling as ActionExecutor,
  'deny-new-resources': denyNewResources as ActionExecutor,
};

export const executorFor = (type: ActionType): ActionExecutor => EXECUTORS[type];
