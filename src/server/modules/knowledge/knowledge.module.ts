import type { QiaoModule } from '../module.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';

export const knowledgeModule: QiaoModule = {
  name: 'knowledge',
  routes: [knowledgeRoutes],
};
