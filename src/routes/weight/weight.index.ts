import { createRouter } from '../router';
import { weightHandler } from './weight.handlers';
import { weightRoute } from './weight.routes';

export const weightRouter = createRouter().openapi(weightRoute, weightHandler);
