import { createRouter, route } from '../router';
import { weightHandler } from './weight.handlers';
import { weightRoute } from './weight.routes';

export const weightRouter = createRouter();
route(weightRouter, weightRoute, weightHandler);
