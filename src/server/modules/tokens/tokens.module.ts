import type { QiaoModule } from '../module.ts';
import { tokensRoutes } from './tokens.routes.ts';

export const tokensModule: QiaoModule = {
  name: 'tokens',
  routes: [tokensRoutes],
};
