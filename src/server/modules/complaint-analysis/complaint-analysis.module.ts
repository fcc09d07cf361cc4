import type { QiaoModule } from '../module.ts';
import { complaintAnalysisRoutes } from './complaint-analysis.routes.ts';

export const complaintAnalysisModule: QiaoModule = {
  name: 'complaint-analysis',
  routes: [complaintAnalysisRoutes],
};
